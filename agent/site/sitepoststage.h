// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/response.h"
#include "agent/site/siteexchange.h"

namespace ddd::agent::site {

// A step that runs on every answer once it exists: it adds headers, and for
// a file answer may narrow it (304 Not Modified, 206 Partial Content) but
// never chooses different content.
class SitePostStage
{
public:
    virtual ~SitePostStage() = default;
    virtual void refine(const SiteExchange &exchange, http::Response &response) const = 0;
};

} // namespace ddd::agent::site
