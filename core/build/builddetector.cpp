// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/builddetector.h"

#include "core/build/generatorplan.h"
#include "core/build/packagejson.h"

#include <QDir>
#include <QFileInfo>

namespace ddd::core::build {

namespace {

// A regular file (not a link) directly in `folder`.
bool hasFile(const QDir &folder, const QString &name)
{
    const QFileInfo info(folder.filePath(name));
    return info.isFile() && !info.isSymLink();
}

bool hasFolder(const QDir &folder, const QString &name)
{
    const QFileInfo info(folder.filePath(name));
    return info.isDir() && !info.isSymLink();
}

bool hasAnyFile(const QDir &folder, const QStringList &names)
{
    for (const QString &name : names) {
        if (hasFile(folder, name))
            return true;
    }
    return false;
}

bool isHugo(const QDir &root)
{
    static const QStringList configs{u"hugo.toml"_qs,   u"hugo.yaml"_qs,   u"hugo.json"_qs,
                                     u"config.toml"_qs, u"config.yaml"_qs, u"config.json"_qs};
    return hasAnyFile(root, configs)
           && (hasFolder(root, u"content"_qs) || hasFolder(root, u"layouts"_qs) || hasFolder(root, u"themes"_qs));
}

bool isJekyll(const QDir &root)
{
    return hasAnyFile(root, {u"_config.yml"_qs, u"_config.yaml"_qs});
}

bool isMkDocs(const QDir &root)
{
    return hasAnyFile(root, {u"mkdocs.yml"_qs, u"mkdocs.yaml"_qs});
}

// Archives made by "compress folder" on macOS or Windows carry a top folder
// and sometimes a __MACOSX or dot-file sibling; those do not count.
bool isPackagingNoise(const QString &name)
{
    return name.startsWith(u'.') || name == u"__MACOSX"_qs;
}

// "" when index.html is at the root, the top folder's name when it is in the
// only top folder, nullopt otherwise.
std::optional<QString> plainSiteRoot(const QDir &root)
{
    if (hasFile(root, u"index.html"_qs))
        return QString();
    QStringList folders;
    const QFileInfoList entries = root.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        if (isPackagingNoise(entry.fileName()))
            continue;
        if (!entry.isDir() || entry.isSymLink())
            return std::nullopt;
        folders.append(entry.fileName());
    }
    if (folders.size() == 1 && hasFile(QDir(root.filePath(folders.first())), u"index.html"_qs))
        return folders.first();
    return std::nullopt;
}

Error undetected(const QString &reason, const QString &message)
{
    return Error::make(u"build.undetected"_qs, message, QJsonObject{{u"reason"_qs, reason}});
}

Result<Detection> npmDetection(const QDir &root, const BuildDetector::Choice &choice)
{
    Result<PackageJson> package = PackageJson::read(root.filePath(u"package.json"_qs));
    if (!package)
        return package.error();
    if (!package->hasScript(choice.npmScript))
        return undetected(u"npm_script_missing"_qs,
                          QStringLiteral("package.json has no \"%1\" script").arg(choice.npmScript));
    Detection detection;
    detection.generator = Generator::Npm;
    detection.outputDir = choice.outputDir.isEmpty() ? package->conventionalOutputDir() : choice.outputDir;
    const bool installs = package->hasDependencies() && !hasFolder(root, u"node_modules"_qs);
    detection.command = GeneratorPlan::displayCommand(Generator::Npm, choice.npmScript, {}, installs);
    return detection;
}

Result<Detection> plainDetection(const QDir &root, bool chosen)
{
    const std::optional<QString> siteRoot = plainSiteRoot(root);
    // A project that says "plain" deploys its root even without index.html.
    if (!siteRoot && !chosen)
        return undetected(u"nothing_found"_qs,
                          u"No hugo.toml/config.toml with content/, layouts/ or themes/, no _config.yml, no mkdocs.yml, "
                          "no package.json with the build script, and no index.html at the root or in the only top folder"_qs);
    Detection detection;
    detection.generator = Generator::Plain;
    detection.siteRoot = siteRoot.value_or(QString());
    return detection;
}

std::optional<Generator> detectedGenerator(const QDir &root, const BuildDetector::Choice &choice)
{
    if (isHugo(root))
        return Generator::Hugo;
    if (isJekyll(root))
        return Generator::Jekyll;
    if (isMkDocs(root))
        return Generator::MkDocs;
    if (hasFile(root, u"package.json"_qs)) {
        Result<PackageJson> package = PackageJson::read(root.filePath(u"package.json"_qs));
        if (package && package->hasScript(choice.npmScript))
            return Generator::Npm;
    }
    return std::nullopt;
}

QString conventionalOutput(Generator generator)
{
    switch (generator) {
    case Generator::Hugo: return u"public"_qs;
    case Generator::Jekyll: return u"_site"_qs;
    case Generator::MkDocs: return u"site"_qs;
    case Generator::Npm:
    case Generator::Plain: break;
    }
    return {};
}

} // namespace

Result<Detection> BuildDetector::detect(const QString &sourceDirectory, const Choice &choice)
{
    const QDir root(sourceDirectory);
    if (!QFileInfo(sourceDirectory).isDir())
        return undetected(u"no_source"_qs, u"The source folder does not exist"_qs);
    const std::optional<Generator> generator = choice.generator ? choice.generator : detectedGenerator(root, choice);
    Result<Detection> detection = Detection{};
    if (!generator || *generator == Generator::Plain) {
        detection = plainDetection(root, generator.has_value());
    } else if (*generator == Generator::Npm) {
        if (!hasFile(root, u"package.json"_qs))
            return undetected(u"package_json_missing"_qs, u"The project builds with npm but has no package.json"_qs);
        detection = npmDetection(root, choice);
    } else {
        detection->generator = *generator;
        detection->outputDir = conventionalOutput(*generator);
    }
    if (detection && detection->generator != Generator::Npm)
        detection->command = GeneratorPlan::displayCommand(detection->generator, choice.npmScript, {}, false);
    return detection;
}

} // namespace ddd::core::build
