// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/redirectrule.h"
#include "core/rules/rulelimits.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::rules {

// A parsed `_redirects` file (Netlify syntax, see docs/rules.md): rules in
// file order, tried in that order on every request the file stage would
// otherwise answer, the first match winning.
class RedirectRules final
{
public:
    // Codes: rules.invalid_redirects, rules.unsupported_condition,
    // rules.proxy_unsupported, and the RuleLimits ones.
    static Result<RedirectRules> parse(const QByteArray &text, const RuleLimits &limits = {});

    bool isEmpty() const { return m_rules.isEmpty(); }
    qsizetype size() const { return m_rules.size(); }

    // `path`: normalised and absolute ("/blog/"); `fileExists`: whether the
    // version has content at that path, which shadows every rule but the
    // forced ones.
    std::optional<RedirectMatch> match(const QString &path, const QByteArray &rawQuery, bool fileExists) const;

private:
    QList<RedirectRule> m_rules;
};

} // namespace ddd::core::rules
