// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QSet>

#include <mutex>
#include <shared_mutex>

namespace ddd::core::deploy {

// Keeps garbage collection from deleting blobs that are on their way into a
// version. A blob may be committed to the store (or found there and reused)
// before the row referencing it exists; whoever does that holds
// protectNewBlobs() until the row is committed, and the collector takes
// collecting() exclusively, so it never sees such a blob as garbage.
//
// It also records which partial uploads a PUT is writing right now: only
// one writer per partial file, and the collector leaves claimed ones alone.
class BlobGuard final
{
public:
    [[nodiscard]] std::shared_lock<std::shared_mutex> protectNewBlobs();
    [[nodiscard]] std::unique_lock<std::shared_mutex> collecting();

    // False when another upload (or the collector) holds the partial of `sha256`.
    bool claimPartial(const QByteArray &sha256);
    void releasePartial(const QByteArray &sha256);

private:
    std::shared_mutex m_blobs;
    std::mutex m_claimsMutex;
    QSet<QByteArray> m_claims;
};

} // namespace ddd::core::deploy
