// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/projectsettings.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ddd::core::auth {

class LoginThrottle;
class PasswordHasher;
class ShareLinks;
class SiteCredentialCache;

// Decides whether a visitor may see a protected site (security guide 6.6):
// which hosts ask for the password, share links, and HTTP Basic checked
// against the site users' argon2id hashes, with verified credentials
// remembered briefly and failures throttled per client address and per site.
// The site listener adapts it to HTTP; nothing here knows about sockets.
class SiteAccess final
{
public:
    using SitePassword = model::ProjectSettings::SitePassword;

    struct Options final
    {
        // The operator's `force_site_protection`: every host of every project
        // asks for a password, whatever the project's own setting says.
        bool forceProtection = false;
    };

    // The project and host a request is for.
    struct Target final
    {
        qint64 projectId = 0;
        const SitePassword &protection;
        bool productionHost = false; // the project's own domain, not staging or preview
    };

    enum class Outcome { Granted, Challenge, Throttled, Busy };
    struct Decision final
    {
        Outcome outcome = Outcome::Challenge;
        qint64 retryAfterSeconds = 0; // Throttled and Busy
    };

    SiteAccess(const PasswordHasher &hasher, LoginThrottle &throttle, SiteCredentialCache &cache,
               const ShareLinks &shareLinks, Options options);

    bool isProtected(const Target &target) const;
    // The seconds the link has left, or site.share_link_invalid / site.share_link_expired.
    Result<qint64> checkShareLink(const Target &target, const QByteArray &token) const;
    // Whether checkPassword() would run argon2 for this field: credentials
    // are present and not remembered. Cheap; lets callers keep hashing off
    // threads that must never block.
    bool needsHashing(const Target &target, const QByteArray &authorization) const;
    // Whether checkPassword() would grant this field from memory, without
    // hashing (a credential that passed argon2id recently).
    bool remembers(const Target &target, const QByteArray &authorization) const;
    // `authorization` is the raw Authorization field, empty when absent.
    Decision checkPassword(const Target &target, const QString &clientAddress, const QByteArray &authorization);

private:
    std::optional<bool> rememberedFor(const Target &target, const QByteArray &authorization) const;
    Decision verify(const Target &target, const QString &clientAddress, const QString &username,
                    const QString &password);

    const PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
    SiteCredentialCache &m_cache;
    const ShareLinks &m_shareLinks;
    const Options m_options;
};

} // namespace ddd::core::auth
