// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/entrysink.h"

#include <QByteArray>
#include <QMap>
#include <QStringList>

namespace ddd::test {

// An EntrySink that keeps everything it is given, in memory.
class RecordingSink final : public core::archive::EntrySink
{
public:
    core::Status directory(const QString &path) override;
    core::Status beginFile(const QString &path) override;
    core::Status write(QByteArrayView chunk) override;
    core::Status endFile() override;

    QStringList directories;
    QMap<QString, QByteArray> files;
    QStringList order; // every path as delivered, directories with a trailing slash
    qint64 bytesWritten = 0;

private:
    QString m_current;
};

} // namespace ddd::test
