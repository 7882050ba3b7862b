// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"

namespace ddd::agent::site {

// Normalises the raw request path with the one normaliser, SafePath
// (security guide 3.1): refused paths answer 400. Every later check and the
// manifest lookup use that one result. Dot-paths (".git", ".env",
// "a/.htaccess") answer 404, except "/.well-known/" (RFC 8615).
class PathStage final : public SitePreStage
{
public:
    std::optional<http::Response> check(SiteExchange &exchange) const override;
};

} // namespace ddd::agent::site
