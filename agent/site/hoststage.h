// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"

namespace ddd::core::deploy {
class LiveSites;
}

namespace ddd::agent::site {

// Picks the project by Host: its domain or <slug>.<base domain>. The HTTP
// layer has already validated the field, lower-cased it and stripped the
// port. The host only ever selects a snapshot entry; it never becomes part
// of a file-system path. Unknown hosts get the same bare 404 as a missing
// file, so the answer never tells which hosts exist.
class HostStage final : public SitePreStage
{
public:
    explicit HostStage(const core::deploy::LiveSites &sites);
    std::optional<http::Response> check(SiteExchange &exchange) const override;

private:
    const core::deploy::LiveSites &m_sites;
};

} // namespace ddd::agent::site
