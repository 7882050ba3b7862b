// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"
#include "core/deploy/projectsite.h"

#include <functional>
#include <memory>

namespace ddd::core::deploy {
class LiveSites;
}

namespace ddd::agent::site {

// Picks the project by Host: its domain, one of its aliases or
// <slug>.<base domain> (the live version), else a preview host
// <number>--<slug>.<base domain> (that version, when `previews` finds it). The HTTP
// layer has already validated the field, lower-cased it and stripped the
// port. The host only ever selects a snapshot entry; it never becomes part
// of a file-system path. Unknown hosts get the same bare 404 as a missing
// file, so the answer never tells which hosts exist.
class HostStage final : public SitePreStage
{
public:
    // Answers the site of a preview host, or nullptr; may block on the database.
    using PreviewLookup = std::function<std::shared_ptr<const core::deploy::ProjectSite>(const QString &host)>;
    // Whether a host has the shape of a preview host; never blocks.
    using PreviewShape = std::function<bool(const QString &host)>;

    // `isPreview` unset: any host that is not live may be a preview host.
    HostStage(const core::deploy::LiveSites &sites, PreviewLookup previews, PreviewShape isPreview = {});
    std::optional<http::Response> check(SiteExchange &exchange) const override;
    // Only a preview lookup blocks (SQLite): a host that is not live but
    // may be a preview host.
    bool mayBlock(const SiteExchange &exchange) const override;

private:
    const core::deploy::LiveSites &m_sites;
    PreviewLookup m_previews;
    PreviewShape m_isPreview;
};

} // namespace ddd::agent::site
