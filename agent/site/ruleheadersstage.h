// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/sitepoststage.h"

namespace ddd::agent::site {

// Adds the live version's `_headers` fields for the path as requested (not a
// rewrite's target) to every answer of the site, after HeadersStage so that
// a site may replace a default such as Cache-Control or X-Frame-Options, and
// before the conditional and range stages, which keep them on 304 and 206.
// The parser has already refused fields the server owns.
class RuleHeadersStage final : public SitePostStage
{
public:
    void refine(const SiteExchange &exchange, http::Response &response) const override;
};

} // namespace ddd::agent::site
