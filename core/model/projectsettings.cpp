// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/projectsettings.h"

#include "core/model/httpssettings.h"
#include "core/model/settingsjson.h"
#include "core/model/sitepasswordsettings.h"
#include "core/util/safepath.h"
#include "core/util/textrules.h"

#include <QJsonArray>

#include <optional>

namespace ddd::core::model {

namespace {

using namespace settingsjson;

Status checkBuildFlag(const QJsonValue &value, qsizetype index)
{
    const QString field = u"buildFlags"_qs;
    if (!value.isString())
        return invalidSetting(field, u"not_string"_qs, index);
    const QString flag = value.toString();
    if (flag.isEmpty())
        return invalidSetting(field, u"empty"_qs, index);
    if (TextRules::codePointCount(flag) > ProjectSettings::MaxBuildFlagLength)
        return invalidSetting(field, u"too_long"_qs, index);
    if (TextRules::hasControlCharacters(flag))
        return invalidSetting(field, u"control_character"_qs, index);
    if (!flag.startsWith(u'-'))
        return invalidSetting(field, u"must_start_with_hyphen"_qs, index);
    return {};
}

Status checkAllowlist(const QStringList &flags, const QStringList &allowlist)
{
    QStringList rejected;
    for (const QString &flag : flags) {
        const QString name = ProjectSettings::buildFlagName(flag);
        if (!allowlist.contains(name) && !rejected.contains(name))
            rejected.append(name);
    }
    if (rejected.isEmpty())
        return {};
    // Only names are echoed: a value such as `--token=abc` may be a secret
    // that would otherwise travel on into logs.
    return Error::make(u"project.invalid_build_flags"_qs,
                       u"Build flags not allowed: "_qs + rejected.join(u", "_qs),
                       QJsonObject{{u"rejected"_qs, QJsonArray::fromStringList(rejected)}});
}

Result<QStringList> parseBuildFlags(const QJsonValue &value, const QStringList &allowlist)
{
    if (!value.isArray())
        return invalidSetting(u"buildFlags"_qs, u"not_array"_qs);
    const QJsonArray array = value.toArray();
    if (array.size() > ProjectSettings::MaxBuildFlags)
        return invalidSetting(u"buildFlags"_qs, u"too_many"_qs);
    QStringList flags;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (Status valid = checkBuildFlag(array.at(i), i); !valid)
            return valid.error();
        if (flags.contains(array.at(i).toString()))
            return invalidSetting(u"buildFlags"_qs, u"duplicate"_qs, i);
        flags.append(array.at(i).toString());
    }
    if (Status allowed = checkAllowlist(flags, allowlist); !allowed)
        return allowed.error();
    return flags;
}

Status checkBuildGenerator(const QString &generator)
{
    static const QStringList names{u"auto"_qs, u"plain"_qs, u"hugo"_qs, u"jekyll"_qs, u"mkdocs"_qs, u"npm"_qs};
    if (!names.contains(generator))
        return invalidSetting(u"build.generator"_qs, u"unknown_generator"_qs);
    return {};
}

Status checkNpmScript(const QString &script, const QStringList &allowed)
{
    if (script.isEmpty())
        return invalidSetting(u"build.npmScript"_qs, u"empty"_qs);
    // The operator's list decides which package.json scripts may run at all.
    if (!allowed.contains(script))
        return invalidSetting(u"build.npmScript"_qs, u"script_not_allowed"_qs);
    return {};
}

// Reads one field of the build object into `target` after `check` passed.
template<typename T, typename Read, typename Check>
Status mergeField(const QJsonObject &json, const QString &key, T &target, Read read, Check check)
{
    if (!json.contains(key))
        return {};
    Result<T> value = read(json.value(key), u"build."_qs + key);
    if (!value)
        return value.error();
    if (Status valid = check(*value); !valid)
        return valid;
    target = *value;
    return {};
}

Result<ProjectSettings::Build> parseBuild(const QJsonValue &value, const ProjectSettings::Build &base,
                                          const ProjectSettings::Policy &policy)
{
    if (!value.isObject())
        return invalidSetting(u"build"_qs, u"not_object"_qs);
    const QJsonObject json = value.toObject();
    const QStringList known{u"generator"_qs, u"npmScript"_qs, u"outputDir"_qs, u"publishAutomatically"_qs, u"git"_qs};
    if (Status fields = checkKnownFields(json, known, u"build."_qs); !fields)
        return fields.error();
    ProjectSettings::Build build = base;
    const auto noCheck = [](const auto &) { return Status(); };
    const auto outputDir = [](const QString &dir) -> Status {
        if (auto problem = ProjectSettings::outputDirProblem(dir))
            return invalidSetting(u"build.outputDir"_qs, *problem);
        return {};
    };
    const auto script = [&policy](const QString &name) { return checkNpmScript(name, policy.npmScripts); };
    Status merged = mergeField(json, u"generator"_qs, build.generator, readString, checkBuildGenerator);
    if (merged)
        merged = mergeField(json, u"npmScript"_qs, build.npmScript, readString, script);
    if (merged)
        merged = mergeField(json, u"outputDir"_qs, build.outputDir, readString, outputDir);
    if (merged)
        merged = mergeField(json, u"publishAutomatically"_qs, build.publishAutomatically, readBool, noCheck);
    if (!merged)
        return merged.error();
    if (json.contains(u"git"_qs)) {
        Result<build::GitSource> git = build::GitSource::merge(json.value(u"git"_qs), base.git, policy.gitBuilds);
        if (!git)
            return git.error();
        build.git = *git;
    }
    return build;
}

} // namespace

Result<ProjectSettings> ProjectSettings::fromJson(const QJsonObject &json, const ProjectSettings &base,
                                                  const Policy &policy)
{
    const QStringList known = {u"spaMode"_qs, u"optOutMinify"_qs, u"buildFlags"_qs, u"sitePassword"_qs, u"build"_qs,
                               u"https"_qs};
    if (Status fields = checkKnownFields(json, known, QString()); !fields)
        return fields.error();
    ProjectSettings merged = base;
    if (json.contains(u"spaMode"_qs)) {
        Result<bool> spaMode = readBool(json.value(u"spaMode"_qs), u"spaMode"_qs);
        if (!spaMode)
            return spaMode.error();
        merged.spaMode = *spaMode;
    }
    if (json.contains(u"optOutMinify"_qs)) {
        Result<bool> optOut = readBool(json.value(u"optOutMinify"_qs), u"optOutMinify"_qs);
        if (!optOut)
            return optOut.error();
        merged.optOutMinify = *optOut;
    }
    if (json.contains(u"buildFlags"_qs)) {
        Result<QStringList> flags = parseBuildFlags(json.value(u"buildFlags"_qs), policy.buildFlagsAllowlist);
        if (!flags)
            return flags.error();
        merged.buildFlags = *flags;
    }
    if (json.contains(u"sitePassword"_qs)) {
        Result<SitePassword> sitePassword =
            SitePasswordSettings::merge(json.value(u"sitePassword"_qs), base.sitePassword, policy);
        if (!sitePassword)
            return sitePassword.error();
        merged.sitePassword = *sitePassword;
    }
    if (json.contains(u"build"_qs)) {
        Result<Build> build = parseBuild(json.value(u"build"_qs), base.build, policy);
        if (!build)
            return build.error();
        merged.build = *build;
    }
    if (json.contains(u"https"_qs)) {
        Result<Https> https = HttpsSettings::merge(json.value(u"https"_qs), base.https, policy);
        if (!https)
            return https.error();
        merged.https = *https;
    }
    return merged;
}

QString ProjectSettings::scopeName(ProtectionScope scope)
{
    return scope == ProtectionScope::StagingOnly ? u"staging"_qs : u"all"_qs;
}

std::optional<ProjectSettings::ProtectionScope> ProjectSettings::scopeFromName(const QString &name)
{
    if (name == u"all"_qs)
        return ProtectionScope::AllHosts;
    if (name == u"staging"_qs)
        return ProtectionScope::StagingOnly;
    return std::nullopt;
}

QString ProjectSettings::buildFlagName(const QString &flag)
{
    return flag.section(u'=', 0, 0);
}

std::optional<QString> ProjectSettings::outputDirProblem(const QString &outputDir)
{
    if (outputDir.isEmpty())
        return std::nullopt;
    if (TextRules::hasControlCharacters(outputDir))
        return u"control_character"_qs;
    // The archive entry normaliser refuses absolute paths, "..", drive
    // letters and backslashes; it must also hand the name back unchanged, so
    // "./dist" or "dist//x" are refused rather than silently rewritten.
    Result<QString> normalised = SafePath::fromArchiveEntry(outputDir.toUtf8());
    if (!normalised || normalised->isEmpty())
        return u"unsafe_path"_qs;
    if (*normalised != outputDir)
        return u"not_normalised"_qs;
    return std::nullopt;
}

} // namespace ddd::core::model
