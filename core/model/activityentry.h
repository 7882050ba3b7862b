// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::model {

// One line of a project's activity log (docs/api.md "Activity"). Times are
// Unix milliseconds (UTC).
struct ActivityEntry final
{
    qint64 id = 0;
    qint64 projectId = 0;
    qint64 at = 0;
    QString kind;                        // one of ActivityEntry::kinds()
    std::optional<qint64> actorId;       // empty for builds started by a hook, or a deleted account
    QString actor;                       // the actor's e-mail then, or "build hook"
    QString via;                         // "session", "token" or "build"
    std::optional<qint64> versionNumber; // the version as users know it (v4), when one is concerned
    bool refused = false;
    QString code;                        // the refusal's stable code
    QJsonObject detail;                  // kind-specific: changed fields, token name, file count...

    // The stable kinds, also the values of the API's `kind` filter.
    static const QStringList &kinds()
    {
        static const QStringList all = {
            u"deploy.created"_qs,    u"deploy.refused"_qs, u"version.activated"_qs, u"version.rolled_back"_qs,
            u"version.pinned"_qs,    u"version.unpinned"_qs, u"version.deleted"_qs, u"project.updated"_qs,
            u"token.created"_qs,     u"token.revoked"_qs,    u"token.used"_qs,
        };
        return all;
    }
};

} // namespace ddd::core::model
