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

QString optionalString(const QJsonObject &json, const QString &key, const QString &fallback,
                       wire::JsonFields &fields)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isString())
        fields.fail(key);
    return value.toString();
}

// Absent from agents older than Git builds: nullopt, and the dashboard offers no Git fields.
std::optional<RemoteProject::GitSource> gitFromJson(const QJsonObject &build, wire::JsonFields &fields)
{
    const QJsonValue value = build.value(u"git"_qs);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        fields.fail(u"git"_qs);
    const QJsonObject json = value.toObject();
    RemoteProject::GitSource git;
    wire::JsonFields gitFields(json, u"settings.build.git."_qs);
    git.url = optionalString(json, u"url"_qs, QString(), gitFields);
    git.branch = optionalString(json, u"branch"_qs, git.branch, gitFields);
    fields.adopt(gitFields);
    return git;
}

// Fields the agent leaves out keep their defaults, like the rest of the settings.
std::optional<RemoteProject::BuildSettings> buildFromJson(const QJsonObject &settings, wire::JsonFields &fields)
{
    const QJsonValue value = settings.value(u"build"_qs);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isObject())
        fields.fail(u"build"_qs);
    const QJsonObject json = value.toObject();
    wire::JsonFields buildFields(json, u"settings.build."_qs);
    RemoteProject::BuildSettings build;
    build.generator = optionalString(json, u"generator"_qs, build.generator, buildFields);
    build.npmScript = optionalString(json, u"npmScript"_qs, build.npmScript, buildFields);
    build.outputDir = optionalString(json, u"outputDir"_qs, build.outputDir, buildFields);
    build.publishAutomatically = optionalBool(json, u"publishAutomatically"_qs, buildFields);
    build.git = gitFromJson(json, buildFields);
    fields.adopt(buildFields);
    return build;
}

std::optional<RemoteProject::HttpsSettings> httpsFromJson(const QJsonObject &settings, wire::JsonFields &fields)
{
    if (!settings.contains(u"https"_qs))
        return std::nullopt;
    wire::JsonFields httpsFields = fields.nested(u"https"_qs);
    const QJsonObject json = settings.value(u"https"_qs).toObject();
    const QJsonObject hsts = json.value(u"hsts"_qs).toObject();
    RemoteProject::HttpsSettings https;
    https.redirect = optionalBool(json, u"redirect"_qs, httpsFields);
    https.available = optionalBool(json, u"available"_qs, httpsFields);
    https.hstsEnabled = optionalBool(hsts, u"enabled"_qs, httpsFields);
    https.hstsIncludeSubDomains = optionalBool(hsts, u"includeSubDomains"_qs, httpsFields);
    https.hstsPreload = optionalBool(hsts, u"preload"_qs, httpsFields);
    if (hsts.contains(u"maxAge"_qs)) {
        if (!hsts.value(u"maxAge"_qs).isDouble())
            httpsFields.fail(u"hsts.maxAge"_qs);
        https.hstsMaxAge = hsts.value(u"maxAge"_qs).toInteger();
    }
    fields.adopt(httpsFields);
    return https;
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
    settings.build = buildFromJson(json, fields);
    settings.https = httpsFromJson(json, fields);
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

std::optional<RemoteProject::GitSource> RemoteProject::gitSource() const
{
    if (!settings.build || !settings.build->git || settings.build->git->url.isEmpty())
        return std::nullopt;
    return settings.build->git;
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
