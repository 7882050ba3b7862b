// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/blobprogress.h"
#include "core/util/result.h"

#include <QByteArrayView>

namespace ddd::core::deploy {

// One PUT of the incremental protocol, from DeploymentService::openBlobUpload:
// the agent's body sink forwards the request body to write() and ends with
// finish() or, when the connection drops, abort(). Bytes that arrived stay
// in the partial blob, so a retry resumes where this one stopped.
class BlobUpload
{
public:
    virtual ~BlobUpload() = default;

    // Appends to the partial blob; `blob.too_large` for bytes beyond the
    // size the manifest declared.
    virtual Status write(QByteArrayView chunk) = 0;
    // Once the declared size has arrived: verifies the SHA-256 and commits the
    // blob (`blob.hash_mismatch` discards the partial, so the retry starts
    // at 0). Before that, reports how far the blob got.
    virtual Result<model::BlobProgress> finish() = 0;
    // Keeps what arrived for a later retry.
    virtual void abort() = 0;
};

} // namespace ddd::core::deploy
