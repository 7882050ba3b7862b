// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/blobguard.h"

namespace ddd::core::deploy {

std::shared_lock<std::shared_mutex> BlobGuard::protectNewBlobs()
{
    return std::shared_lock(m_blobs);
}

std::unique_lock<std::shared_mutex> BlobGuard::collecting()
{
    return std::unique_lock(m_blobs);
}

bool BlobGuard::claimPartial(const QByteArray &sha256)
{
    std::lock_guard lock(m_claimsMutex);
    if (m_claims.contains(sha256))
        return false;
    m_claims.insert(sha256);
    return true;
}

void BlobGuard::releasePartial(const QByteArray &sha256)
{
    std::lock_guard lock(m_claimsMutex);
    m_claims.remove(sha256);
}

} // namespace ddd::core::deploy
