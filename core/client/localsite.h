// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/preflight.h"
#include "core/blobs/manifest.h"
#include "core/model/versionfile.h"
#include "core/util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace ddd::core::client {

// A folder or archive on the user's machine, checked and hashed the way the
// agent will check it, before any byte is sent: shared by the dashboard's
// pre-flight and `ddd deploy`. A folder is read with its IgnoreRules
// (`.dddignore` and the built-in defaults), and what they keep home is
// listed in `leftOut`; an archive goes as it is.
struct LocalSite final
{
    // Above this a file gets the pre-flight's large-file advice.
    static constexpr qint64 LargeFileBytes = 25LL * 1000 * 1000;

    QString sourcePath;
    bool isArchive = false;
    QList<archive::Preflight::Finding> warnings; // the pre-flight's advice; errors end collect()
    blobs::Manifest manifest;
    QList<model::VersionFile> files;    // the manifest, as the API sends it
    QHash<QString, QString> localPaths; // sha256 -> file on disk; folders only
    QStringList leftOut;                // relative paths; folders end in '/'
    qint64 totalBytes = 0;

    // .zip, .tar, .tar.gz or .tgz by name.
    static bool isArchivePath(const QString &path);
    // Pre-flight (the agent's readers and rules; the first refusal is the
    // error, with its code and details.entry), then the hashes. Also
    // `ignore.unreadable` for a .dddignore that cannot be read and
    // `client.cancelled` once `cancelled` is set. `refusals`, when given,
    // receives every refusal the pre-flight found, so the dashboard can list
    // them all at once.
    static Result<LocalSite> collect(const QString &path, const std::atomic_bool &cancelled,
                                     QList<archive::Preflight::Finding> *refusals = nullptr);
};

} // namespace ddd::core::client
