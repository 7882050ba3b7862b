// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"

namespace ddd::core::blobs {
class SharedBlobs;
}

namespace ddd::agent::site {

class BlobDescriptorCache;

// With shared object storage (blobs.s3.*), the local blob store is a copy:
// a request whose file's blob is not on this machine fetches it from the
// bucket (SharedBlobs: checked against its hash, committed whole, one
// download however many requests wait for it) before FileStage serves it.
// Only such a request leaves the I/O thread: mayBlock() opens the blob
// through the descriptor cache, which FileStage then hits.
//
// Answers: 503 with Retry-After (site.blob_unavailable) when the bucket
// cannot be reached, 500 (site.blob_lost) when it lacks the blob or holds
// other bytes under its name.
class BlobFetchStage final : public SitePreStage
{
public:
    // Both must outlive the stage.
    BlobFetchStage(BlobDescriptorCache &descriptors, core::blobs::SharedBlobs &shared);

    bool mayBlock(const SiteExchange &exchange) const override;
    // Fetches only a blob found missing; inline (after mayBlock() said no)
    // the blob was just opened, so this is a cache hit.
    std::optional<http::Response> check(SiteExchange &exchange) const override;

private:
    // The blob the answer needs, when it is not here.
    std::optional<QByteArray> missingBlob(const SiteExchange &exchange) const;

    BlobDescriptorCache &m_descriptors;
    core::blobs::SharedBlobs &m_shared;
};

} // namespace ddd::agent::site
