// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/siteaccess.h"

#include "core/auth/basiccredentials.h"
#include "core/auth/loginthrottle.h"
#include "core/auth/passwordhasher.h"
#include "core/auth/sharelinks.h"
#include "core/auth/sitecredentialcache.h"

namespace ddd::core::auth {

namespace {

using SiteUser = model::ProjectSettings::SiteUser;

const SiteUser *findUser(const SiteAccess::SitePassword &protection, const QString &username)
{
    for (const SiteUser &user : protection.users) {
        if (user.username == username)
            return &user;
    }
    return nullptr;
}

// One throttle "account" per site: a distributed guess at any of its users
// is still stopped (security guide 6.6), and site counters never mix with
// API logins, which have their own throttle.
QString throttleKey(qint64 projectId)
{
    return u"site:"_qs + QString::number(projectId);
}

} // namespace

SiteAccess::SiteAccess(const PasswordHasher &hasher, LoginThrottle &throttle, SiteCredentialCache &cache,
                       const ShareLinks &shareLinks, Options options)
    : m_hasher(hasher), m_throttle(throttle), m_cache(cache), m_shareLinks(shareLinks), m_options(options)
{
}

bool SiteAccess::isProtected(const Target &target) const
{
    if (m_options.forceProtection)
        return true;
    if (!target.protection.enabled)
        return false;
    return !target.productionHost || target.protection.scope == model::ProjectSettings::ProtectionScope::AllHosts;
}

Result<qint64> SiteAccess::checkShareLink(const Target &target, const QByteArray &token) const
{
    return m_shareLinks.verify(token, target.projectId, target.protection.shareLinkGeneration);
}

// Whether the credentials in `authorization` are remembered; nullopt when
// there are none (absent or malformed: never hashed, never granted).
std::optional<bool> SiteAccess::rememberedFor(const Target &target, const QByteArray &authorization) const
{
    if (authorization.isEmpty())
        return std::nullopt;
    const std::optional<BasicCredentials> credentials = BasicCredentials::parse(authorization);
    if (!credentials)
        return std::nullopt;
    const SiteUser *user = findUser(target.protection, credentials->username);
    return user && m_cache.contains(target.projectId, user->username, user->passwordHash, credentials->password);
}

bool SiteAccess::needsHashing(const Target &target, const QByteArray &authorization) const
{
    const std::optional<bool> remembered = rememberedFor(target, authorization);
    return remembered && !*remembered;
}

bool SiteAccess::remembers(const Target &target, const QByteArray &authorization) const
{
    return rememberedFor(target, authorization).value_or(false);
}

SiteAccess::Decision SiteAccess::checkPassword(const Target &target, const QString &clientAddress,
                                               const QByteArray &authorization)
{
    if (authorization.isEmpty())
        return {Outcome::Challenge};
    // A malformed field is not a guess: it is refused without counting.
    const std::optional<BasicCredentials> credentials = BasicCredentials::parse(authorization);
    if (!credentials)
        return {Outcome::Challenge};
    const SiteUser *user = findUser(target.protection, credentials->username);
    if (user && m_cache.contains(target.projectId, user->username, user->passwordHash, credentials->password))
        return {Outcome::Granted};
    return verify(target, clientAddress, credentials->username, credentials->password);
}

SiteAccess::Decision SiteAccess::verify(const Target &target, const QString &clientAddress, const QString &username,
                                        const QString &password)
{
    const QString account = throttleKey(target.projectId);
    if (Status allowed = m_throttle.check(clientAddress, account); !allowed)
        return {Outcome::Throttled, allowed.error().details.value(u"retryAfterSeconds"_qs).toInteger(1)};
    const SiteUser *user = findUser(target.protection, username);
    // Unknown names cost a hash too, so timing does not tell which exist.
    Result<bool> matches = false;
    if (user) {
        matches = m_hasher.verify(password, user->passwordHash);
    } else if (Status dummy = m_hasher.verifyDummy(password); !dummy) {
        matches = dummy.error();
    }
    if (!matches && matches.error().code == u"auth.busy"_qs)
        return {Outcome::Busy, 1};
    if (!matches || !*matches) {
        m_throttle.recordFailure(clientAddress, account);
        return {Outcome::Challenge};
    }
    // The throttle is not cleared: one known password must not reset the
    // budget for guessing the site's other users.
    m_cache.remember(target.projectId, user->username, user->passwordHash, password);
    return {Outcome::Granted};
}

} // namespace ddd::core::auth
