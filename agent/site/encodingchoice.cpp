// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/encodingchoice.h"

#include "agent/site/acceptencoding.h"
#include "agent/site/blobdescriptorcache.h"
#include "agent/site/sitelogging.h"
#include "core/blobs/blobstore.h"

namespace ddd::agent::site {

namespace {

using core::blobs::ContentCoding;

qint64 variantSize(const core::deploy::SiteFile &file, ContentCoding coding)
{
    return coding == ContentCoding::Brotli ? file.brotliSize : file.gzipSize;
}

} // namespace

EncodingChoice::EncodingChoice(const core::blobs::BlobStore &blobs, BlobDescriptorCache &descriptors)
    : m_blobs(blobs), m_descriptors(descriptors)
{
}

core::Result<EncodingChoice::Representation> EncodingChoice::choose(const http::Headers &headers,
                                                                    const core::deploy::SiteFile &file) const
{
    if (std::optional<Representation> encoded = variant(headers, file))
        return *encoded;
    // Empty for a malformed hash, so a damaged manifest value never names a file.
    const QString path = m_blobs.pathFor(file.sha256);
    if (path.isEmpty())
        return core::Error::make(u"site.blob_unreadable"_qs, u"malformed content hash"_qs);
    auto opened = m_descriptors.open(path, file.size);
    if (!opened)
        return opened.error();
    return Representation{std::nullopt, path, file.size, std::move(*opened)};
}

std::optional<EncodingChoice::Representation> EncodingChoice::variant(const http::Headers &headers,
                                                                      const core::deploy::SiteFile &file) const
{
    // Most of the cost below is for clients that accept an encoding at all.
    if (!file.compressible || (file.brotliSize <= 0 && file.gzipSize <= 0) || !headers.contains("Accept-Encoding"))
        return std::nullopt;
    QList<ContentCoding> offered;
    for (ContentCoding coding : core::blobs::BlobVariant::codings())
        if (variantSize(file, coding) > 0)
            offered.append(coding);
    if (offered.isEmpty() || !file.compressible)
        return std::nullopt;
    const std::optional<ContentCoding> chosen = AcceptEncoding::parse(headers.values("Accept-Encoding")).choose(offered);
    if (!chosen)
        return std::nullopt;
    Representation encoded{chosen, m_blobs.variantPath(file.sha256, *chosen), variantSize(file, *chosen), {}};
    if (encoded.path.isEmpty())
        return std::nullopt;
    auto opened = m_descriptors.open(encoded.path, encoded.size);
    if (!opened) {
        qCWarning(lcSite).noquote() << "not serving variant" << encoded.path << ":" << opened.error().code
                                    << opened.error().message;
        return std::nullopt;
    }
    encoded.file = std::move(*opened);
    return encoded;
}

} // namespace ddd::agent::site
