// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/blobfetchstage.h"

#include "agent/site/blobdescriptorcache.h"
#include "agent/site/sitefilechoice.h"
#include "agent/site/sitelogging.h"
#include "core/blobs/blobusage.h"
#include "core/blobs/sharedblobs.h"

namespace ddd::agent::site {

BlobFetchStage::BlobFetchStage(BlobDescriptorCache &descriptors, core::blobs::SharedBlobs &shared,
                               core::blobs::BlobUsage *usage)
    : m_descriptors(descriptors), m_shared(shared), m_usage(usage)
{
}

std::optional<BlobFetchStage::Wanted> BlobFetchStage::wantedBlob(const SiteExchange &exchange) const
{
    const SiteFileChoice &choice = SiteFileChoice::cachedIn(exchange);
    if (choice.kind != SiteFileChoice::Kind::File)
        return std::nullopt;
    auto opened = m_descriptors.open(choice.file.sha256, std::nullopt, choice.file.size);
    // Any other failure is FileStage's to answer, as without a bucket.
    const bool missing = !opened && opened.error().code == u"site.blob_missing"_qs;
    return Wanted{choice.file.sha256, !missing};
}

bool BlobFetchStage::mayBlock(const SiteExchange &exchange) const
{
    const std::optional<Wanted> wanted = wantedBlob(exchange);
    return wanted && !wanted->held;
}

std::optional<http::Response> BlobFetchStage::check(SiteExchange &exchange) const
{
    const std::optional<Wanted> wanted = wantedBlob(exchange);
    if (!wanted)
        return std::nullopt;
    if (m_usage)
        m_usage->touch(wanted->sha256);
    return wanted->held ? std::nullopt : fetch(exchange, wanted->sha256);
}

std::optional<http::Response> BlobFetchStage::fetch(const SiteExchange &exchange, const QByteArray &sha256) const
{
    const core::Status fetched = m_shared.ensureLocal(sha256);
    if (fetched)
        return std::nullopt;
    const core::Error &error = fetched.error();
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
