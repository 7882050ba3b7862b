// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/sitefilechoice.h"

#include "agent/site/siteexchange.h"

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

SiteFileChoice fileChoice(const QString &key, const core::deploy::SiteFile &file, int status)
{
    return SiteFileChoice{SiteFileChoice::Kind::File, key, file, status};
}

// A single-page app answers its own routes ("/settings/profile") with its
// shell; asset-like paths (with an extension) still get a real 404, so a
// missing script is not answered with HTML.
SiteFileChoice missing(const SiteExchange &exchange)
{
    const core::deploy::VersionIndex &files = *exchange.site->index;
    const bool spaRoute = exchange.site->spaMode && !hasExtension(exchange.path) && acceptsHtml(exchange.request.headers);
    if (spaRoute)
        if (std::optional<core::deploy::SiteFile> shell = files.find(QStringView(indexFile)))
            return fileChoice(indexFile, *shell, 200);
    if (std::optional<core::deploy::SiteFile> page = files.find(QStringView(notFoundPage)))
        return fileChoice(notFoundPage, *page, 404);
    return SiteFileChoice{};
}

} // namespace

SiteFileChoice SiteFileChoice::of(const SiteExchange &exchange)
{
    const QString key = manifestKey(exchange.path);
    // A `_redirects` rewrite serves its target with the rule's status; a
    // directory target serves its index rather than redirecting the browser.
    const int status = exchange.rewrite ? exchange.rewrite->status : 200;
    const core::deploy::VersionIndex &files = *exchange.site->index;
    if (std::optional<core::deploy::SiteFile> file = files.find(QStringView(key)))
        return fileChoice(key, *file, status);
    if (isDirectoryPath(exchange.path))
        return missing(exchange);
    const QString index = key + u'/' + indexFile;
    if (std::optional<core::deploy::SiteFile> file = files.find(QStringView(index)))
        return exchange.rewrite ? fileChoice(index, *file, status) : SiteFileChoice{Kind::DirectoryRedirect, {}, {}, 301};
    return missing(exchange);
}

const SiteFileChoice &SiteFileChoice::cachedIn(const SiteExchange &exchange)
{
    if (!exchange.fileChoice)
        exchange.fileChoice = of(exchange);
    return *exchange.fileChoice;
}

} // namespace ddd::agent::site
