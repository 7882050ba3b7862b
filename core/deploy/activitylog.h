// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/activityentry.h"
#include "core/model/activityfilter.h"
#include "core/model/identity.h"
#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/model/version.h"
#include "core/util/error.h"
#include "core/util/result.h"

#include <functional>
#include <memory>
#include <optional>

namespace ddd::core {
class Clock;
}

namespace ddd::core::storage {
class ActivityStore;
class ConnectionProvider;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

class ProjectService;

// A project's audit log: the services record each event here (deploys made
// and refused, activations, rollbacks, deletions, pins, settings changes,
// the project's API tokens), the API reads it back page by page. Only the
// newest `retain` entries of each project are kept (activity.retain_entries).
// Recording never fails the action it describes: a write error is logged.
// Thread-safe.
class ActivityLog final
{
public:
    // What happened, to which version, and the refusal when it was refused.
    struct Event final
    {
        QString kind;
        std::optional<qint64> versionNumber;
        QJsonObject detail = {};
        std::optional<Error> refusal = {};
    };

    // The events of one deploy: created or refused, then activated (or its
    // activation refused) when asked; `done` is the outcome after activation.
    static QList<Event> deployEvents(const Result<model::Version> &created, const Result<model::Version> &done,
                                     bool activate);
    // `kind` happened to a version (or was refused: `number` names it then).
    static Event versionEvent(const QString &kind, const Result<model::Version> &outcome,
                              std::optional<qint64> number);

    ActivityLog(storage::ConnectionProvider &connections, ProjectService &projects, const Clock &clock, int retain);
    ~ActivityLog();
    ActivityLog(const ActivityLog &) = delete;
    ActivityLog &operator=(const ActivityLog &) = delete;

    // Called with every entry that is not a refusal, after it is stored
    // (outgoing webhooks). Add observers at start-up, before events happen.
    void addObserver(std::function<void(const model::ActivityEntry &)> observer);

    void record(const model::Identity &actor, qint64 projectId, const Event &event);
    // For versions a build made: the actor is the build's author, if any.
    void recordBuild(qint64 projectId, std::optional<qint64> authorId, const Event &event);
    // By a signed-in user known by id only (API token management).
    void recordUser(qint64 projectId, qint64 userId, const Event &event);

    // Newest first. Needs the "read" capability and a visible project
    // (`project.not_found`); `request.invalid_field` for an unknown kind.
    Result<model::Page<model::ActivityEntry>> page(const model::Identity &caller, qint64 projectId,
                                                   const model::ActivityFilter &filter,
                                                   const model::PageRequest &request);
    int retain() const { return m_retain; }

private:
    void store(model::ActivityEntry entry, const Event &event);

    std::unique_ptr<storage::ActivityStore> m_store;
    ProjectService &m_projects;
    const Clock &m_clock;
    const int m_retain;
    QList<std::function<void(const model::ActivityEntry &)>> m_observers;
};

} // namespace ddd::core::deploy
