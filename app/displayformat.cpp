// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/displayformat.h"

#include <QDateTime>
#include <QLocale>

namespace ddd::app {

using core::model::VersionStatus;

QString DisplayFormat::bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString DisplayFormat::byteDelta(qint64 bytes)
{
    if (bytes == 0)
        return DisplayFormat::bytes(0);
    return (bytes > 0 ? u"+"_qs : u"\u2212"_qs) + DisplayFormat::bytes(qAbs(bytes));
}

QString DisplayFormat::time(qint64 unixMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(unixMs).toLocalTime(), QLocale::ShortFormat);
}

QString DisplayFormat::version(qint64 number)
{
    return tr("v%1").arg(number);
}

QString DisplayFormat::status(VersionStatus status)
{
    switch (status) {
    case VersionStatus::Uploading: return tr("Uploading");
    case VersionStatus::Processing: return tr("Processing");
    case VersionStatus::Ready: return tr("Ready");
    case VersionStatus::Failed: return tr("Failed");
    case VersionStatus::Live: return tr("Live");
    case VersionStatus::Retired: return tr("Retired");
    }
    return {};
}

QString DisplayFormat::duration(qint64 seconds)
{
    if (seconds < 60)
        return tr("%n second(s)", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%n minute(s)", nullptr, int((seconds + 30) / 60));
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString DisplayFormat::rate(double bytesPerSecond)
{
    return tr("%1/s").arg(bytes(qint64(bytesPerSecond)));
}

QString DisplayFormat::generator(core::build::Generator generator)
{
    using core::build::Generator;
    switch (generator) {
    case Generator::Plain: return tr("Plain site");
    case Generator::Hugo: return u"Hugo"_qs;
    case Generator::Jekyll: return u"Jekyll"_qs;
    case Generator::MkDocs: return u"MkDocs"_qs;
    case Generator::Npm: return u"npm"_qs;
    }
    return {};
}

} // namespace ddd::app
