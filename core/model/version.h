// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/diffsummary.h"
#include "core/model/versionfile.h"
#include "core/model/versionsource.h"
#include "core/model/versionstatus.h"
#include "core/util/error.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace ddd::core::model {

// One deployed version of a project, as docs/api.md describes it. Times are
// Unix milliseconds, UTC. `files` is filled only by GET /api/v1/deploys/{id}.
struct Version final
{
    qint64 id = 0;
    qint64 projectId = 0;
    qint64 number = 0;
    VersionStatus status = VersionStatus::Uploading;
    VersionSource source = VersionSource::Archive;
    qint64 fileCount = 0;
    qint64 totalBytes = 0;
    qint64 uniqueBytes = 0; // what deleting this version frees
    bool pinned = false;
    std::optional<qint64> authorId;
    QString authorEmail; // empty when the author account is gone
    qint64 createdAt = 0;
    std::optional<qint64> activatedAt;
    DiffSummary diff;
    std::optional<Error> error; // why a failed version failed
    std::optional<qint64> buildId;  // the build that made it (source "build")
    std::optional<qint64> sourceId; // and the source that build used, while kept
    QList<VersionFile> files;
    // Where this version alone is served (`previewUrl`, added by the agent's
    // API for versions it keeps); empty when it cannot be previewed.
    QUrl previewUrl;
};

} // namespace ddd::core::model
