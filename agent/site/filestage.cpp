// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/filestage.h"

#include "agent/site/sitelocation.h"
#include "agent/site/sitelogging.h"


namespace ddd::agent::site {

namespace {

const QString indexFile = u"index.html"_qs;
const QString notFoundPage = u"404.html"_qs;

bool isDirectoryPath(const QString &path)
{
    return path.endsWith(u'/');
}

// "/docs/" -> "docs/index.html", "/a/b.css" -> "a/b.css"
QString manifestKey(const QString &path)
{
    const QString key = path.mid(1);
    return isDirectoryPath(path) ? key + indexFile : key;
}

bool hasExtension(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1).contains(u'.');
}

bool isZeroQuality(const QByteArray &parameters)
{
    for (const QByteArray &parameter : parameters.split(';')) {
        const QByteArray trimmed = parameter.trimmed().toLower();
        if (trimmed.startsWith("q="))
            return trimmed.mid(2).toDouble() <= 0.0;
    }
    return false;
}

// No Accept field means anything is acceptable (RFC 9110 §12.5.1).
bool acceptsHtml(const http::Headers &headers)
{
    const QList<QByteArray> fields = headers.values("Accept");
    if (fields.isEmpty())
        return true;
    for (const QByteArray &item : fields.join(',').split(',')) {
        const qsizetype semicolon = item.indexOf(';');
        const QByteArray range = (semicolon < 0 ? item : item.left(semicolon)).trimmed().toLower();
        const QByteArray parameters = semicolon < 0 ? QByteArray() : item.mid(semicolon + 1);
        const bool html = range == "text/html" || range == "text/*" || range == "*/*";
        if (html && !isZeroQuality(parameters))
            return true;
    }
    return false;
}

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
    const QString key = manifestKey(exchange.path);
    // A `_redirects` rewrite serves its target with the rule's status; a
    // directory target serves its index rather than redirecting the browser.
    const int status = exchange.rewrite ? exchange.rewrite->status : 200;
    const core::deploy::VersionIndex &files = *exchange.site->index;
    if (std::optional<core::deploy::SiteFile> file = files.find(QStringView(key)))
        return serveEntry(exchange, key, *file, status);
    if (isDirectoryPath(exchange.path))
        return answerMissing(exchange);
    const QString index = key + u'/' + indexFile;
    if (std::optional<core::deploy::SiteFile> file = files.find(QStringView(index)))
        return exchange.rewrite ? serveEntry(exchange, index, *file, status) : directoryRedirect(exchange);
    return answerMissing(exchange);
}

// A single-page app answers its own routes ("/settings/profile") with its
// shell; asset-like paths (with an extension) still get a real 404, so a
// missing script is not answered with HTML.
http::Response FileStage::answerMissing(SiteExchange &exchange) const
{
    const core::deploy::VersionIndex &files = *exchange.site->index;
    const bool spaRoute = exchange.site->spaMode && !hasExtension(exchange.path) && acceptsHtml(exchange.request.headers);
    if (spaRoute)
        if (std::optional<core::deploy::SiteFile> shell = files.find(QStringView(indexFile)))
            return serveEntry(exchange, indexFile, *shell, 200);
    if (std::optional<core::deploy::SiteFile> page = files.find(QStringView(notFoundPage)))
        return serveEntry(exchange, notFoundPage, *page, 404);
    return http::Response::text(404, "Not Found\n");
}

http::Response FileStage::serveEntry(SiteExchange &exchange, const QString &key, const core::deploy::SiteFile &file,
                                     int status) const
{
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
