// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/generatorplan.h"

#include "core/build/packagejson.h"
#include "core/model/projectsettings.h"

#include <QDir>
#include <QFileInfo>

namespace ddd::core::build {

namespace {

using Environment = QList<QPair<QString, QString>>;

// Ruby and Python read files in the locale's encoding; the sandbox's empty
// environment would make that ASCII and break on the first accented letter.
const QPair<QString, QString> Utf8Locale{u"LANG"_qs, u"C.UTF-8"_qs};

// Hugo reads HUGO_* variables after the site config, so these beat whatever
// the site's hugo.toml says about its own security policy: nothing may be
// executed (not even the default postcss/npx, which a site can ship itself),
// no remote resource fetched, and getenv sees only Hugo's own variables
// (the sandbox environment holds nothing else worth reading anyway).
const Environment &hugoEnvironment()
{
    static const Environment environment{
        Utf8Locale,
        {u"HUGO_RESOURCEDIR"_qs, u"/tmp/hugo-resources"_qs}, // the source is read-only
        {u"HUGO_CACHEDIR"_qs, u"/tmp/hugo-cache"_qs},
        {u"HUGO_SECURITY_EXEC_ALLOW"_qs, u"none"_qs},
        {u"HUGO_SECURITY_FUNCS_GETENV"_qs, u"^HUGO_"_qs},
        {u"HUGO_SECURITY_HTTP_URLS"_qs, u"none"_qs},
    };
    return environment;
}

// Passed as the last --config, so it overrides the site's _config.yml (Jekyll
// replaces arrays when merging): only the two Debian plugins minima needs.
const QByteArray JekyllPolicy = "safe: true\n"
                                "whitelist:\n"
                                "  - jekyll-feed\n"
                                "  - jekyll-seo-tag\n";

// npm needs a writable project folder: the source is copied into /out/work
// (the output mount is the only writable place that survives between the
// install and the build phase). The script name and the flags arrive as
// positional parameters, never spliced into the script text.
const QString NpmInstallScript = u"set -e\n"
                                 "mkdir /out/work\n"
                                 "cp -R /src/. /out/work/\n"
                                 "cd /out/work\n"
                                 "if [ -f package-lock.json ] || [ -f npm-shrinkwrap.json ]; then\n"
                                 "  exec npm ci --ignore-scripts\n"
                                 "fi\n"
                                 "exec npm install --ignore-scripts\n"_qs;

// /out/site is made only when the output folder exists, so a missing one
// shows as a missing site (build.output_missing) on the host.
const QString NpmBuildScript = u"set -e\n"
                               "if [ ! -d /out/work ]; then mkdir /out/work; cp -R /src/. /out/work/; fi\n"
                               "cd /out/work\n"
                               "if [ $# -gt 0 ]; then npm run \"$0\" -- \"$@\"; else npm run \"$0\"; fi\n"
                               "if [ -d \"$DDD_OUTPUT_DIR\" ] && [ ! -L \"$DDD_OUTPUT_DIR\" ]; then\n"
                               "  mkdir -p /out/site\n"
                               "  cp -R \"$DDD_OUTPUT_DIR/.\" /out/site/\n"
                               "else\n"
                               "  echo \"ddd: the build did not produce the folder $DDD_OUTPUT_DIR\" >&2\n"
                               "fi\n"_qs;

const Environment &npmEnvironment()
{
    static const Environment environment{
        Utf8Locale,
        {u"NPM_CONFIG_UPDATE_NOTIFIER"_qs, u"false"_qs},
        {u"NPM_CONFIG_FUND"_qs, u"false"_qs},
        {u"NPM_CONFIG_AUDIT"_qs, u"false"_qs},
        {u"NPM_CONFIG_CACHE"_qs, u"/tmp/npm-cache"_qs},
    };
    return environment;
}

QString firstExisting(const QString &folder, const QStringList &names)
{
    for (const QString &name : names) {
        if (QFileInfo(QDir(folder).filePath(name)).isFile())
            return name;
    }
    return names.first();
}

QStringList genericArgv(Generator generator, const QString &siteFolder)
{
    switch (generator) {
    case Generator::Hugo:
        return {u"hugo"_qs, u"--noBuildLock"_qs, u"--source"_qs, u"/src"_qs, u"-d"_qs, u"/out"_qs};
    case Generator::Jekyll: {
        const QString config = firstExisting(siteFolder, {u"_config.yml"_qs, u"_config.yaml"_qs});
        return {u"jekyll"_qs, u"build"_qs, u"--safe"_qs, u"--disable-disk-cache"_qs, u"--source"_qs, u"/src"_qs,
                u"--destination"_qs, u"/out"_qs, u"--config"_qs,
                u"/src/"_qs + config + u',' + GeneratorPlan::JekyllPolicyPath.toString()};
    }
    case Generator::MkDocs: {
        const QString config = firstExisting(siteFolder, {u"mkdocs.yml"_qs, u"mkdocs.yaml"_qs});
        return {u"mkdocs"_qs, u"build"_qs, u"--config-file"_qs, u"/src/"_qs + config, u"--site-dir"_qs, u"/out"_qs};
    }
    case Generator::Npm:
    case Generator::Plain: break;
    }
    return {};
}

QString redactedJoin(const QStringList &argv, const QStringList &flags)
{
    QStringList shown = argv;
    for (const QString &flag : flags)
        shown.append(GeneratorPlan::redactFlag(flag));
    return shown.join(u' ');
}

PlannedPhase genericPhase(const GeneratorPlan::Input &input, const QString &siteFolder, const QString &siteDirectory)
{
    const Generator generator = input.detection.generator;
    PlannedPhase phase{u"build"_qs, {}, {}};
    const QStringList argv = genericArgv(generator, siteFolder);
    phase.spec.argv = argv + input.flags;
    phase.command = redactedJoin(argv, input.flags);
    phase.spec.sourceDir = siteFolder;
    phase.spec.outputDir = siteDirectory;
    phase.spec.limits = input.limits;
    if (generator == Generator::Hugo) {
        phase.spec.environment = hugoEnvironment();
    } else if (generator == Generator::Jekyll) {
        phase.spec.environment = {Utf8Locale, {u"JEKYLL_NO_BUNDLER_REQUIRE"_qs, u"true"_qs},
                                  {u"JEKYLL_ENV"_qs, u"production"_qs}};
        phase.spec.files = {{GeneratorPlan::JekyllPolicyPath.toString(), JekyllPolicy}};
    } else {
        phase.spec.environment = {Utf8Locale};
    }
    return phase;
}

Error dependenciesUnavailable()
{
    return Error::make(u"build.failed"_qs,
                       u"package.json lists dependencies, node_modules is not part of the source, and the operator "
                       "does not allow an install phase to reach the registry (builds.install_network)"_qs,
                       QJsonObject{{u"phase"_qs, u"install"_qs}, {u"reason"_qs, u"install_network_disabled"_qs}});
}

Result<BuildPlan> npmPlan(const GeneratorPlan::Input &input, const QString &siteFolder)
{
    Result<PackageJson> package = PackageJson::read(QDir(siteFolder).filePath(u"package.json"_qs));
    if (!package)
        return package.error();
    const QFileInfo vendored(QDir(siteFolder).filePath(u"node_modules"_qs));
    const bool installs = package->hasDependencies() && !(vendored.isDir() && !vendored.isSymLink());
    if (installs && !input.installNetwork)
        return dependenciesUnavailable();
    BuildPlan plan;
    plan.siteDirectory = QDir(input.outputDirectory).filePath(u"site"_qs);
    plan.workDirectory = QDir(input.outputDirectory).filePath(u"work"_qs);
    SandboxSpec base;
    base.sourceDir = siteFolder;
    base.outputDir = input.outputDirectory;
    base.environment = npmEnvironment();
    base.limits = input.limits;
    if (installs) {
        PlannedPhase install{u"install"_qs, base, u"npm ci --ignore-scripts"_qs};
        install.spec.argv = QStringList{u"sh"_qs, u"-c"_qs, NpmInstallScript};
        install.spec.network = true;
        plan.phases.append(install);
    }
    PlannedPhase build{u"build"_qs, base, redactedJoin({u"npm"_qs, u"run"_qs, input.npmScript}, input.flags)};
    build.spec.argv = QStringList{u"sh"_qs, u"-c"_qs, NpmBuildScript, input.npmScript} + input.flags;
    build.spec.environment.append({u"DDD_OUTPUT_DIR"_qs, input.detection.outputDir});
    plan.phases.append(build);
    return plan;
}

} // namespace

Result<BuildPlan> GeneratorPlan::make(const Input &input)
{
    const QString &siteRoot = input.detection.siteRoot;
    const QString siteFolder = siteRoot.isEmpty() ? input.sourceDirectory : QDir(input.sourceDirectory).filePath(siteRoot);
    if (input.detection.generator == Generator::Npm)
        return npmPlan(input, siteFolder);
    BuildPlan plan;
    plan.siteDirectory = QDir(input.outputDirectory).filePath(u"site"_qs);
    if (input.detection.generator != Generator::Plain)
        plan.phases.append(genericPhase(input, siteFolder, plan.siteDirectory));
    return plan;
}

SandboxSpec GeneratorPlan::minifySpec(const QString &siteDirectory, const QString &sourceDirectory,
                                      const SandboxLimits &limits)
{
    SandboxSpec spec;
    // In place: "-o X/ X/" would nest into X/X/ (measured), "cd X; -o ./ ."
    // does not. The document and end tags stay for parsers less lenient
    // than browsers; <pre>, <textarea> and script strings are kept by minify.
    spec.argv = QStringList{u"minify"_qs, u"-r"_qs, u"-a"_qs, u"--html-keep-document-tags"_qs,
                            u"--html-keep-end-tags"_qs, u"-o"_qs, u"./"_qs, u"."_qs};
    spec.sourceDir = sourceDirectory;
    spec.outputDir = siteDirectory;
    spec.workingDirectory = u"/out"_qs;
    spec.environment = {Utf8Locale};
    spec.limits = limits;
    return spec;
}

QString GeneratorPlan::displayCommand(Generator generator, const QString &npmScript, const QStringList &flags,
                                      bool installs)
{
    if (generator == Generator::Plain)
        return {};
    if (generator == Generator::Npm) {
        const QString run = redactedJoin({u"npm"_qs, u"run"_qs, npmScript}, flags);
        return installs ? u"npm ci --ignore-scripts && "_qs + run : run;
    }
    QStringList argv = genericArgv(generator, QString());
    // The human form leaves out the sandbox plumbing (--source /src, the policy layer).
    for (const QString &plumbing : {u"--source"_qs, u"--config-file"_qs, u"--config"_qs}) {
        if (const qsizetype at = argv.indexOf(plumbing); at >= 0)
            argv.remove(at, 2);
    }
    return redactedJoin(argv, flags);
}

QString GeneratorPlan::redactFlag(const QString &flag)
{
    const QString name = model::ProjectSettings::buildFlagName(flag);
    return name.size() == flag.size() ? flag : name + u"=[redacted]"_qs;
}

} // namespace ddd::core::build
