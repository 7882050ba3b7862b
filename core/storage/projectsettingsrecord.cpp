// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/projectsettingsrecord.h"

#include "core/model/httpssettings.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ddd::core::storage {

namespace {

using model::ProjectSettings;

Error corrupt(const QString &what)
{
    return Error::make(u"storage.corrupt"_qs, u"Stored project settings are damaged: "_qs + what);
}

bool hasType(const QJsonObject &json, const QString &key, QJsonValue::Type type)
{
    return !json.contains(key) || json.value(key).type() == type;
}

Result<QList<ProjectSettings::SiteUser>> readUsers(const QJsonArray &array)
{
    QList<ProjectSettings::SiteUser> users;
    for (const QJsonValue &value : array) {
        const QJsonObject user = value.toObject();
        if (!user.value(u"username"_qs).isString() || !user.value(u"passwordHash"_qs).isString())
            return corrupt(u"site user"_qs);
        users.append({user.value(u"username"_qs).toString(), user.value(u"passwordHash"_qs).toString()});
    }
    return users;
}

Result<ProjectSettings::SitePassword> readSitePassword(const QJsonObject &json)
{
    if (!hasType(json, u"enabled"_qs, QJsonValue::Bool) || !hasType(json, u"users"_qs, QJsonValue::Array)
        || !hasType(json, u"scope"_qs, QJsonValue::String) || !hasType(json, u"shareLinkGeneration"_qs, QJsonValue::Double))
        return corrupt(u"sitePassword"_qs);
    Result<QList<ProjectSettings::SiteUser>> users = readUsers(json.value(u"users"_qs).toArray());
    if (!users)
        return users.error();
    const auto scope = ProjectSettings::scopeFromName(json.value(u"scope"_qs).toString(u"all"_qs));
    if (!scope)
        return corrupt(u"sitePassword.scope"_qs);
    return ProjectSettings::SitePassword{json.value(u"enabled"_qs).toBool(), *users, *scope,
                                         json.value(u"shareLinkGeneration"_qs).toInteger()};
}

QJsonObject buildToJson(const ProjectSettings::Build &build)
{
    return QJsonObject{{u"generator"_qs, build.generator},
                       {u"npmScript"_qs, build.npmScript},
                       {u"outputDir"_qs, build.outputDir},
                       {u"publishAutomatically"_qs, build.publishAutomatically},
                       {u"git"_qs, QJsonObject{{u"url"_qs, build.git.url}, {u"branch"_qs, build.git.branch}}}};
}

// Rows written before builds existed have no "build" object: defaults.
Result<ProjectSettings::Build> readBuild(const QJsonObject &json)
{
    ProjectSettings::Build build;
    if (json.isEmpty())
        return build;
    if (!hasType(json, u"generator"_qs, QJsonValue::String) || !hasType(json, u"npmScript"_qs, QJsonValue::String)
        || !hasType(json, u"outputDir"_qs, QJsonValue::String)
        || !hasType(json, u"publishAutomatically"_qs, QJsonValue::Bool))
        return corrupt(u"build"_qs);
    build.generator = json.value(u"generator"_qs).toString();
    build.npmScript = json.value(u"npmScript"_qs).toString();
    build.outputDir = json.value(u"outputDir"_qs).toString();
    build.publishAutomatically = json.value(u"publishAutomatically"_qs).toBool();
    // Rows written before Git builds have no "git": no Git.
    if (json.contains(u"git"_qs)) {
        const QJsonObject git = json.value(u"git"_qs).toObject();
        if (!hasType(git, u"url"_qs, QJsonValue::String) || !hasType(git, u"branch"_qs, QJsonValue::String))
            return corrupt(u"build.git"_qs);
        build.git = {git.value(u"url"_qs).toString(), git.value(u"branch"_qs).toString()};
    }
    return build;
}

} // namespace

QString ProjectSettingsRecord::toText(const ProjectSettings &settings)
{
    QJsonArray users;
    for (const ProjectSettings::SiteUser &user : settings.sitePassword.users)
        users.append(QJsonObject{{u"username"_qs, user.username}, {u"passwordHash"_qs, user.passwordHash}});
    const QJsonObject json{
        {u"spaMode"_qs, settings.spaMode},
        {u"optOutMinify"_qs, settings.optOutMinify},
        {u"buildFlags"_qs, QJsonArray::fromStringList(settings.buildFlags)},
        {u"sitePassword"_qs, QJsonObject{{u"enabled"_qs, settings.sitePassword.enabled},
                                         {u"users"_qs, users},
                                         {u"scope"_qs, ProjectSettings::scopeName(settings.sitePassword.scope)},
                                         {u"shareLinkGeneration"_qs, settings.sitePassword.shareLinkGeneration}}},
        {u"build"_qs, buildToJson(settings.build)},
        {u"https"_qs, model::HttpsSettings::toJson(settings.https)},
    };
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

Result<ProjectSettings> ProjectSettingsRecord::fromText(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isObject())
        return corrupt(u"not a JSON object"_qs);
    const QJsonObject json = document.object();
    if (!hasType(json, u"spaMode"_qs, QJsonValue::Bool) || !hasType(json, u"optOutMinify"_qs, QJsonValue::Bool)
        || !hasType(json, u"buildFlags"_qs, QJsonValue::Array)
        || !hasType(json, u"sitePassword"_qs, QJsonValue::Object))
        return corrupt(u"field types"_qs);
    ProjectSettings settings;
    settings.spaMode = json.value(u"spaMode"_qs).toBool();
    settings.optOutMinify = json.value(u"optOutMinify"_qs).toBool();
    for (const QJsonValue &flag : json.value(u"buildFlags"_qs).toArray()) {
        if (!flag.isString())
            return corrupt(u"buildFlags"_qs);
        settings.buildFlags.append(flag.toString());
    }
    Result<ProjectSettings::SitePassword> sitePassword = readSitePassword(json.value(u"sitePassword"_qs).toObject());
    if (!sitePassword)
        return sitePassword.error();
    settings.sitePassword = *sitePassword;
    if (json.contains(u"build"_qs) && !json.value(u"build"_qs).isObject())
        return corrupt(u"build"_qs);
    Result<ProjectSettings::Build> build = readBuild(json.value(u"build"_qs).toObject());
    if (!build)
        return build.error();
    settings.build = *build;
    // Rows written before HTTPS settings have no "https": off.
    if (json.contains(u"https"_qs) && !json.value(u"https"_qs).isObject())
        return corrupt(u"https"_qs);
    settings.https = model::HttpsSettings::fromJson(json.value(u"https"_qs).toObject());
    return settings;
}

} // namespace ddd::core::storage
