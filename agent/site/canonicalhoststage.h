// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"

namespace ddd::agent::site {

// A request to one of a project's aliases gets a 301 to the same path and
// query on the project's domain, the one canonical production address
// (search engines index one copy; cookies and share links live on one host).
// Runs before AccessStage: the redirect tells nothing but the domain.
class CanonicalHostStage final : public SitePreStage
{
public:
    std::optional<http::Response> check(SiteExchange &exchange) const override;
};

} // namespace ddd::agent::site
