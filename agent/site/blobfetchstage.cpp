// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/blobfetchstage.h"

#include "agent/site/blobdescriptorcache.h"
#include "agent/site/sitefilechoice.h"
#include "agent/site/sitelogging.h"
#include "core/blobs/sharedblobs.h"

namespace ddd::agent::site {

BlobFetchStage::BlobFetchStage(BlobDescriptorCache &descriptors, core::blobs::SharedBlobs &shared)
    : m_descriptors(descriptors), m_shared(shared)
{
}

std::optional<QByteArray> BlobFetchStage::missingBlob(const SiteExchange &exchange) const
{
    const SiteFileChoice choice = SiteFileChoice::of(exchange);
    if (choice.kind != SiteFileChoice::Kind::File)
        return std::nullopt;
    auto opened = m_descriptors.open(choice.file.sha256, std::nullopt, choice.file.size);
    // Any other failure is FileStage's to answer, as without a bucket.
    if (opened || opened.error().code != u"site.blob_missing"_qs)
        return std::nullopt;
    return choice.file.sha256;
}

bool BlobFetchStage::mayBlock(const SiteExchange &exchange) const
{
    return missingBlob(exchange).has_value();
}

std::optional<http::Response> BlobFetchStage::check(SiteExchange &exchange) const
{
    const std::optional<QByteArray> sha256 = missingBlob(exchange);
    if (!sha256)
        return std::nullopt;
    const core::Status fetched = m_shared.ensureLocal(*sha256);
    if (fetched)
        return std::nullopt;
    const core::Error &error = fetched.error();
    qCWarning(lcSite).noquote() << "cannot fetch blob" << *sha256 << "for project" << exchange.site->projectId
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
