// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/detection.h"

#include <QList>
#include <QString>

namespace ddd::core::build {

// One step of a build ("install", "build", "minify"), for the build record.
struct BuildPhase final
{
    QString name;
    qint64 durationMs = 0;
    int exitCode = 0;
    bool operator==(const BuildPhase &) const = default;
};

// What BuildEngine::run() produced: the site's files are in siteDirectory
// (inside the request's output folder), already walked: only regular files
// and folders, within the size cap. The caller ingests them like an upload.
struct BuildOutcome final
{
    Detection detection;
    QList<BuildPhase> phases;
    QString siteDirectory;
};

} // namespace ddd::core::build
