// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/activitylog.h"

#include "core/deploy/projectservice.h"
#include "core/storage/activitystore.h"
#include "core/util/clock.h"

#include <QLoggingCategory>

namespace ddd::core::deploy {

namespace {
Q_LOGGING_CATEGORY(lcActivity, "ddd.core.activity")
QJsonObject versionDetail(const model::Version &version)
{
    return QJsonObject{{u"files"_qs, version.fileCount},
                       {u"bytes"_qs, version.totalBytes},
                       {u"source"_qs, model::versionSourceName(version.source)}};
}

} // namespace

QList<ActivityLog::Event> ActivityLog::deployEvents(const Result<model::Version> &created,
                                                    const Result<model::Version> &done, bool activate)
{
    if (!created)
        return {Event{u"deploy.refused"_qs, std::nullopt, {}, created.error()}};
    QList<Event> events{Event{u"deploy.created"_qs, created->number, versionDetail(*created)}};
    if (activate)
        events.append(versionEvent(u"version.activated"_qs, done, created->number));
    return events;
}

ActivityLog::Event ActivityLog::versionEvent(const QString &kind, const Result<model::Version> &outcome,
                                             std::optional<qint64> number)
{
    if (!outcome)
        return Event{kind, number, {}, outcome.error()};
    return Event{kind, outcome->number, {}};
}

ActivityLog::ActivityLog(storage::ConnectionProvider &connections, ProjectService &projects, const Clock &clock,
                         int retain)
    : m_store(std::make_unique<storage::ActivityStore>(connections)), m_projects(projects), m_clock(clock),
      m_retain(retain)
{
}

ActivityLog::~ActivityLog() = default;

void ActivityLog::addObserver(std::function<void(const model::ActivityEntry &)> observer)
{
    m_observers.append(std::move(observer));
}

void ActivityLog::record(const model::Identity &actor, qint64 projectId, const Event &event)
{
    model::ActivityEntry entry;
    entry.projectId = projectId;
    entry.actorId = actor.userId;
    entry.actor = actor.email;
    entry.via = actor.viaApiToken ? u"token"_qs : u"session"_qs;
    store(std::move(entry), event);
}

void ActivityLog::recordBuild(qint64 projectId, std::optional<qint64> authorId, const Event &event)
{
    model::ActivityEntry entry;
    entry.projectId = projectId;
    entry.actorId = authorId;
    entry.via = u"build"_qs;
    store(std::move(entry), event);
}

void ActivityLog::recordUser(qint64 projectId, qint64 userId, const Event &event)
{
    model::ActivityEntry entry;
    entry.projectId = projectId;
    entry.actorId = userId;
    entry.via = u"session"_qs;
    store(std::move(entry), event);
}

void ActivityLog::store(model::ActivityEntry entry, const Event &event)
{
    entry.at = m_clock.nowMs();
    entry.kind = event.kind;
    entry.versionNumber = event.versionNumber;
    entry.detail = event.detail;
    if (event.refusal) {
        entry.refused = true;
        entry.code = event.refusal->code;
        // The refused file or field, so the reader learns which.
        if (!event.refusal->details.isEmpty())
            entry.detail.insert(u"refusal"_qs, event.refusal->details);
    }
    if (Result<qint64> id = m_store->append(entry, m_retain); !id)
        qCWarning(lcActivity).noquote() << "cannot record" << entry.kind << "of project" << entry.projectId
                                        << id.error().message;
    else
        entry.id = *id;
    if (!entry.refused)
        for (const auto &observer : m_observers)
            observer(entry);
}

Result<model::Page<model::ActivityEntry>> ActivityLog::page(const model::Identity &caller, qint64 projectId,
                                                            const model::ActivityFilter &filter,
                                                            const model::PageRequest &request)
{
    // get() checks the "read" capability and visibility.
    if (Result<model::Project> project = m_projects.get(caller, projectId); !project)
        return project.error();
    if (!filter.kind.isEmpty() && !model::ActivityEntry::kinds().contains(filter.kind))
        return Error::make(u"request.invalid_field"_qs, u"kind must be one of: "_qs + model::ActivityEntry::kinds().join(u", "_qs),
                           QJsonObject{{u"field"_qs, u"kind"_qs}});
    return m_store->page(projectId, filter, request);
}

} // namespace ddd::core::deploy
