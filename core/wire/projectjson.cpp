// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/projectjson.h"

#include "core/model/httpssettings.h"
#include "core/wire/jsonfields.h"
#include "core/wire/timestampjson.h"

namespace ddd::core::wire {

namespace {

using model::ProjectSettings;

QJsonObject sitePasswordToJson(const ProjectSettings::SitePassword &sitePassword)
{
    QJsonArray users;
    for (const ProjectSettings::SiteUser &user : sitePassword.users)
        users.append(QJsonObject{{u"username"_qs, user.username}});
    return QJsonObject{{u"enabled"_qs, sitePassword.enabled},
                       {u"users"_qs, users},
                       {u"scope"_qs, ProjectSettings::scopeName(sitePassword.scope)}};
}

QStringList stringsFrom(const QJsonArray &array, JsonFields &fields, const QString &key)
{
    QStringList strings;
    for (const QJsonValue &value : array) {
        if (!value.isString())
            fields.fail(key);
        strings.append(value.toString());
    }
    return strings;
}

ProjectSettings::SitePassword sitePasswordFromJson(JsonFields &fields)
{
    ProjectSettings::SitePassword sitePassword;
    sitePassword.enabled = fields.boolean(u"enabled"_qs);
    const auto scope = ProjectSettings::scopeFromName(fields.string(u"scope"_qs));
    if (!scope)
        fields.fail(u"scope"_qs);
    sitePassword.scope = scope.value_or(ProjectSettings::ProtectionScope::AllHosts);
    for (const QJsonValue &value : fields.array(u"users"_qs)) {
        JsonFields user = fields.element(value, u"users"_qs);
        sitePassword.users.append({user.string(u"username"_qs), QString()});
        fields.adopt(user);
    }
    return sitePassword;
}

ProjectSettings::Build buildFromJson(JsonFields &fields)
{
    ProjectSettings::Build build;
    build.generator = fields.string(u"generator"_qs);
    build.npmScript = fields.string(u"npmScript"_qs);
    build.outputDir = fields.string(u"outputDir"_qs);
    build.publishAutomatically = fields.boolean(u"publishAutomatically"_qs);
    // Agents from before Git builds send no "git": no Git.
    if (fields.has(u"git"_qs)) {
        JsonFields git = fields.nested(u"git"_qs);
        build.git = {git.string(u"url"_qs), git.string(u"branch"_qs)};
        fields.adopt(git);
    }
    return build;
}

// `hasBuild`: agents from before builds send no "build" object; defaults then.
ProjectSettings settingsFromJson(JsonFields &fields, bool hasBuild)
{
    ProjectSettings settings;
    settings.spaMode = fields.boolean(u"spaMode"_qs);
    settings.optOutMinify = fields.boolean(u"optOutMinify"_qs);
    settings.buildFlags = stringsFrom(fields.array(u"buildFlags"_qs), fields, u"buildFlags"_qs);
    JsonFields sitePassword = fields.nested(u"sitePassword"_qs);
    settings.sitePassword = sitePasswordFromJson(sitePassword);
    fields.adopt(sitePassword);
    if (hasBuild) {
        JsonFields build = fields.nested(u"build"_qs);
        settings.build = buildFromJson(build);
        fields.adopt(build);
    }
    // Agents from before HTTPS settings send no "https": off.
    if (fields.has(u"https"_qs))
        settings.https = model::HttpsSettings::fromJson(fields.object(u"https"_qs));
    return settings;
}

} // namespace

QJsonObject toJson(const ProjectSettings &settings)
{
    return QJsonObject{
        {u"spaMode"_qs, settings.spaMode},
        {u"optOutMinify"_qs, settings.optOutMinify},
        {u"buildFlags"_qs, QJsonArray::fromStringList(settings.buildFlags)},
        {u"sitePassword"_qs, sitePasswordToJson(settings.sitePassword)},
        {u"build"_qs, QJsonObject{{u"generator"_qs, settings.build.generator},
                                  {u"npmScript"_qs, settings.build.npmScript},
                                  {u"outputDir"_qs, settings.build.outputDir},
                                  {u"publishAutomatically"_qs, settings.build.publishAutomatically},
                                  {u"git"_qs, QJsonObject{{u"url"_qs, settings.build.git.url},
                                                          {u"branch"_qs, settings.build.git.branch}}}}},
        {u"https"_qs, model::HttpsSettings::toJson(settings.https)},
    };
}

QJsonObject toJson(const model::Project &project)
{
    return QJsonObject{
        {u"id"_qs, project.id},
        {u"ownerId"_qs, project.ownerId},
        {u"name"_qs, project.name},
        {u"domain"_qs, project.domain ? QJsonValue(*project.domain) : QJsonValue(QJsonValue::Null)},
        {u"aliases"_qs, QJsonArray::fromStringList(project.aliases)},
        {u"slug"_qs, project.slug},
        {u"settings"_qs, toJson(project.settings)},
        {u"createdAt"_qs, timestampToJson(project.createdAt)},
        {u"updatedAt"_qs, timestampToJson(project.updatedAt)},
    };
}

Result<model::Project> projectFromJson(const QJsonObject &json)
{
    JsonFields fields(json);
    model::Project project;
    project.id = fields.id(u"id"_qs);
    project.ownerId = fields.id(u"ownerId"_qs);
    project.name = fields.string(u"name"_qs);
    project.domain = fields.optionalString(u"domain"_qs);
    project.aliases = stringsFrom(fields.array(u"aliases"_qs), fields, u"aliases"_qs);
    project.slug = fields.string(u"slug"_qs);
    JsonFields settings = fields.nested(u"settings"_qs);
    project.settings = settingsFromJson(settings, json.value(u"settings"_qs).toObject().contains(u"build"_qs));
    fields.adopt(settings);
    project.createdAt = fields.timestamp(u"createdAt"_qs);
    project.updatedAt = fields.timestamp(u"updatedAt"_qs);
    if (std::optional<Error> error = fields.error())
        return *error;
    return project;
}

} // namespace ddd::core::wire
