// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/siteurls.h"

#include "core/deploy/livesites.h"
#include "core/deploy/previewsites.h"
#include "core/wire/projectjson.h"
#include "core/wire/versionjson.h"

namespace ddd::agent::api {

SiteUrls::SiteUrls(const core::deploy::LiveSites &sites, const core::deploy::PreviewSites &previews, int port,
                   SlugLookup slugOf, HttpsPortFor httpsPortFor)
    : m_sites(sites),
      m_previews(previews),
      m_port(port),
      m_slugOf(std::move(slugOf)),
      m_httpsPortFor(std::move(httpsPortFor))
{
}

QString SiteUrls::forHost(const QString &host) const
{
    // https only where a certificate names the host: an address that opens
    // on a certificate warning is worse than a plain one.
    const int httpsPort = m_httpsPortFor ? m_httpsPortFor(host) : 0;
    const int port = httpsPort > 0 ? httpsPort : m_port.load();
    const QString scheme = httpsPort > 0 ? u"https"_qs : u"http"_qs;
    const bool defaultPort = port == (httpsPort > 0 ? 443 : 80);
    return scheme + u"://"_qs + host + (defaultPort ? QString() : u':' + QString::number(port)) + u'/';
}

// The hosts are spelled by the classes that answer them.
QString SiteUrls::stagingHost(const QString &slug) const
{
    return m_sites.stagingHost(slug);
}

QString SiteUrls::previewHost(qint64 versionNumber, const QString &slug) const
{
    return m_previews.previewHost(versionNumber, slug);
}

QJsonObject SiteUrls::projectJson(const core::model::Project &project) const
{
    QJsonObject json = core::wire::toJson(project);
    json.insert(u"stagingHost"_qs, stagingHost(project.slug));
    json.insert(u"urls"_qs, QJsonObject{
        {u"production"_qs, project.domain ? QJsonValue(forHost(*project.domain)) : QJsonValue(QJsonValue::Null)},
        {u"staging"_qs, forHost(stagingHost(project.slug))},
    });
    return json;
}

QJsonObject SiteUrls::versionJson(const core::model::Version &version) const
{
    QJsonObject json = core::wire::versionToJson(version);
    if (!core::model::isPreviewable(version.status))
        return json;
    if (const QString slug = m_slugOf(version.projectId); !slug.isEmpty())
        json.insert(u"previewUrl"_qs, forHost(previewHost(version.number, slug)));
    return json;
}

} // namespace ddd::agent::api
