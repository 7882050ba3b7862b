// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/agentprofile.h"

#include <QUuid>

namespace ddd::app {

QString AgentProfile::label() const
{
    const QString host = url.host();
    return url.port() > 0 ? host + u':' + QString::number(url.port()) : host;
}

QString AgentProfile::credentialKey() const
{
    return u"agent/"_qs + id;
}

QUrl AgentProfile::siteAddress(const QString &siteHost) const
{
    QUrl address;
    address.setScheme(siteUrl.scheme().isEmpty() ? u"http"_qs : siteUrl.scheme());
    address.setHost(siteHost);
    address.setPort(siteUrl.port());
    address.setPath(u"/"_qs);
    return address;
}

QJsonObject AgentProfile::toJson() const
{
    return QJsonObject{
        {u"id"_qs, id},
        {u"url"_qs, url.toString()},
        {u"email"_qs, email},
        {u"trustedFingerprint"_qs, trustedFingerprint},
        {u"siteUrl"_qs, siteUrl.toString()},
    };
}

std::optional<AgentProfile> AgentProfile::fromJson(const QJsonObject &json)
{
    AgentProfile profile;
    profile.id = json.value(u"id"_qs).toString();
    profile.url = QUrl(json.value(u"url"_qs).toString(), QUrl::StrictMode);
    profile.email = json.value(u"email"_qs).toString();
    profile.trustedFingerprint = json.value(u"trustedFingerprint"_qs).toString();
    profile.siteUrl = QUrl(json.value(u"siteUrl"_qs).toString(), QUrl::StrictMode);
    if (profile.id.isEmpty() || !profile.url.isValid() || profile.url.host().isEmpty())
        return std::nullopt;
    return profile;
}

AgentProfile AgentProfile::create(const QUrl &url)
{
    AgentProfile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.url = url;
    return profile;
}

} // namespace ddd::app
