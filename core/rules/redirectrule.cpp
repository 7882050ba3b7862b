// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/rules/redirectrule.h"

#include "core/rules/ruleerror.h"

#include <QRegularExpression>
#include <QUrl>

namespace ddd::core::rules {

namespace {

const QString File = u"_redirects"_qs;
const QString Invalid = u"rules.invalid_redirects"_qs;

Error reason(const QString &code, const QString &text)
{
    return Error::make(code, text);
}

// PathPattern and RedirectTarget answer a bare reason; here it gets the
// file's code and the line.
Error located(const Error &error, int line)
{
    const QString code = error.code.startsWith(u"rules.pattern") || error.code.startsWith(u"rules.target")
        ? Invalid
        : error.code;
    return RuleError::make(code, File, line, error.message);
}

bool looksLikeTarget(const QString &token)
{
    return token.startsWith(u'/') || token.contains(u"://"_qs);
}

bool isStatusToken(const QString &token)
{
    static const QRegularExpression status(u"^[0-9]{3}!?$"_qs);
    return status.match(token).hasMatch();
}

QString decodeQueryPart(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

} // namespace

Result<RedirectRule> RedirectRule::parse(const RuleLine &line)
{
    static const QRegularExpression whitespace(u"\\s+"_qs);
    const QStringList tokens = line.text.split(whitespace, Qt::SkipEmptyParts);
    if (tokens.first().contains(u"://"_qs))
        return RuleError::make(Invalid, File, line.number,
                               u"rules for another host (a from with http://...) are not supported"_qs);
    Result<PathPattern> from = PathPattern::parse(tokens.first());
    if (!from)
        return located(from.error(), line.number);
    qsizetype next = 1;
    Result<QList<QueryCondition>> query = parseConditions(tokens, next);
    if (!query)
        return located(query.error(), line.number);
    if (next >= tokens.size())
        return RuleError::make(Invalid, File, line.number, u"a rule needs a from path and a target"_qs);
    QStringList names = from->placeholders();
    for (const QueryCondition &condition : *query)
        if (condition.placeholder)
            names.append(condition.value);
    Result<RedirectTarget> to = RedirectTarget::parse(tokens.at(next++), names);
    if (!to)
        return located(to.error(), line.number);
    RedirectRule rule(std::move(*from), std::move(*to));
    rule.m_query = std::move(*query);
    if (next < tokens.size() && isStatusToken(tokens.at(next)))
        if (Status status = parseStatus(tokens.at(next++), rule.m_status, rule.m_force); !status)
            return located(status.error(), line.number);
    if (Status rest = checkTrailing(tokens, next); !rest)
        return located(rest.error(), line.number);
    if (!rule.m_to.isExternal() || RedirectMatch{rule.m_status, {}}.isRedirect())
        return rule;
    return RuleError::make(u"rules.proxy_unsupported"_qs, File, line.number,
                           QStringLiteral("status %1 to another site would proxy it, which this agent does not do; "
                                          "use a 301/302 redirect")
                               .arg(rule.m_status));
}

// "id=:id" or "lang=en" tokens between `from` and the target.
Result<QList<RedirectRule::QueryCondition>> RedirectRule::parseConditions(const QStringList &tokens, qsizetype &next)
{
    QList<QueryCondition> conditions;
    for (; next < tokens.size() && !looksLikeTarget(tokens.at(next)); ++next) {
        const QString &token = tokens.at(next);
        const qsizetype equals = token.indexOf(u'=');
        if (equals <= 0 || equals == token.size() - 1)
            return reason(Invalid, u"\""_qs + token + u"\" is neither a target nor a query condition name=value"_qs);
        QueryCondition condition{token.left(equals), token.mid(equals + 1), false};
        if (condition.value.startsWith(u':')) {
            condition.value.remove(0, 1);
            condition.placeholder = true;
            if (!PathPattern::isPlaceholderName(condition.value) || condition.value == u"splat")
                return reason(Invalid, u"\""_qs + token + u"\" does not name a valid placeholder"_qs);
        } else {
            condition.value = decodeQueryPart(condition.value.toUtf8());
        }
        conditions.append(condition);
    }
    return conditions;
}

Status RedirectRule::parseStatus(const QString &token, int &status, bool &force)
{
    static const QList<int> supported{200, 301, 302, 303, 307, 308, 404, 410, 451};
    force = token.endsWith(u'!');
    status = QStringView(token).left(3).toInt();
    if (!supported.contains(status))
        return reason(Invalid, QStringLiteral("status %1 is not supported (200, 301, 302, 303, 307, 308, 404, 410, 451)")
                                   .arg(status));
    return {};
}

// After the status only conditions may follow, and the agent evaluates none
// of Netlify's: refusing beats a rule that silently applies to everyone.
Status RedirectRule::checkTrailing(const QStringList &tokens, qsizetype next)
{
    static const QStringList conditions{u"country"_qs, u"language"_qs, u"role"_qs, u"cookie"_qs};
    if (next >= tokens.size())
        return {};
    const QString &token = tokens.at(next);
    const QString key = token.left(token.indexOf(u'=')).toLower();
    if (token.contains(u'=') && conditions.contains(key))
        return reason(u"rules.unsupported_condition"_qs,
                      u"the condition \""_qs + token + u"\" is not supported (Country, Language, Role, Cookie)"_qs);
    return reason(Invalid, u"unexpected \""_qs + token + u"\" after the target and status"_qs);
}

std::optional<RedirectMatch> RedirectRule::apply(const QStringList &segments, bool trailingSlash,
                                                 const QByteArray &rawQuery) const
{
    PathPattern::Captures captures;
    if (!m_from.match(segments, trailingSlash, captures) || !matchQuery(rawQuery, captures))
        return std::nullopt;
    RedirectMatch match{m_status, m_to.expand(captures)};
    if (match.isRedirect() && m_query.isEmpty() && !m_to.hasQuery() && !rawQuery.isEmpty())
        match.location += '?' + rawQuery;
    return match;
}

// Every listed parameter must be present (with that value, for a literal);
// others may be there too.
bool RedirectRule::matchQuery(const QByteArray &rawQuery, PathPattern::Captures &captures) const
{
    if (m_query.isEmpty())
        return true;
    QList<std::pair<QString, QString>> pairs;
    for (const QByteArray &item : rawQuery.split('&')) {
        const qsizetype equals = item.indexOf('=');
        pairs.append({decodeQueryPart(item.left(equals)), equals < 0 ? QString() : decodeQueryPart(item.mid(equals + 1))});
    }
    for (const QueryCondition &condition : m_query) {
        const auto found = std::find_if(pairs.cbegin(), pairs.cend(),
                                        [&](const auto &pair) { return pair.first == condition.name; });
        if (found == pairs.cend() || (!condition.placeholder && found->second != condition.value))
            return false;
        if (condition.placeholder)
            captures.append({condition.value, found->second});
    }
    return true;
}

} // namespace ddd::core::rules
