// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/pathpattern.h"
#include "core/rules/redirecttarget.h"
#include "core/rules/rulelines.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::rules {

// What a matching redirect rule asks for.
struct RedirectMatch final
{
    int status = 301;
    // A 3xx: the Location value. Otherwise the local path (with any query)
    // whose content answers with `status`: 200 rewrite, 404/410/451 page.
    QByteArray location;
    bool isRedirect() const { return status >= 300 && status < 400; }
};

// One line of `_redirects`: `from [name=value ...] to [status[!]]`.
// Statuses: 301 (default), 302, 303, 307, 308 redirect; 200 rewrites to
// local content; 404, 410, 451 answer local content with that status. A '!'
// forces the rule even where a file exists at `from`.
class RedirectRule final
{
public:
    // Codes: rules.invalid_redirects, rules.unsupported_condition,
    // rules.proxy_unsupported; details name the line.
    static Result<RedirectRule> parse(const RuleLine &line);

    bool isForced() const { return m_force; }
    // `rawQuery` as sent, without '?'. The request's query string is passed
    // on to a redirect unless the rule matched on it or names its own.
    std::optional<RedirectMatch> apply(const QStringList &segments, bool trailingSlash,
                                       const QByteArray &rawQuery) const;

private:
    struct QueryCondition
    {
        QString name;
        QString value; // a literal, or the placeholder's name
        bool placeholder = false;
    };

    RedirectRule(PathPattern from, RedirectTarget to) : m_from(std::move(from)), m_to(std::move(to)) {}
    static Result<QList<QueryCondition>> parseConditions(const QStringList &tokens, qsizetype &next);
    static Status parseStatus(const QString &token, int &status, bool &force);
    static Status checkTrailing(const QStringList &tokens, qsizetype next);
    bool matchQuery(const QByteArray &rawQuery, PathPattern::Captures &captures) const;

    PathPattern m_from;
    RedirectTarget m_to;
    QList<QueryCondition> m_query;
    int m_status = 301;
    bool m_force = false;
};

} // namespace ddd::core::rules
