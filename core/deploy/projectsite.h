// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/sitefile.h"
#include "core/deploy/versionindex.h"
#include "core/model/projectsettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ddd::core::rules {
class SiteRules;
}

namespace ddd::core::deploy {

// The live version of one project, immutable once published: the site
// listener serves a request entirely from the ProjectSite it looked up first,
// so a request is always answered from a single version.
struct ProjectSite final
{
    qint64 projectId = 0;
    qint64 versionId = 0;
    int versionNumber = 0;
    QString slug;
    std::optional<QString> domain;
    QStringList aliases; // answer with a redirect to `domain`
    bool spaMode = false;
    // Who may see the site; part of the snapshot, so a changed password or
    // scope is in force from the next request on.
    model::ProjectSettings::SitePassword protection;
    // HTTP->HTTPS redirect and HSTS of the production domain and aliases;
    // in the snapshot, so a change is in force from the next request on.
    model::ProjectSettings::Https https;
    // The version's files by normalised path without leading slash
    // ("docs/index.html"): a mapped version index, never null. Shared by
    // every snapshot of the version, so publishing a site copies a pointer.
    std::shared_ptr<const VersionIndex> index;
    // The version's `_redirects` and `_headers`, parsed; null when it has neither.
    std::shared_ptr<const rules::SiteRules> rules;
};

} // namespace ddd::core::deploy
