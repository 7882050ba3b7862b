// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"
#include "core/model/version.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>

namespace ddd::core::deploy {
class LiveSites;
class PreviewSites;
} // namespace ddd::core::deploy

namespace ddd::agent::api {

// The addresses the API hands out, spelled as a visitor opens them: scheme,
// host and the site listener's port (left out when it is the scheme's own),
// so clients never guess how sites are reached.
class SiteUrls final
{
public:
    // Slug of a project the caller was already allowed to see; empty if gone.
    using SlugLookup = std::function<QString(qint64 projectId)>;
    // The site HTTPS port for a host a certificate names; 0: plain HTTP.
    using HttpsPortFor = std::function<quint16(const QString &host)>;

    // Both must outlive this; they spell the staging and preview hosts they answer.
    SiteUrls(const core::deploy::LiveSites &sites, const core::deploy::PreviewSites &previews, int port,
             SlugLookup slugOf, HttpsPortFor httpsPortFor = {});
    // Once the site listener is bound (port 0 in the configuration means the
    // system picks one).
    void setPort(int port) { m_port = port; }

    QString forHost(const QString &host) const;
    QString stagingHost(const QString &slug) const;
    QString previewHost(qint64 versionNumber, const QString &slug) const;

    // The project as the API shows it: its JSON plus "stagingHost" and
    // "urls": {"production" (null without a domain), "staging"}.
    QJsonObject projectJson(const core::model::Project &project) const;
    // The version as the API shows it, with "previewUrl" while it can be previewed.
    QJsonObject versionJson(const core::model::Version &version) const;

private:
    const core::deploy::LiveSites &m_sites;
    const core::deploy::PreviewSites &m_previews;
    std::atomic<int> m_port;
    SlugLookup m_slugOf;
    HttpsPortFor m_httpsPortFor;
};

} // namespace ddd::agent::api
