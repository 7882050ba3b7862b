// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"

namespace ddd::core::blobs {
class BlobUsage;
class SharedBlobs;
} // namespace ddd::core::blobs

namespace ddd::core::deploy {
class SharedVariants;
}

namespace ddd::agent::site {

class BlobDescriptorCache;

// With shared object storage (blobs.s3.*), the local blob store is a copy:
// a request whose file's blob is not on this machine fetches it from the
// bucket (SharedBlobs: checked against its hash, committed whole, one
// download however many requests wait for it) before FileStage serves it.
// A whole GET of a file of kStreamFrom bytes or more does not wait for the
// download: it waits for its first piece, and FileStage streams the rest
// as it arrives (GrowingBlobStream).
// Only such a request leaves the I/O thread: mayBlock() opens the blob
// through the descriptor cache, which FileStage then hits.
//
// The same goes for the precompressed variant the client's Accept-Encoding
// prefers (SharedVariants): fetched when it is not here, and then the blob
// itself is not needed. A variant that cannot be fetched is logged and the
// blob is sent instead, as FileStage does with a damaged one.
//
// With a size-capped cache (blobs.cache_max_bytes) every blob served is
// touched in `usage`, so the least recently read ones are evicted first.
//
// Answers: 503 with Retry-After (site.blob_unavailable) when the bucket
// cannot be reached, 500 (site.blob_lost) when it lacks the blob or holds
// other bytes under its name.
class BlobFetchStage final : public SitePreStage
{
public:
    // All must outlive the stage; `usage` may be null (no cap).
    BlobFetchStage(BlobDescriptorCache &descriptors, core::blobs::SharedBlobs &shared,
                   core::deploy::SharedVariants &variants, core::blobs::BlobUsage *usage);

    bool mayBlock(const SiteExchange &exchange) const override;
    // Fetches only a blob found missing; inline (after mayBlock() said no)
    // the blob was just opened, so this is a cache hit.
    std::optional<http::Response> check(SiteExchange &exchange) const override;

    static constexpr qint64 kStreamFrom = 1024 * 1024;

private:
    struct Wanted
    {
        QByteArray sha256;
        bool held = false;
        std::optional<core::blobs::ContentCoding> missingVariant; // preferred, and not here
    };
    // The blob the answer needs, when it is a file, and whether it is here.
    std::optional<Wanted> wantedBlob(const SiteExchange &exchange) const;
    std::optional<http::Response> fetch(const SiteExchange &exchange, const QByteArray &sha256) const;
    static bool streams(const SiteExchange &exchange);
    std::optional<http::Response> startStreaming(SiteExchange &exchange, const QByteArray &sha256) const;
    static http::Response refusal(const SiteExchange &exchange, const QByteArray &sha256, const core::Error &error);
    bool fetchVariant(const SiteExchange &exchange, const QByteArray &sha256, core::blobs::ContentCoding coding) const;

    BlobDescriptorCache &m_descriptors;
    core::blobs::SharedBlobs &m_shared;
    core::deploy::SharedVariants &m_variants;
    core::blobs::BlobUsage *const m_usage;
};

} // namespace ddd::agent::site
