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

RemoteProject::Settings settingsFromJson(const QJsonObject &json, wire::JsonFields &fields)
{
    RemoteProject::Settings settings;
    settings.spaMode = optionalBool(json, u"spaMode"_qs, fields);
    settings.optOutMinify = optionalBool(json, u"optOutMinify"_qs, fields);
    settings.buildFlags = optionalStrings(json.value(u"buildFlags"_qs), u"buildFlags"_qs, fields);
    const QJsonObject sitePassword = json.value(u"sitePassword"_qs).toObject();
    settings.sitePasswordEnabled = optionalBool(sitePassword, u"enabled"_qs, fields);
    settings.siteUsers = optionalStrings(sitePassword.value(u"users"_qs), u"users"_qs, fields);
    return settings;
}

} // namespace

QString RemoteProject::siteHost() const
{
    return domain.value_or(stagingHost);
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
