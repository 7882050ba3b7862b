// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/diffsummary.h"
#include "core/model/versionfile.h"
#include "core/model/versionsource.h"
#include "core/model/versionstatus.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::storage {

// A version about to be written by VersionStore::insert(): everything but the
// id and the per-project number, which the insert transaction assigns.
struct NewVersion final
{
    qint64 projectId = 0;
    std::optional<qint64> authorId;
    model::VersionSource source = model::VersionSource::Archive;
    model::VersionStatus status = model::VersionStatus::Ready;
    QByteArray manifestHash; // hex SHA-256 of the manifest's canonical encoding
    model::DiffSummary diff;
    QList<model::VersionFile> files;
    qint64 createdAt = 0;
    // The incremental upload session this version completes: deleted in the
    // same transaction, so one session turns into at most one version.
    std::optional<QString> consumedUploadId;
};

} // namespace ddd::core::storage
