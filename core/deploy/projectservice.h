// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/identity.h"
#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/model/project.h"
#include "core/model/projectsettings.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <mutex>
#include <optional>

namespace ddd::core {
class Clock;
class Random;
} // namespace ddd::core

namespace ddd::core::storage {
class ProjectStore;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

class ActivityLog;

// The project use cases behind /api/v1/projects. Every call takes the caller:
// owners see their own projects, operators every project, and anyone else
// gets `project.not_found` exactly as for a missing id, so existence never
// leaks. API tokens additionally need the "read" capability for reads and
// "projects" for changes (`auth.forbidden` otherwise), and a token scoped to
// one project sees only that project. Thread-safe once hooks are registered.
class ProjectService final
{
public:
    using PasswordHasher = std::function<Result<QString>(const QString &password)>;
    using ProjectHook = std::function<void(qint64 projectId)>;

    // `random` must be safe to call from several threads (SystemRandom is).
    // `buildFlagsAllowlist` holds flag names; an empty list allows no flag.
    ProjectService(storage::ProjectStore &store, const Clock &clock, Random &random, PasswordHasher hashPassword,
                   QStringList buildFlagsAllowlist);

    // Domains equal to or under `suffix` (the staging base domain) are refused.
    void reserveDomainSuffix(const QString &suffix);
    // The package.json scripts settings.build.npmScript may name (builds.npm_scripts);
    // "build" and "export" until called. Call before the service is shared.
    void allowNpmScripts(QStringList scripts);
    // builds.git: when false, saving a Git URL in settings.build.git is
    // refused (build.git_disabled). Call before the service is shared.
    void allowGitBuilds(bool allowed);
    // Whether sites are served over HTTPS at the moment (the site HTTPS
    // listener is open); without it settings.https cannot be turned on
    // (project.https_unavailable). Called per request, from any thread.
    void setHttpsAvailable(std::function<bool()> available);
    bool httpsAvailable() const { return m_policy.httpsAvailable && m_policy.httpsAvailable(); }

    // Hooks run after a project's row was changed (its live site must show
    // the new domain or settings) or deleted (its files must go). Register
    // them at start-up, before requests are served.
    void addChangeHook(ProjectHook hook);
    void addRemovalHook(ProjectHook hook);
    // Hooks run after a project was created (it may come with a domain).
    void addCreationHook(ProjectHook hook);
    // Settings changes and share-link revocations are recorded in `log`
    // from now on (names of the changed fields only, never their values).
    void recordActivityIn(ActivityLog &log) { m_activity = &log; }

    // Refusals: `project.invalid_name`, `project.invalid_domain`,
    // `project.invalid_settings`, `project.invalid_build_flags`,
    // `project.domain_taken`, `auth.forbidden`.
    Result<model::Project> create(const model::Identity &caller, const QString &name,
                                  const std::optional<QString> &domain, const QJsonObject &settings = {});
    // The POST body {name, domain?, settings?}; other fields are refused with
    // `request.unknown_field`, wrong types with the field's invalid_* code.
    Result<model::Project> createFromJson(const model::Identity &caller, const QJsonObject &body);
    // Newest first.
    Result<QList<model::Project>> list(const model::Identity &caller);
    // One page of the same listing (GET /api/v1/projects).
    Result<model::Page<model::Project>> listPage(const model::Identity &caller, const model::PageRequest &request);
    Result<model::Project> get(const model::Identity &caller, qint64 id);
    // Visibility alone, without the "read" capability: for services that
    // check their own capability first (deploying needs "deploy").
    Result<model::Project> findVisible(const model::Identity &caller, qint64 id);
    // `patch` may hold name, domain (null clears it) and settings (merged
    // field by field over the current settings); anything else is refused
    // with `request.unknown_field`.
    Result<model::Project> update(const model::Identity &caller, qint64 id, const QJsonObject &patch);
    Status remove(const model::Identity &caller, qint64 id);
    // Invalidates every share link issued for the project so far (they carry
    // the old share-link generation). Needs the "projects" capability.
    Result<model::Project> revokeShareLinks(const model::Identity &caller, qint64 id);

private:
    Result<model::Project> visibleProject(const model::Identity &caller, qint64 id);
    Result<model::Project> applyPatch(model::Project project, const QJsonObject &patch) const;
    Result<model::Project> insertWithFreshSlug(model::Project project);
    Result<model::Project> modify(const model::Identity &caller, qint64 id,
                                  const std::function<Result<model::Project>(const model::Project &)> &change);
    Result<model::Project> store(model::Project project, qint64 readAt);
    void noteUpdate(const model::Identity &caller, qint64 id, const QJsonObject &patch,
                    const Result<model::Project> &outcome);

    storage::ProjectStore &m_store;
    const Clock &m_clock;
    Random &m_random;
    model::ProjectSettings::Policy m_policy;
    QString m_reservedDomainSuffix;
    QList<ProjectHook> m_changeHooks;
    QList<ProjectHook> m_removalHooks;
    QList<ProjectHook> m_creationHooks;
    ActivityLog *m_activity = nullptr;
    // Serialises this agent's read-merge-writes (modify), so two concurrent
    // PATCHes of different settings fields cannot undo each other; across
    // agents the row's updatedAt check does, with a retry.
    std::mutex m_updateMutex;
};

} // namespace ddd::core::deploy
