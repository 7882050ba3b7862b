// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/sitepoststage.h"

namespace ddd::agent::site {

// If-None-Match (RFC 9110 §13.1.2): a 200 file answer whose ETag the client
// already holds becomes 304 Not Modified without a body, keeping ETag and
// Cache-Control. Runs before RangeStage, as §13.2.2 orders the checks.
class ConditionalStage final : public SitePostStage
{
public:
    void refine(const SiteExchange &exchange, http::Response &response) const override;
};

} // namespace ddd::agent::site
