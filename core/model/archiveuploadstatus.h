// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core::model {

// Where an archive upload in pieces stands (docs/api.md, "Archive upload
// sessions"): `offset` bytes of `size` arrived, and the next piece starts
// there. `sha256` is what the client declared (empty when it declared none).
struct ArchiveUploadStatus final
{
    QString id;
    qint64 projectId = 0;
    qint64 size = 0;
    qint64 offset = 0;
    QString sha256;
    qint64 createdAt = 0; // Unix ms
    qint64 expiresAt = 0; // Unix ms; each piece that arrives moves it on
};

} // namespace ddd::core::model
