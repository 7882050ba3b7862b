// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/statuspalette.h"
#include "core/build/detection.h"
#include "core/model/versionfile.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::app {

// What the dashboard learned about a dropped folder or archive before any
// byte leaves the machine: the pre-flight findings (red blocks the deploy,
// amber warns, green confirms), the manifest, and the diff against the live
// version.
struct SiteInspection final
{
    struct Finding
    {
        StatusPalette::Level level = StatusPalette::Level::Good;
        QString code; // the core rule's error code, empty for advice
        QString path; // the entry concerned, empty for the site as a whole
        QString text; // translated, says what to do
    };

    struct Change
    {
        QString path;
        qint64 sizeBefore = -1; // -1: not in the live version
        qint64 sizeAfter = -1;  // -1: not in the new one
    };

    QString sourcePath;
    bool isArchive = false;
    QList<Finding> findings;
    QList<core::model::VersionFile> files;
    QHash<QString, QString> localPaths; // sha256 -> file on disk; folders only
    QStringList leftOut; // kept home by .dddignore and the built-in rules; folders end in '/'
    QList<Change> added;
    QList<Change> changed;
    QList<Change> removed;
    qint64 totalBytes = 0;
    qint64 bytesAdded = 0;   // new and changed content
    qint64 bytesRemoved = 0; // content the new version no longer has
    // A folder that is a generator's source (BuildDetector), not a built
    // site: the dialog offers Build & Deploy. Nullopt for built sites,
    // archives and folders the detector cannot place.
    std::optional<core::build::Detection> detection;
    // The live version the diff was made against: the incremental upload
    // sends only what differs from it (ResumableUpload::setBase). 0: none.
    qint64 liveVersionId = 0;
    QList<core::model::VersionFile> liveFiles;

    bool blocked() const;
    // .zip, .tar, .tar.gz or .tgz by name: what the dashboard offers as an archive.
    static bool isArchivePath(const QString &path);
    bool unchanged() const { return added.isEmpty() && changed.isEmpty() && removed.isEmpty(); }
};

} // namespace ddd::app
