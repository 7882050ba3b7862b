// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/encodingchoice.h"

#include "agent/site/acceptencoding.h"
#include "agent/site/blobdescriptorcache.h"
#include "agent/site/sitelogging.h"

namespace ddd::agent::site {

using core::blobs::ContentCoding;

qint64 EncodingChoice::variantSize(const core::deploy::SiteFile &file, ContentCoding coding)
{
    return coding == ContentCoding::Brotli ? file.brotliSize : file.gzipSize;
}

std::optional<ContentCoding> EncodingChoice::preferred(const http::Headers &headers, const core::deploy::SiteFile &file)
{
    // Most of the cost below is for clients that accept an encoding at all.
    if (!file.compressible || (file.brotliSize <= 0 && file.gzipSize <= 0) || !headers.contains("Accept-Encoding"))
        return std::nullopt;
    QList<ContentCoding> offered;
    for (ContentCoding coding : core::blobs::BlobVariant::codings())
        if (variantSize(file, coding) > 0)
            offered.append(coding);
    return AcceptEncoding::parse(headers.values("Accept-Encoding")).choose(offered);
}

EncodingChoice::EncodingChoice(BlobDescriptorCache &descriptors) : m_descriptors(descriptors)
{
}

core::Result<EncodingChoice::Representation> EncodingChoice::choose(const http::Headers &headers,
                                                                    const core::deploy::SiteFile &file) const
{
    if (std::optional<Representation> encoded = variant(headers, file))
        return *encoded;
    auto opened = m_descriptors.open(file.sha256, std::nullopt, file.size);
    if (!opened)
        return opened.error();
    return Representation{std::nullopt, file.size, std::move(*opened)};
}

std::optional<EncodingChoice::Representation> EncodingChoice::variant(const http::Headers &headers,
                                                                      const core::deploy::SiteFile &file) const
{
    const std::optional<ContentCoding> chosen = preferred(headers, file);
    if (!chosen)
        return std::nullopt;
    const qint64 size = variantSize(file, *chosen);
    auto opened = m_descriptors.open(file.sha256, chosen, size);
    if (!opened) {
        qCWarning(lcSite).noquote() << "not serving the" << core::blobs::BlobVariant::token(*chosen) << "variant of"
                                    << file.sha256 << ":" << opened.error().code << opened.error().message;
        return std::nullopt;
    }
    return Representation{chosen, size, std::move(*opened)};
}

} // namespace ddd::agent::site
