// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/remoteproject.h"

#include "core/wire/jsonfields.h"

#include <QJsonArray>

namespace ddd::core::client {

namespace {

bool optionalBool(const QJsonObject &json, const QString &key, wire::JsonFields &fields)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return false;
    if (!value.isBool())
        fields.fail(key);
    return value.toBool();
}

QStringList optionalStrings(const QJsonValue &value, const QString &key, wire::JsonFields &fields)
{
    QStringList strings;
    if (value.isUndefined())
        return strings;
    if (!value.isArray())
        fields.fail(key);
    for (const QJsonValue &entry : value.toArray()) {
        const QString text = entry.isObject() ? entry[u"username"_qs].toString() : entry.toString();
        if (text.isEmpty())
            fields.fail(key);
        strings.append(text);
    }
    return strings;
}

RemoteProject::ProtectionScope scopeFromJson(const QJsonObject &sitePassword, wire::JsonFields &fields)
{
    const QJsonValue scope = sitePassword.value(u"scope"_qs);
    if (scope.isUndefined() || scope == u"all"_qs)
        return RemoteProject::ProtectionScope::AllHosts;
    if (scope != u"staging"_qs)
        fields.fail(u"scope"_qs);
    return RemoteProject::ProtectionScope::StagingOnly;
}

RemoteProject::Settings settingsFromJson(const QJsonObject &json, wire::JsonFields &fields)
{
    RemoteProject::Settings settings;
    settings.spaMode = optionalBool(json, u"spaMode"_qs, fields);
    settings.optOutMinify = optionalBool(json, u"optOutMinify"_qs, fields);
    settings.buildFlags = optionalStrings(json.value(u"buildFlags"_qs), u"buildFlags"_qs, fields);
    const QJsonObject sitePassword = json.value(u"sitePassword"_qs).toObject();
    settings.sitePasswordEnabled = optionalBool(sitePassword, u"enabled"_qs, fields);
    settings.siteUsers = optionalStrings(sitePassword.value(u"users"_qs), u"users"_qs, fields);
    settings.sitePasswordScope = scopeFromJson(sitePassword, fields);
    settings.sitePasswordForced = optionalBool(sitePassword, u"forced"_qs, fields);
    return settings;
}

// An absolute http(s) address, or a failure: the dashboard opens these in a
// browser, so nothing else may pass.
QUrl siteUrl(const QJsonValue &value, const QString &key, wire::JsonFields &fields)
{
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!value.isString() || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http"_qs && url.scheme() != u"https"_qs))
        fields.fail(key);
    return url;
}

std::optional<RemoteProject::Urls> urlsFromJson(const QJsonObject &json, wire::JsonFields &fields)
{
    if (!json.contains(u"urls"_qs))
        return std::nullopt;
    const QJsonObject urls = json.value(u"urls"_qs).toObject();
    RemoteProject::Urls decoded;
    decoded.staging = siteUrl(urls.value(u"staging"_qs), u"urls.staging"_qs, fields);
    const QJsonValue production = urls.value(u"production"_qs);
    if (!production.isNull() && !production.isUndefined())
        decoded.production = siteUrl(production, u"urls.production"_qs, fields);
    return decoded;
}

std::optional<QStringList> aliasesFromJson(const QJsonObject &json, wire::JsonFields &fields)
{
    if (!json.contains(u"aliases"_qs))
        return std::nullopt;
    QStringList aliases;
    for (const QJsonValue &alias : fields.array(u"aliases"_qs)) {
        if (!alias.isString() || alias.toString().isEmpty())
            fields.fail(u"aliases"_qs);
        aliases.append(alias.toString());
    }
    return aliases;
}

} // namespace

QString RemoteProject::siteHost() const
{
    return domain.value_or(stagingHost);
}

QString RemoteProject::scopeName(ProtectionScope scope)
{
    return scope == ProtectionScope::StagingOnly ? u"staging"_qs : u"all"_qs;
}

Result<RemoteProject> RemoteProject::fromJson(const QJsonObject &json)
{
    wire::JsonFields fields(json);
    RemoteProject project;
    project.id = fields.id(u"id"_qs);
    project.name = fields.string(u"name"_qs);
    project.domain = fields.optionalString(u"domain"_qs);
    project.slug = fields.string(u"slug"_qs);
    if (json.contains(u"stagingHost"_qs))
        project.stagingHost = fields.string(u"stagingHost"_qs);
    project.aliases = aliasesFromJson(json, fields);
    project.urls = urlsFromJson(json, fields);
    wire::JsonFields settings(json.value(u"settings"_qs).toObject(), u"settings."_qs);
    project.settings = settingsFromJson(json.value(u"settings"_qs).toObject(), settings);
    fields.adopt(settings);
    project.createdAt = fields.timestamp(u"createdAt"_qs);
    project.updatedAt = fields.timestamp(u"updatedAt"_qs);
    if (auto error = fields.error())
        return *error;
    return project;
}

} // namespace ddd::core::client
