// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/sitepasswordsettings.h"

#include "core/model/settingsjson.h"
#include "core/util/textrules.h"

#include <QJsonArray>
#include <QSet>

#include <optional>

namespace ddd::core::model {

namespace {

using namespace settingsjson;
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

} // namespace

Result<SitePassword> SitePasswordSettings::merge(const QJsonValue &value, const SitePassword &base,
                                                 const ProjectSettings::Policy &policy)
{
    Result<PendingSitePassword> pending = parseSitePassword(value);
    if (!pending)
        return pending.error();
    return resolveSitePassword(*pending, base, policy);
}

} // namespace ddd::core::model
