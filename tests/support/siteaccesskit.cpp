// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/siteaccesskit.h"

namespace ddd::test {

SiteAccessKit::SiteAccessKit(core::auth::SiteAccess::Options options, core::auth::LoginThrottle::Limits limits)
    : throttle(clock, limits),
      cache(clock, QByteArray(32, 'c')),
      shareLinks(QByteArray(32, 's'), clock),
      access(hasher, throttle, cache, shareLinks, options)
{
}

core::model::ProjectSettings::SitePassword SiteAccessKit::protection(const QList<std::pair<QString, QString>> &users,
                                                                     bool enabled) const
{
    core::model::ProjectSettings::SitePassword protection;
    protection.enabled = enabled;
    for (const auto &[name, password] : users)
        protection.users.append({name, hasher.hash(password).value()});
    return protection;
}

} // namespace ddd::test
