// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"
#include "core/auth/siteaccess.h"

namespace ddd::agent::site {

// Site protection on every path and method of a protected host (security
// guide 6.6): a valid share link in the query is swapped for a cookie and a
// redirect to the same address without it; a valid share cookie or HTTP Basic
// credentials let the request through; anything else gets 401 with the Basic
// challenge, 429 while the client or site is throttled, or 503 when every
// hashing slot is busy. Runs after PathStage so redirects are built from the
// normalised path. Credentials are never logged.
class AccessStage final : public SitePreStage
{
public:
    explicit AccessStage(core::auth::SiteAccess &access);
    std::optional<http::Response> check(SiteExchange &exchange) const override;
    // Whether check() would compute an argon2 hash for this request.
    bool needsHashing(const SiteExchange &exchange) const;
    // Hashing takes tens of milliseconds: those requests go to a worker.
    bool mayBlock(const SiteExchange &exchange) const override { return needsHashing(exchange); }

private:
    core::auth::SiteAccess::Target targetOf(const SiteExchange &exchange) const;
    std::optional<http::Response> checkPassword(SiteExchange &exchange) const;
    http::Response answerShareLink(SiteExchange &exchange, const QByteArray &token) const;

    core::auth::SiteAccess &m_access;
};

} // namespace ddd::agent::site
