// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/pathstage.h"

#include "core/util/safepath.h"

#include <QStringList>

namespace ddd::agent::site {

namespace {

struct TargetParts
{
    QByteArray path;
    QByteArray query;
};

// Splits the raw target, still percent-encoded so that SafePath decodes it
// exactly once: origin-form "/a%20b?x=1", or absolute-form
// "http://host/a?x=1" whose authority the HTTP layer already took as Host.
std::optional<TargetParts> splitTarget(const QByteArray &target)
{
    QByteArray path = target;
    if (!target.startsWith('/')) {
        const qsizetype scheme = target.indexOf("://");
        if (scheme <= 0)
            return std::nullopt;
        qsizetype authorityEnd = scheme + 3;
        while (authorityEnd < target.size() && target[authorityEnd] != '/' && target[authorityEnd] != '?')
            ++authorityEnd;
        const QByteArray rest = target.mid(authorityEnd); // "/a?x", "?x" or ""
        path = rest.startsWith('/') ? rest : '/' + rest;
    }
    const qsizetype question = path.indexOf('?');
    if (question < 0)
        return TargetParts{path, {}};
    return TargetParts{path.left(question), path.mid(question + 1)};
}

// A segment starting with '.' other than a leading ".well-known" (RFC 8615,
// compared case-insensitively like every dotfile check).
bool isHidden(const QString &path)
{
    if (!path.contains(u"/."))
        return false; // most paths: no segment can start with a dot
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const bool wellKnown = i == 0 && segments[i].compare(u".well-known"_qs, Qt::CaseInsensitive) == 0;
        if (segments[i].startsWith(u'.') && !wellKnown)
            return true;
    }
    return false;
}

} // namespace

std::optional<http::Response> PathStage::check(SiteExchange &exchange) const
{
    const std::optional<TargetParts> parts = splitTarget(exchange.request.target);
    if (!parts)
        return http::Response::text(400, "Bad Request\n");
    const core::Result<QString> path = core::SafePath::fromUrlPath(parts->path);
    if (!path)
        return http::Response::text(400, "Bad Request\n");
    if (isHidden(*path))
        return http::Response::text(404, "Not Found\n");
    exchange.path = *path;
    exchange.rawQuery = parts->query;
    return std::nullopt;
}

} // namespace ddd::agent::site
