// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/format.h"

#include "core/model/versionsource.h"
#include "core/wire/versionjson.h"

#include <QDateTime>
#include <QJsonValue>

namespace ddd::cli {

QString Format::bytes(qint64 bytes)
{
    if (bytes < 1000)
        return QStringLiteral("%1 B").arg(bytes);
    static const char *units[] = {"kB", "MB", "GB", "TB"};
    double value = double(bytes);
    int unit = -1;
    while (value >= 1000 && unit < 3) {
        value /= 1000;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QString::fromLatin1(units[unit]));
}

QString Format::time(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC).toString(Qt::ISODate);
}

QStringList Format::versionHeader()
{
    return {u"VERSION"_qs, u"STATUS"_qs, u"SOURCE"_qs, u"FILES"_qs, u"SIZE"_qs, u"CREATED"_qs, u"ID"_qs};
}

QStringList Format::versionRow(const core::model::Version &version)
{
    return {QString::number(version.number),
            core::model::versionStatusName(version.status),
            core::model::versionSourceName(version.source),
            QString::number(version.fileCount),
            bytes(version.totalBytes),
            time(version.createdAt),
            QString::number(version.id)};
}

QJsonObject Format::versionJson(const core::model::Version &version)
{
    return core::wire::versionToJson(version);
}

QJsonObject Format::projectJson(const core::client::RemoteProject &project)
{
    return {{u"id"_qs, project.id},
            {u"name"_qs, project.name},
            {u"domain"_qs, project.domain ? QJsonValue(*project.domain) : QJsonValue()},
            {u"slug"_qs, project.slug},
            {u"url"_qs, siteUrl(project)},
            {u"createdAt"_qs, project.createdAt}};
}

QJsonObject Format::buildJson(const core::client::RemoteBuild &build)
{
    auto optional = [](const std::optional<qint64> &value) { return value ? QJsonValue(*value) : QJsonValue(); };
    return {{u"id"_qs, build.id},
            {u"projectId"_qs, build.projectId},
            {u"number"_qs, build.number},
            {u"status"_qs, core::client::RemoteBuild::statusName(build.status)},
            {u"trigger"_qs, build.trigger},
            {u"sourceId"_qs, build.sourceId},
            {u"versionId"_qs, optional(build.versionId)},
            {u"createdAt"_qs, build.createdAt},
            {u"finishedAt"_qs, optional(build.finishedAt)},
            {u"error"_qs, build.error ? QJsonValue(QJsonObject{{u"code"_qs, build.error->code},
                                                             {u"message"_qs, build.error->message}})
                                      : QJsonValue()}};
}

QString Format::siteUrl(const core::client::RemoteProject &project)
{
    if (project.urls && project.urls->production)
        return project.urls->production->toString();
    if (project.urls)
        return project.urls->staging.toString();
    return u"http://"_qs + project.siteHost() + u'/';
}

} // namespace ddd::cli
