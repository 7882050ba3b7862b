// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/gitsource.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ddd::core::model {

// Per-project behaviour: SPA fallback, minification opt-out, extra build
// flags and HTTP Basic protection of the served site. Site passwords exist
// here only as hashes; the client-facing JSON (core/wire) never carries them.
struct ProjectSettings final
{
    struct SiteUser final
    {
        QString username;
        QString passwordHash; // encoded hash from the injected hasher, never plain text
        bool operator==(const SiteUser &) const = default;
    };

    // Which of the project's hosts ask for the password: all of them, or
    // only the staging and preview hosts (the production domain stays public).
    enum class ProtectionScope { AllHosts, StagingOnly };

    struct SitePassword final
    {
        bool enabled = false;
        QList<SiteUser> users;
        ProtectionScope scope = ProtectionScope::AllHosts;
        // Share links carry the generation they were issued in; bumping it
        // revokes every link issued before. Never set from client JSON.
        qint64 shareLinkGeneration = 0;
        bool operator==(const SitePassword &) const = default;
    };

    // How the agent builds the project's source (settings.build). The
    // generator is a name of core/build/generator.h or "auto" (detect).
    struct Build final
    {
        QString generator = QStringLiteral("auto");
        QString npmScript = QStringLiteral("build"); // must be on the operator's builds.npm_scripts
        QString outputDir; // npm only: relative folder the script writes; "" = the framework's convention
        bool publishAutomatically = false; // a build's version goes live unless the request says otherwise
        build::GitSource git; // empty url: the project does not build from Git
        bool operator==(const Build &) const = default;
    };

    // HTTPS for the production domain and aliases (settings.https): a
    // redirect of plain HTTP, and Strict-Transport-Security on HTTPS answers.
    // Both off by default; see HttpsSettings for the rules.
    struct Https final
    {
        struct Hsts final
        {
            bool enabled = false;
            qint64 maxAge = 31536000; // seconds: one year, what preload lists ask for
            bool includeSubDomains = false;
            bool preload = false;
            bool operator==(const Hsts &) const = default;
        };
        bool redirect = false;
        Hsts hsts;
        bool operator==(const Https &) const = default;
    };

    // What validation needs besides the JSON. An empty allow-list allows no
    // build flag at all (the original allowed every flag, section 9.5).
    struct Policy final
    {
        QStringList buildFlagsAllowlist;
        std::function<Result<QString>(const QString &password)> hashPassword;
        QStringList npmScripts{QStringLiteral("build"), QStringLiteral("export")}; // builds.npm_scripts
        bool gitBuilds = true; // builds.git: false refuses saving a Git URL (build.git_disabled)
        // Whether the agent serves sites over HTTPS now; unset or false
        // refuses turning https.redirect or https.hsts on (project.https_unavailable).
        std::function<bool()> httpsAvailable;
    };

    static constexpr qsizetype MaxBuildFlags = 20;
    static constexpr qsizetype MaxBuildFlagLength = 200;
    static constexpr qsizetype MaxSiteUsers = 20;
    static constexpr qsizetype MaxUsernameLength = 64;
    static constexpr qsizetype MinSitePasswordLength = 8;
    static constexpr qsizetype MaxSitePasswordBytes = 1024;

    bool spaMode = false;
    bool optOutMinify = false;
    QStringList buildFlags;
    SitePassword sitePassword;
    Build build;
    Https https;

    bool operator==(const ProjectSettings &) const = default;

    // Validates a client's settings object field by field and merges the
    // fields it names over `base` (absent fields keep their value). Refusals:
    // `project.invalid_settings` with details {"field", "reason"} for unknown
    // fields, wrong types and bad values; `project.invalid_build_flags` with
    // details {"rejected": [flag names]} for flags outside the allow-list.
    // A site user given without a password keeps the hash it has in `base`;
    // given passwords are hashed only once everything else has passed.
    // A Git URL given in "build.git" is refused with GitSource::validate's
    // codes (build.invalid_git_url / build.invalid_git_branch), or with
    // build.git_disabled when the operator turned Git builds off.
    // "https" is checked by HttpsSettings::merge (project.https_unavailable,
    // project.invalid_hsts_preload).
    static Result<ProjectSettings> fromJson(const QJsonObject &json, const ProjectSettings &base,
                                            const Policy &policy);

    // "all" / "staging" on the wire; nullopt for any other text.
    static QString scopeName(ProtectionScope scope);
    static std::optional<ProtectionScope> scopeFromName(const QString &name);

    // A build flag's name: the text before the first '=' (`--token=abc` -> `--token`).
    static QString buildFlagName(const QString &flag);
    // Why `outputDir` is not a safe relative folder ("unsafe_path"...), nullopt when it is.
    static std::optional<QString> outputDirProblem(const QString &outputDir);
};

} // namespace ddd::core::model
