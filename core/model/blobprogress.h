// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core::model {

// How much of one blob an upload session holds
// (GET /api/v1/uploads/{id}/blobs/{sha256}); `received` is where to resume.
struct BlobProgress final
{
    QString sha256;
    qint64 size = 0;
    qint64 received = 0;
    bool complete = false;
};

} // namespace ddd::core::model
