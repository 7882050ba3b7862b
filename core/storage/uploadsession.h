// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ddd::core::storage {

// One row of `upload_sessions`: an incremental upload between the manifest
// and the final call. The manifest is kept as the JSON Manifest::toJson()
// wrote; its hashes keep their blobs and partial uploads from garbage
// collection until the session expires.
struct UploadSession final
{
    QString id; // 32 lower-case hex characters (128 random bits)
    qint64 projectId = 0;
    qint64 authorId = 0;
    QByteArray manifestJson;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    // A source upload (kind "source") ends in a source, not a version.
    bool source = false;
};

} // namespace ddd::core::storage
