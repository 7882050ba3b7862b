// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/detection.h"
#include "core/build/sandboxspec.h"
#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ddd::core::build {

// One sandboxed step of a build ("install", "build").
struct PlannedPhase final
{
    QString name;
    SandboxSpec spec;
    QString command; // as the log shows it, flag values redacted
};

// How one detected source is built: the sandboxed phases in order and the
// host folders they leave behind.
struct BuildPlan final
{
    QList<PlannedPhase> phases;
    // Host folder that holds the site once the phases succeeded (a folder
    // of the request's output folder, "<output>/site").
    QString siteDirectory;
    // Host folder of npm's writable copy of the source ("<output>/work"),
    // removed after the build; "" for the other generators.
    QString workDirectory;
};

// Turns a Detection into the exact commands, environment and policy files of
// each generator. The generators' own security settings are pinned here,
// where a site cannot reach them: Hugo's through its environment overrides
// (which beat the site config), Jekyll's through --safe and an agent-owned
// config layer passed last.
class GeneratorPlan final
{
public:
    struct Input final
    {
        Detection detection;
        QString sourceDirectory; // host; the site is at detection.siteRoot inside it
        QString outputDirectory; // host, empty
        QString npmScript = QStringLiteral("build");
        QStringList flags;       // already checked against the allow-list
        bool installNetwork = false;
        SandboxLimits limits;
    };

    // Inside the sandbox.
    static constexpr QStringView JekyllPolicyPath = u"/etc/ddd/jekyll-policy.yml";

    // build.failed (details.phase "install", details.reason
    // "install_network_disabled") when an npm project needs dependencies
    // that are neither vendored (node_modules) nor allowed to be fetched.
    static Result<BuildPlan> make(const Input &input);

    // Minifies the walked site in place: `minify -r -a -o ./ .` run in /out.
    static SandboxSpec minifySpec(const QString &siteDirectory, const QString &sourceDirectory,
                                  const SandboxLimits &limits);

    // The command as shown to the owner before anything runs and in the log:
    // "hugo --noBuildLock -d /out --baseURL=[redacted]".
    static QString displayCommand(Generator generator, const QString &npmScript, const QStringList &flags,
                                  bool installs);
    // "--token=abc" -> "--token=[redacted]"; a flag without a value stays.
    static QString redactFlag(const QString &flag);
};

} // namespace ddd::core::build
