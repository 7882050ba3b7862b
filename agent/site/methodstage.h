// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"

namespace ddd::agent::site {

// Sites are read-only: GET and HEAD, anything else 405 with `Allow`.
class MethodStage final : public SitePreStage
{
public:
    std::optional<http::Response> check(SiteExchange &exchange) const override;
};

} // namespace ddd::agent::site
