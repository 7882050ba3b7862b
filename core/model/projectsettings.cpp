// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/projectsettings.h"

#include "core/util/safepath.h"
#include "core/util/textrules.h"

#include <QJsonArray>
#include <QSet>

#include <optional>

namespace ddd::core::model {

namespace {

using SiteUser = ProjectSettings::SiteUser;
using SitePassword = ProjectSettings::SitePassword;

// A site user as the client sent it: the password is still plain text and
// optional (absent = keep the stored hash).
struct PendingUser
{
    QString username;
    std::optional<QString> password;
};

struct PendingSitePassword
{
    std::optional<bool> enabled;
    std::optional<ProjectSettings::ProtectionScope> scope;
    std::optional<QList<PendingUser>> users;
};

Error invalidSetting(const QString &field, const QString &reason, std::optional<qsizetype> index = {})
{
    QJsonObject details{{u"field"_qs, field}, {u"reason"_qs, reason}};
    if (index)
        details.insert(u"index"_qs, qint64(*index));
    return Error::make(u"project.invalid_settings"_qs,
                       QStringLiteral("Invalid project setting %1: %2").arg(field, reason), details);
}

Status checkKnownFields(const QJsonObject &json, const QStringList &known, const QString &prefix,
                        std::optional<qsizetype> index = {})
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return invalidSetting(prefix + it.key(), u"unknown_field"_qs, index);
    }
    return {};
}

Result<bool> readBool(const QJsonValue &value, const QString &field)
{
    if (!value.isBool())
        return invalidSetting(field, u"not_boolean"_qs);
    return value.toBool();
}

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

std::optional<QString> usernameProblem(const QString &username)
{
    if (username.isEmpty())
        return u"empty"_qs;
    if (TextRules::codePointCount(username) > ProjectSettings::MaxUsernameLength)
        return u"too_long"_qs;
    if (TextRules::hasControlCharacters(username))
        return u"control_character"_qs;
    // RFC 7617: the user-id of HTTP Basic cannot contain a colon.
    if (username.contains(u':'))
        return u"invalid_character"_qs;
    return std::nullopt;
}

std::optional<QString> passwordProblem(const QString &password)
{
    if (TextRules::codePointCount(password) < ProjectSettings::MinSitePasswordLength)
        return u"too_short"_qs;
    // Checked before hashing so a huge password never reaches the hasher.
    if (password.toUtf8().size() > ProjectSettings::MaxSitePasswordBytes)
        return u"too_long"_qs;
    if (TextRules::hasControlCharacters(password))
        return u"control_character"_qs;
    return std::nullopt;
}

Result<PendingUser> parseSiteUser(const QJsonValue &value, qsizetype index)
{
    const QString prefix = u"sitePassword.users."_qs;
    if (!value.isObject())
        return invalidSetting(u"sitePassword.users"_qs, u"not_object"_qs, index);
    const QJsonObject json = value.toObject();
    if (Status known = checkKnownFields(json, {u"username"_qs, u"password"_qs}, prefix, index); !known)
        return known.error();
    if (!json.value(u"username"_qs).isString())
        return invalidSetting(prefix + u"username"_qs, u"not_string"_qs, index);
    PendingUser user{json.value(u"username"_qs).toString(), std::nullopt};
    if (auto problem = usernameProblem(user.username))
        return invalidSetting(prefix + u"username"_qs, *problem, index);
    if (!json.contains(u"password"_qs))
        return user;
    if (!json.value(u"password"_qs).isString())
        return invalidSetting(prefix + u"password"_qs, u"not_string"_qs, index);
    user.password = json.value(u"password"_qs).toString();
    if (auto problem = passwordProblem(*user.password))
        return invalidSetting(prefix + u"password"_qs, *problem, index);
    return user;
}

Result<QList<PendingUser>> parseSiteUsers(const QJsonValue &value)
{
    if (!value.isArray())
        return invalidSetting(u"sitePassword.users"_qs, u"not_array"_qs);
    const QJsonArray array = value.toArray();
    if (array.size() > ProjectSettings::MaxSiteUsers)
        return invalidSetting(u"sitePassword.users"_qs, u"too_many"_qs);
    QList<PendingUser> users;
    QSet<QString> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<PendingUser> user = parseSiteUser(array.at(i), i);
        if (!user)
            return user.error();
        if (seen.contains(user->username))
            return invalidSetting(u"sitePassword.users.username"_qs, u"duplicate"_qs, i);
        seen.insert(user->username);
        users.append(std::move(user).value());
    }
    return users;
}

Result<PendingSitePassword> parseSitePassword(const QJsonValue &value)
{
    if (!value.isObject())
        return invalidSetting(u"sitePassword"_qs, u"not_object"_qs);
    const QJsonObject json = value.toObject();
    if (Status known = checkKnownFields(json, {u"enabled"_qs, u"users"_qs, u"scope"_qs}, u"sitePassword."_qs); !known)
        return known.error();
    PendingSitePassword pending;
    if (json.contains(u"scope"_qs)) {
        pending.scope = ProjectSettings::scopeFromName(json.value(u"scope"_qs).toString());
        if (!json.value(u"scope"_qs).isString() || !pending.scope)
            return invalidSetting(u"sitePassword.scope"_qs, u"not_a_scope"_qs);
    }
    if (json.contains(u"enabled"_qs)) {
        Result<bool> enabled = readBool(json.value(u"enabled"_qs), u"sitePassword.enabled"_qs);
        if (!enabled)
            return enabled.error();
        pending.enabled = *enabled;
    }
    if (json.contains(u"users"_qs)) {
        Result<QList<PendingUser>> users = parseSiteUsers(json.value(u"users"_qs));
        if (!users)
            return users.error();
        pending.users = std::move(users).value();
    }
    return pending;
}

std::optional<QString> storedHash(const SitePassword &base, const QString &username)
{
    for (const SiteUser &user : base.users) {
        if (user.username == username)
            return user.passwordHash;
    }
    return std::nullopt;
}

// Every check runs before the first hash, so a refused request costs no hashing.
Result<SitePassword> resolveSitePassword(const PendingSitePassword &pending, const SitePassword &base,
                                         const ProjectSettings::Policy &policy)
{
    SitePassword result = base;
    result.enabled = pending.enabled.value_or(base.enabled);
    result.scope = pending.scope.value_or(base.scope);
    if (pending.users) {
        for (qsizetype i = 0; i < pending.users->size(); ++i) {
            const PendingUser &user = pending.users->at(i);
            if (!user.password && !storedHash(base, user.username))
                return invalidSetting(u"sitePassword.users.password"_qs, u"password_required"_qs, i);
        }
    }
    const qsizetype userCount = pending.users ? pending.users->size() : base.users.size();
    if (result.enabled && userCount == 0)
        return invalidSetting(u"sitePassword"_qs, u"no_users"_qs);
    if (!pending.users)
        return result;
    result.users.clear();
    for (const PendingUser &user : *pending.users) {
        if (!user.password) {
            result.users.append(SiteUser{user.username, *storedHash(base, user.username)});
            continue;
        }
        if (!policy.hashPassword)
            return Error::make(u"internal"_qs, u"No password hasher is configured"_qs);
        Result<QString> hash = policy.hashPassword(*user.password);
        if (!hash)
            return hash.error();
        result.users.append(SiteUser{user.username, *hash});
    }
    return result;
}

Result<QString> readString(const QJsonValue &value, const QString &field)
{
    if (!value.isString())
        return invalidSetting(field, u"not_string"_qs);
    return value.toString();
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
    const QStringList known = {u"spaMode"_qs, u"optOutMinify"_qs, u"buildFlags"_qs, u"sitePassword"_qs, u"build"_qs};
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
        Result<PendingSitePassword> pending = parseSitePassword(json.value(u"sitePassword"_qs));
        if (!pending)
            return pending.error();
        Result<SitePassword> sitePassword = resolveSitePassword(*pending, base.sitePassword, policy);
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
