// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/auth/hashingslots.h"
#include "core/auth/loginthrottle.h"
#include "core/auth/passwordhasher.h"
#include "core/auth/sharelinks.h"
#include "core/auth/siteaccess.h"
#include "core/auth/sitecredentialcache.h"
#include "core/model/projectsettings.h"
#include "tests/support/fakeclock.h"

namespace ddd::test {

// Everything a SiteAccess needs, on a fake clock and with a cheap argon2id
// (tests hash often), wired as the agent wires it.
struct SiteAccessKit final
{
    static constexpr core::auth::PasswordHasher::Parameters kCheapHashing{256, 1, 1};

    explicit SiteAccessKit(core::auth::SiteAccess::Options options = {},
                           core::auth::LoginThrottle::Limits limits = {});

    // Site settings with `users` (name -> password) hashed by this kit's hasher.
    core::model::ProjectSettings::SitePassword protection(const QList<std::pair<QString, QString>> &users,
                                                          bool enabled = true) const;

    FakeClock clock;
    core::auth::HashingSlots hashingSlots{4};
    core::auth::PasswordHasher hasher{hashingSlots, kCheapHashing};
    core::auth::LoginThrottle throttle;
    core::auth::SiteCredentialCache cache;
    core::auth::ShareLinks shareLinks;
    core::auth::SiteAccess access;
};

} // namespace ddd::test
