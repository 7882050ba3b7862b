// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/headersstage.h"

#include "agent/site/cachepolicy.h"
#include "agent/site/contenttypes.h"
#include "agent/site/entitytag.h"

namespace ddd::agent::site {

HeadersStage::HeadersStage(HeaderList securityHeaders) : m_securityHeaders(std::move(securityHeaders))
{
}

void HeadersStage::refine(const SiteExchange &exchange, http::Response &response) const
{
    // Not optional: Content-Type is never sniffed (security guide 3.6).
    response.headers.set("X-Content-Type-Options", "nosniff");
    for (const auto &[name, value] : m_securityHeaders)
        response.headers.set(name, value);
    // A refused visitor learns nothing about the protected site, not even its version.
    if (exchange.site && exchange.access != SiteExchange::Access::Refused)
        response.headers.set("X-DDD-Version", QByteArray::number(exchange.site->versionNumber));
    // Previews are for the owner's eyes, never for search results.
    if (exchange.preview)
        response.headers.set("X-Robots-Tag", "noindex");
    if (exchange.served)
        describeFile(*exchange.served, response);
    if (exchange.access == SiteExchange::Access::Granted)
        keepPrivate(response);
}

// What one visitor was let in to see must never be stored by a shared
// cache and handed to the next: browsers may still keep it.
void HeadersStage::keepPrivate(http::Response &response)
{
    const QByteArray policy = response.headers.value("Cache-Control");
    if (policy.startsWith("public"))
        response.headers.set("Cache-Control", "private" + policy.mid(6));
    else if (policy.isEmpty())
        response.headers.set("Cache-Control", "private, no-cache");
    else if (!policy.contains("private") && !policy.contains("no-store"))
        response.headers.set("Cache-Control", "private, " + policy);
}

void HeadersStage::keepVaryEncoding(const SiteExchange &exchange, http::Response &response)
{
    if (!exchange.served || !exchange.served->file.compressible)
        return;
    const QByteArray vary = response.headers.value("Vary");
    if (vary.trimmed() == "*")
        return;
    for (const QByteArray &field : vary.split(','))
        if (field.trimmed().compare("Accept-Encoding", Qt::CaseInsensitive) == 0)
            return;
    response.headers.set("Vary", vary.trimmed().isEmpty() ? QByteArray("Accept-Encoding") : vary + ", Accept-Encoding");
}

void HeadersStage::describeFile(const SiteExchange::ServedFile &served, http::Response &response)
{
    const QByteArray type = ContentTypes::forId(served.file.contentType);
    response.headers.set("Content-Type", type);
    response.headers.set("Cache-Control", CachePolicy::forFile(served.path, type));
    if (served.file.compressible)
        response.headers.set("Vary", "Accept-Encoding");
    if (served.coding)
        response.headers.set("Content-Encoding", core::blobs::BlobVariant::token(*served.coding));
    // Validators and ranges describe a 200 answer only (the SPA shell is
    // one: it is what that route shows); a 404.html page gets neither.
    if (response.status != 200)
        return;
    response.headers.set("ETag", EntityTag::forRepresentation(served.file.sha256, served.coding));
    response.headers.set("Accept-Ranges", "bytes");
}

} // namespace ddd::agent::site
