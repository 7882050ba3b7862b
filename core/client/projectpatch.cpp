// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/projectpatch.h"

#include <QJsonArray>

namespace ddd::core::client {

namespace {

QJsonObject sitePasswordToJson(const ProjectPatch::SitePassword &sitePassword)
{
    QJsonArray users;
    for (const ProjectPatch::SiteUser &user : sitePassword.users) {
        QJsonObject entry{{u"username"_qs, user.username}};
        if (!user.password.isEmpty())
            entry.insert(u"password"_qs, user.password);
        users.append(entry);
    }
    return QJsonObject{{u"enabled"_qs, sitePassword.enabled}, {u"users"_qs, users},
                       {u"scope"_qs, RemoteProject::scopeName(sitePassword.scope)}};
}

QJsonObject buildToJson(const ProjectPatch::Build &build)
{
    QJsonObject json;
    if (build.generator)
        json.insert(u"generator"_qs, *build.generator);
    if (build.npmScript)
        json.insert(u"npmScript"_qs, *build.npmScript);
    if (build.outputDir)
        json.insert(u"outputDir"_qs, *build.outputDir);
    if (build.publishAutomatically)
        json.insert(u"publishAutomatically"_qs, *build.publishAutomatically);
    if (build.git)
        json.insert(u"git"_qs, QJsonObject{{u"url"_qs, build.git->url}, {u"branch"_qs, build.git->branch}});
    return json;
}

QJsonObject httpsToJson(const ProjectPatch::Https &https)
{
    return QJsonObject{{u"redirect"_qs, https.redirect},
                       {u"hsts"_qs, QJsonObject{{u"enabled"_qs, https.hstsEnabled},
                                                {u"maxAge"_qs, https.hstsMaxAge},
                                                {u"includeSubDomains"_qs, https.hstsIncludeSubDomains},
                                                {u"preload"_qs, https.hstsPreload}}}};
}

QJsonObject settingsToJson(const ProjectPatch &patch)
{
    QJsonObject settings;
    if (patch.spaMode)
        settings.insert(u"spaMode"_qs, *patch.spaMode);
    if (patch.optOutMinify)
        settings.insert(u"optOutMinify"_qs, *patch.optOutMinify);
    if (patch.buildFlags)
        settings.insert(u"buildFlags"_qs, QJsonArray::fromStringList(*patch.buildFlags));
    if (patch.sitePassword)
        settings.insert(u"sitePassword"_qs, sitePasswordToJson(*patch.sitePassword));
    if (patch.build && !patch.build->isEmpty())
        settings.insert(u"build"_qs, buildToJson(*patch.build));
    if (patch.https)
        settings.insert(u"https"_qs, httpsToJson(*patch.https));
    return settings;
}

} // namespace

bool ProjectPatch::Build::isEmpty() const
{
    return !generator && !npmScript && !outputDir && !publishAutomatically && !git;
}

QJsonObject ProjectPatch::toJson() const
{
    QJsonObject json;
    if (name)
        json.insert(u"name"_qs, *name);
    if (domain)
        json.insert(u"domain"_qs, domain->has_value() ? QJsonValue(**domain) : QJsonValue(QJsonValue::Null));
    if (aliases)
        json.insert(u"aliases"_qs, QJsonArray::fromStringList(*aliases));
    const QJsonObject settings = settingsToJson(*this);
    if (!settings.isEmpty())
        json.insert(u"settings"_qs, settings);
    return json;
}

} // namespace ddd::core::client
