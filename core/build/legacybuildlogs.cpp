// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/legacybuildlogs.h"

#include "core/storage/buildlogstore.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

namespace ddd::core::build {

namespace {

Q_LOGGING_CATEGORY(lcLegacyLogs, "ddd.core.build.logs")

} // namespace

int LegacyBuildLogs::import(storage::BuildLogStore &store, const QString &directory)
{
    QDir logs(directory);
    int moved = 0;
    for (const QString &name : logs.entryList({u"*.log"_qs}, QDir::Files)) {
        bool numeric = false;
        const qint64 id = name.chopped(4).toLongLong(&numeric);
        QFile file(logs.filePath(name));
        if (!numeric || !file.open(QIODevice::ReadOnly))
            continue;
        QByteArray lines = file.readAll();
        if (!lines.isEmpty() && !lines.endsWith('\n'))
            lines += '\n';
        const Status stored = lines.isEmpty() ? Status() : store.append(id, 1, lines);
        if (!stored && stored.error().code != u"storage.constraint"_qs) {
            qCWarning(lcLegacyLogs) << "Cannot move" << name << "into the database yet:" << stored.error().message;
            continue;
        }
        logs.remove(name);
        ++moved;
    }
    QDir().rmdir(directory); // only when empty
    return moved;
}

} // namespace ddd::core::build
