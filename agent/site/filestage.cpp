// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/filestage.h"

#include "agent/site/growingblobstream.h"
#include "agent/site/sitefilechoice.h"
#include "agent/site/sitelocation.h"
#include "agent/site/sitelogging.h"

namespace ddd::agent::site {

namespace {

// "/docs" -> "/docs/?query".
http::Response directoryRedirect(const SiteExchange &exchange)
{
    auto response = http::Response::text(301, "Moved Permanently\n");
    response.headers.set("Location", SiteLocation::forPath(exchange.path + u'/', exchange.rawQuery));
    // The next deploy may turn the directory into a file: let browsers ask again.
    response.headers.set("Cache-Control", "no-cache");
    return response;
}

} // namespace

FileStage::FileStage(BlobDescriptorCache &descriptors) : m_encodings(descriptors)
{
}

http::Response FileStage::serve(SiteExchange &exchange) const
{
    const SiteFileChoice &choice = SiteFileChoice::cachedIn(exchange);
    switch (choice.kind) {
    case SiteFileChoice::Kind::File: return serveEntry(exchange, choice.key, choice.file, choice.status);
    case SiteFileChoice::Kind::DirectoryRedirect: return directoryRedirect(exchange);
    case SiteFileChoice::Kind::NotFound: break;
    }
    return http::Response::text(404, "Not Found\n");
}

http::Response FileStage::serveEntry(SiteExchange &exchange, const QString &key, const core::deploy::SiteFile &file,
                                     int status) const
{
    if (exchange.arriving) {
        exchange.served = SiteExchange::ServedFile{key, file, std::nullopt, file.size};
        http::Response response;
        response.status = status;
        response.stream = std::make_shared<GrowingBlobStream>(exchange.arriving, file.size);
        return response;
    }
    const core::Result<EncodingChoice::Representation> chosen = m_encodings.choose(exchange.request.headers, file);
    if (!chosen)
        return refuseBlob(exchange, key, chosen.error());
    exchange.served = SiteExchange::ServedFile{key, file, chosen->coding, chosen->size};
    http::Response response;
    response.status = status;
    response.file = chosen->file;
    response.fileOffset = 0;
    response.fileLength = chosen->size;
    return response;
}

http::Response FileStage::refuseBlob(const SiteExchange &exchange, const QString &key, const core::Error &error) const
{
    const auto &site = *exchange.site;
    qCWarning(lcSite).noquote() << "not serving" << key << "of project" << site.projectId << "version"
                                << site.versionNumber << ":" << error.code << error.message;
    if (error.code == u"site.out_of_descriptors"_qs) {
        auto response = http::Response::text(503, "Service Unavailable\n");
        response.headers.set("Retry-After", "1");
        return response;
    }
    return http::Response::text(500, "Internal Server Error\n");
}

} // namespace ddd::agent::site
