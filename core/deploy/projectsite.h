// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/projectsettings.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ddd::core::rules {
class SiteRules;
}

namespace ddd::core::deploy {

// One file of a live version as the site listener needs it.
struct SiteFile final
{
    QByteArray sha256; // 64 lower-case hex characters; names the blob
    qint64 size = 0;
};

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
    QHash<QString, SiteFile> files; // normalised path without leading slash ("docs/index.html")
    // The version's `_redirects` and `_headers`, parsed; null when it has neither.
    std::shared_ptr<const rules::SiteRules> rules;
};

} // namespace ddd::core::deploy
