// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/sitepoststage.h"

namespace ddd::agent::site {

// settings.https.hsts: Strict-Transport-Security on every answer that went
// over HTTPS to the project's production domain or an alias. Never over
// plain HTTP (RFC 6797 §7.2: a browser ignores it there), and never on the
// staging and preview hosts, which live under the operator's base domain
// (includeSubDomains there would bind every other project's host).
class HstsStage final : public SitePostStage
{
public:
    void refine(const SiteExchange &exchange, http::Response &response) const override;
};

} // namespace ddd::agent::site
