// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/rulesstage.h"

#include "core/rules/siterules.h"
#include "core/util/safepath.h"

namespace ddd::agent::site {

namespace {

using core::rules::SiteRules;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 301: return "Moved Permanently\n";
    case 302: return "Found\n";
    case 303: return "See Other\n";
    case 307: return "Temporary Redirect\n";
    default: return "Permanent Redirect\n";
    }
}

http::Response notFound()
{
    return http::Response::text(404, "Not Found\n");
}

} // namespace

std::optional<http::Response> RulesStage::check(SiteExchange &exchange) const
{
    if (SiteRules::isRulesPath(exchange.path))
        return notFound();
    const std::shared_ptr<const SiteRules> &rules = exchange.site->rules;
    if (!rules || rules->redirects().isEmpty())
        return std::nullopt;
    const std::optional<core::rules::RedirectMatch> match =
        rules->redirects().match(exchange.path, exchange.rawQuery, hasContent(exchange));
    if (!match)
        return std::nullopt;
    if (match->isRedirect())
        return redirect(match->status, match->location);
    return rewrite(exchange, match->location, match->status);
}

// What FileStage would find without rules: the file, a directory's index
// (also for "/docs", which it would redirect to "/docs/").
bool RulesStage::hasContent(const SiteExchange &exchange)
{
    const core::deploy::VersionIndex &files = *exchange.site->index;
    const QString key = exchange.path.mid(1);
    if (key.isEmpty() || key.endsWith(u'/'))
        return files.contains(QString(key + u"index.html"_qs));
    return files.contains(key) || files.contains(QString(key + u"/index.html"_qs));
}

// The target was percent-encoded by RedirectTarget: it goes through the one
// normaliser like any request path, and never reaches a rules file.
std::optional<http::Response> RulesStage::rewrite(SiteExchange &exchange, const QByteArray &target, int status)
{
    const qsizetype end = target.indexOf('?') >= 0 ? target.indexOf('?') : target.indexOf('#');
    const core::Result<QString> path = core::SafePath::fromUrlPath(end < 0 ? target : target.left(end));
    if (!path || SiteRules::isRulesPath(*path))
        return notFound();
    exchange.rewrite = SiteExchange::Rewrite{exchange.path, status};
    exchange.path = *path;
    return std::nullopt;
}

http::Response RulesStage::redirect(int status, const QByteArray &location)
{
    auto response = http::Response::text(status, reasonPhrase(status));
    response.headers.set("Location", location);
    // Rules roll back with their version: browsers must ask again.
    response.headers.set("Cache-Control", "no-cache");
    return response;
}

} // namespace ddd::agent::site
