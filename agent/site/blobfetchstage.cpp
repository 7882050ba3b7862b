// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/blobfetchstage.h"

#include "agent/site/blobdescriptorcache.h"
#include "agent/site/encodingchoice.h"
#include "agent/site/sitefilechoice.h"
#include "agent/site/sitelogging.h"
#include "core/blobs/blobdownload.h"
#include "core/blobs/blobusage.h"
#include "core/blobs/sharedblobs.h"
#include "core/deploy/sharedvariants.h"

namespace ddd::agent::site {

namespace {

bool missing(const core::Result<std::shared_ptr<const http::FileHandle>> &opened)
{
    // Any other failure is FileStage's to answer, as without a bucket.
    return !opened && opened.error().code == u"site.blob_missing"_qs;
}

} // namespace

BlobFetchStage::BlobFetchStage(BlobDescriptorCache &descriptors, core::blobs::SharedBlobs &shared,
                               core::deploy::SharedVariants &variants, core::blobs::BlobUsage *usage)
    : m_descriptors(descriptors), m_shared(shared), m_variants(variants), m_usage(usage)
{
}

// A variant that is here is all the answer needs.
std::optional<BlobFetchStage::Wanted> BlobFetchStage::wantedBlob(const SiteExchange &exchange) const
{
    const SiteFileChoice &choice = SiteFileChoice::cachedIn(exchange);
    if (choice.kind != SiteFileChoice::Kind::File)
        return std::nullopt;
    const core::deploy::SiteFile &file = choice.file;
    Wanted wanted{file.sha256, true, std::nullopt};
    if (const auto coding = EncodingChoice::preferred(exchange.request.headers, file)) {
        if (!missing(m_descriptors.open(file.sha256, coding, EncodingChoice::variantSize(file, *coding))))
            return wanted;
        wanted.missingVariant = coding;
    }
    wanted.held = !missing(m_descriptors.open(file.sha256, std::nullopt, file.size));
    return wanted;
}

bool BlobFetchStage::mayBlock(const SiteExchange &exchange) const
{
    const std::optional<Wanted> wanted = wantedBlob(exchange);
    return wanted && (!wanted->held || wanted->missingVariant);
}

std::optional<http::Response> BlobFetchStage::check(SiteExchange &exchange) const
{
    const std::optional<Wanted> wanted = wantedBlob(exchange);
    if (!wanted)
        return std::nullopt;
    if (m_usage)
        m_usage->touch(wanted->sha256);
    if (wanted->missingVariant && fetchVariant(exchange, wanted->sha256, *wanted->missingVariant))
        return std::nullopt;
    if (wanted->held)
        return std::nullopt;
    return streams(exchange) ? startStreaming(exchange, wanted->sha256) : fetch(exchange, wanted->sha256);
}

// A whole answer from the first byte: GET without a range or a validator
// (those want a window or no body, which the blob on disk serves), and
// large enough that waiting for all of it would be felt.
bool BlobFetchStage::streams(const SiteExchange &exchange)
{
    const http::Headers &headers = exchange.request.headers;
    return exchange.request.method == "GET" && !headers.contains("Range") && !headers.contains("If-None-Match")
        && SiteFileChoice::cachedIn(exchange).file.size >= kStreamFrom;
}

// Waits for the bucket's first piece, so a bucket that cannot be reached or
// lacks the blob still gets its 503 or 500; a download that fails later
// cuts the body short (GrowingBlobStream).
std::optional<http::Response> BlobFetchStage::startStreaming(SiteExchange &exchange, const QByteArray &sha256) const
{
    core::Result<std::shared_ptr<core::blobs::BlobDownload>> started = m_shared.startFetch(sha256);
    if (!started)
        return refusal(exchange, sha256, started.error());
    if (!*started)
        return std::nullopt; // here now
    (*started)->waitForFirstPiece();
    if (const std::optional<core::Status> outcome = (*started)->outcome(); outcome && !outcome->ok())
        return refusal(exchange, sha256, outcome->error());
    exchange.arriving = std::move(*started);
    return std::nullopt;
}

bool BlobFetchStage::fetchVariant(const SiteExchange &exchange, const QByteArray &sha256,
                                  core::blobs::ContentCoding coding) const
{
    const core::Status fetched = m_variants.ensureLocal(sha256, coding);
    if (!fetched)
        qCWarning(lcSite).noquote() << "cannot fetch the" << core::blobs::BlobVariant::token(coding) << "variant of"
                                    << sha256 << "for project" << exchange.site->projectId << ":"
                                    << fetched.error().code << fetched.error().message;
    return fetched.ok();
}

std::optional<http::Response> BlobFetchStage::fetch(const SiteExchange &exchange, const QByteArray &sha256) const
{
    const core::Status fetched = m_shared.ensureLocal(sha256);
    if (fetched)
        return std::nullopt;
    return refusal(exchange, sha256, fetched.error());
}

http::Response BlobFetchStage::refusal(const SiteExchange &exchange, const QByteArray &sha256, const core::Error &error)
{
    qCWarning(lcSite).noquote() << "cannot fetch blob" << sha256 << "for project" << exchange.site->projectId
                                << "version" << exchange.site->versionNumber << ":" << error.code << error.message;
    const bool transient = error.code == u"objects.unavailable"_qs || error.code == u"io.error"_qs;
    http::Response response = transient ? http::Response::text(503, "Service Unavailable\n")
                                        : http::Response::text(500, "Internal Server Error\n");
    if (transient)
        response.headers.set("Retry-After", "5");
    response.errorCode = transient ? u"site.blob_unavailable"_qs : u"site.blob_lost"_qs;
    return response;
}

} // namespace ddd::agent::site
