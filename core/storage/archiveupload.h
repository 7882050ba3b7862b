// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core::storage {

// One row of `archive_uploads`: an archive arriving in pieces (ArchiveUploads).
// The bytes themselves live in staging/archives/<id>/archive.part; how many
// arrived is that file's size, so the row never has to change per chunk
// except for its idle expiry.
struct ArchiveUpload final
{
    QString id; // 32 lower-case hex characters (128 random bits)
    qint64 projectId = 0;
    qint64 authorId = 0;
    qint64 totalBytes = 0;
    QString sha256; // lower-case hex, or empty when the client declared none
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
};

} // namespace ddd::core::storage
