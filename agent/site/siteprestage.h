// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/response.h"
#include "agent/site/siteexchange.h"

#include <optional>

namespace ddd::agent::site {

// A check that runs before the file is chosen. It either answers the request
// itself (a refusal, ending the pipeline) or records what it learnt in the
// exchange and lets the next stage run.
class SitePreStage
{
public:
    virtual ~SitePreStage() = default;
    virtual std::optional<http::Response> check(SiteExchange &exchange) const = 0;
};

} // namespace ddd::agent::site
