// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/archivelimits.h"

#include <QtGlobal>

namespace ddd::core::deploy {

// The operator's deploy settings, filled from the agent's configuration.
struct DeployOptions final
{
    // Budgets for archives and for manifests of the incremental protocol.
    archive::ArchiveLimits limits;
    // Versions kept per project besides pinned ones, the live one and the
    // previous live one (security guide 8.5).
    int retainVersions = 10;
    // An incremental upload may take this long from manifest to final call.
    qint64 uploadSessionTtlMs = 24LL * 60 * 60 * 1000;
    // Largest archive body an ArchiveSpool accepts (`archive.too_large`).
    qint64 maxUploadBytes = 512LL * 1024 * 1024;
    // Archive uploads in pieces one user may have open at once
    // (`upload.too_many_sessions`); each may hold up to maxUploadBytes.
    qint64 maxArchiveUploadsPerUser = 5;
};

} // namespace ddd::core::deploy
