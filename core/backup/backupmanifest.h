// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ddd::core::backup {

// manifest.json at the top of a backup, written last: a directory without
// one is not a backup. The database's SHA-256 seals the snapshot; the blobs
// are sealed by their names and by the snapshot that lists them.
class BackupManifest final
{
public:
    // Raised when the layout changes so that an older agent would restore
    // it wrongly; an agent refuses a format newer than its own.
    static constexpr int kFormat = 1;

    int format = kFormat;
    QString agentVersion;
    qint64 createdAtMs = 0;
    int schemaVersion = 0;
    QByteArray databaseSha256;
    qint64 databaseBytes = 0;
    QMap<QString, qint64> counts;
    QStringList keys;    // file names under keys/
    QStringList certificates; // paths under certificates/ and acme/status/ (BackupFiles::copyCertificates)
    bool config = false; // config.toml holds the agent's configuration file

    QByteArray toJson() const;
    // restore.damaged when unreadable or incomplete; the format is not judged here.
    static bool isCertificatePath(const QString &path);
    static Result<BackupManifest> fromJson(const QByteArray &json);
};

} // namespace ddd::core::backup
