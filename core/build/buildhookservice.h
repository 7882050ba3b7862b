// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/buildservice.h"
#include "core/build/hookthrottle.h"
#include "core/model/buildhook.h"
#include "core/model/identity.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <memory>

namespace ddd::core::storage {
class BuildHookStore;
class ConnectionProvider;
} // namespace ddd::core::storage

namespace ddd::core::build {

// Build hooks: secret URLs that rebuild a project's newest source without a
// token (CI, a CMS). The secret is shown once; only its SHA-256 is kept.
// Calls are throttled per hook and per client address (`hook.throttled`
// with details.retryAfterSeconds). Managing hooks needs capability "build".
class BuildHookService final
{
public:
    struct Created final
    {
        model::BuildHook hook;
        QString token; // the secret, for the URL shown once
    };

    BuildHookService(storage::ConnectionProvider &connections, deploy::ProjectService &projects,
                     BuildService &builds, const Clock &clock);
    ~BuildHookService();

    Result<Created> create(const model::Identity &caller, qint64 projectId, const QString &name);
    Result<QList<model::BuildHook>> list(const model::Identity &caller, qint64 projectId);
    Status revoke(const model::Identity &caller, qint64 hookId);
    // The public call: `hook.not_found` for unknown or revoked tokens.
    Result<BuildService::Started> trigger(const QString &token, const QString &clientAddress);

private:
    Result<model::Project> project(const model::Identity &caller, qint64 projectId);

    deploy::ProjectService &m_projects;
    BuildService &m_builds;
    const Clock &m_clock;
    std::unique_ptr<storage::BuildHookStore> m_hooks;
    HookThrottle m_perHook;
    HookThrottle m_perAddress;
};

} // namespace ddd::core::build
