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
    // Whether check() may block for this exchange: database work, a password
    // hash not cached yet (argon2 takes tens of milliseconds), anything but
    // memory. Asked just before check(), with what earlier stages learnt.
    // True moves this stage and all later ones (and the file stage) from the
    // I/O thread to the worker pool for this one request; the stages before
    // it already ran inline. So answer per request, as narrowly as you can:
    // a cached credential check is memory work.
    virtual bool mayBlock(const SiteExchange &) const { return false; }
};

} // namespace ddd::agent::site
