// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/detection.h"
#include "core/util/error.h"

#include <QString>

#include <optional>

namespace ddd::core::model {

// Where a source fetched from a Git repository came from (null for uploads).
struct GitOrigin final
{
    QString url;
    QString branch;
    QString commit;  // 40 hex characters
    QString subject; // first line of the commit message
    bool operator==(const GitOrigin &) const = default;
};

// A source tree kept for builds: its files are blobs in the same store as
// versions' (deduplicated with them), listed in source_files. The detection
// is made once, when the source arrives, so the owner sees it before a build.
struct Source final
{
    qint64 id = 0;
    qint64 projectId = 0;
    qint64 number = 0;
    qint64 fileCount = 0;
    qint64 totalBytes = 0;
    std::optional<qint64> authorId;
    QString authorEmail;
    qint64 createdAt = 0;
    std::optional<build::Detection> detection;
    std::optional<Error> detectionError; // build.undetected and its reason
    std::optional<GitOrigin> git;        // set when a build fetched it from Git
};

} // namespace ddd::core::model
