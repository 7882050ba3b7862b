// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/manifest.h"
#include "core/model/source.h"
#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;

// Rows of `sources` and `source_files`. A source's files never change; a
// source is deleted by retention or with its project. No ownership checks
// here: the services decide who may see what.
class SourceStore final
{
public:
    explicit SourceStore(ConnectionProvider &connections);

    // One transaction: consumes the upload session when one is named
    // (`upload.not_found` when it is gone), numbers the source, writes it
    // with every file.
    Result<model::Source> insert(const model::Source &source, const blobs::Manifest &manifest,
                                 const std::optional<QString> &consumedUploadId = {});
    Result<std::optional<model::Source>> find(qint64 id);
    Result<QList<model::Source>> listByProject(qint64 projectId); // newest first
    // One page of them, newest first, after `request.after.number`.
    Result<model::Page<model::Source>> pageByProject(qint64 projectId, const model::PageRequest &request);
    Result<blobs::Manifest> manifest(qint64 sourceId);
    // All but the `keep` newest of a project, except sources a queued or
    // running build uses.
    Result<QList<qint64>> retentionCandidates(qint64 projectId, int keep);
    // Does nothing when a queued or running build uses it by now.
    Status remove(qint64 id);

private:
    Result<QList<model::Source>> collect(const QString &where, qint64 key);

    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
