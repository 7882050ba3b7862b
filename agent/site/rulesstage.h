// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"

namespace ddd::agent::site {

// Applies the live version's `_redirects` (parsed at activation, kept in
// ProjectSite::rules) between PathStage and FileStage, with Netlify's
// semantics: rules in file order, first match wins; a rule is shadowed when
// the version has content at the path, unless forced with '!'. A 3xx answers
// here with Location; a 200/404/410/451 rule rewrites the exchange's path to
// its local target and lets FileStage serve that content with the rule's
// status, once (rules are not run again on the target). The rules files
// themselves answer 404 under any spelling, rules or not.
class RulesStage final : public SitePreStage
{
public:
    std::optional<http::Response> check(SiteExchange &exchange) const override;

private:
    static bool hasContent(const SiteExchange &exchange);
    static std::optional<http::Response> rewrite(SiteExchange &exchange, const QByteArray &target, int status);
    static http::Response redirect(int status, const QByteArray &location);
};

} // namespace ddd::agent::site
