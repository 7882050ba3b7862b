// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/rules/redirectrules.h"

#include "core/rules/ruleerror.h"
#include "core/rules/rulelines.h"

namespace ddd::core::rules {

Result<RedirectRules> RedirectRules::parse(const QByteArray &text, const RuleLimits &limits)
{
    const QString file = u"_redirects"_qs;
    Result<QList<RuleLine>> lines = RuleLines::split(text, file, u"rules.invalid_redirects"_qs, limits);
    if (!lines)
        return lines.error();
    RedirectRules rules;
    for (const RuleLine &line : *lines) {
        if (rules.m_rules.size() == limits.maxRules)
            return RuleError::make(u"rules.too_many_rules"_qs, file, line.number,
                                   QStringLiteral("more than %1 rules").arg(limits.maxRules));
        Result<RedirectRule> rule = RedirectRule::parse(line);
        if (!rule)
            return rule.error();
        rules.m_rules.append(std::move(*rule));
    }
    return rules;
}

std::optional<RedirectMatch> RedirectRules::match(const QString &path, const QByteArray &rawQuery,
                                                  bool fileExists) const
{
    // Split once per request, not once per rule.
    const QStringList segments = PathPattern::segmentsOf(path);
    const bool trailingSlash = path.size() > 1 && path.endsWith(u'/');
    for (const RedirectRule &rule : m_rules) {
        if (fileExists && !rule.isForced())
            continue;
        if (std::optional<RedirectMatch> match = rule.apply(segments, trailingSlash, rawQuery))
            return match;
    }
    return std::nullopt;
}

} // namespace ddd::core::rules
