// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ddd::core::client {

// A project as a client sees it (docs/api.md, "Projects"): no owner, no
// password hashes, but the staging host the agent serves it under.
struct RemoteProject final
{
    // Which addresses ask for the site password (settings.sitePassword.scope).
    enum class ProtectionScope { AllHosts, StagingOnly };

    // Where a build from Git clones (settings.build.git).
    struct GitSource final
    {
        QString url; // empty: the project does not build from Git
        QString branch = QStringLiteral("main");
        bool operator==(const GitSource &) const = default;
    };

    // How the agent builds the project's sources (settings.build).
    struct BuildSettings final
    {
        QString generator = QStringLiteral("auto"); // auto|plain|hugo|jekyll|mkdocs|npm
        QString npmScript = QStringLiteral("build");
        QString outputDir; // npm only; empty: the framework's convention
        bool publishAutomatically = false;
        // nullopt: the agent cannot build from Git (older than that setting).
        std::optional<GitSource> git;
        bool operator==(const BuildSettings &) const = default;
    };

    // settings.https of the production domain and aliases.
    struct HttpsSettings final
    {
        bool redirect = false;
        bool hstsEnabled = false;
        qint64 hstsMaxAge = 31536000;
        bool hstsIncludeSubDomains = false;
        bool hstsPreload = false;
        bool available = false; // the agent serves sites over HTTPS now: they can be turned on
        bool operator==(const HttpsSettings &) const = default;
    };

    struct Settings final
    {
        bool spaMode = false;
        bool optOutMinify = false;
        QStringList buildFlags;
        bool sitePasswordEnabled = false;
        QStringList siteUsers; // usernames only; passwords never come back
        ProtectionScope sitePasswordScope = ProtectionScope::AllHosts;
        // The operator protects every site whatever `sitePasswordEnabled` says.
        bool sitePasswordForced = false;
        // nullopt: the agent predates build settings.
        std::optional<BuildSettings> build;
        // nullopt: the agent predates HTTPS settings.
        std::optional<HttpsSettings> https;
        bool operator==(const Settings &) const = default;
    };

    // The full addresses the agent builds with its site scheme and port
    // (project JSON `urls`); absent from agents that predate them.
    struct Urls final
    {
        std::optional<QUrl> production; // none without a domain
        QUrl staging;
        bool operator==(const Urls &) const = default;
    };

    qint64 id = 0;
    QString name;
    std::optional<QString> domain;
    QString slug;
    QString stagingHost; // empty when the agent does not name one
    // Host names that redirect to `domain`; nullopt: the agent has no aliases.
    std::optional<QStringList> aliases;
    std::optional<Urls> urls;
    Settings settings;
    qint64 createdAt = 0; // Unix ms, UTC
    qint64 updatedAt = 0;

    // The host the site answers on: its domain, else its staging host.
    QString siteHost() const;
    // The saved Git repository, or nullopt when the project has none.
    std::optional<GitSource> gitSource() const;

    // Decodes strictly where the contract is fixed; settings fields the agent
    // leaves out keep their defaults, since requests may omit them too.
    static Result<RemoteProject> fromJson(const QJsonObject &json);
    static QString scopeName(ProtectionScope scope);
};

} // namespace ddd::core::client
