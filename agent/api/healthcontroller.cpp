// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/healthcontroller.h"

#include "agent/http/errorresponse.h"
#include "agent/metrics/metricsregistry.h"
#include "core/ops/clusterroster.h"
#include "core/util/clock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStorageInfo>

namespace ddd::agent::api {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

HealthController::HealthController(core::ops::DatabaseProbe database, metrics::MetricsRegistry &metrics,
                                   const core::Clock &clock, QString dataDir, const QStringList &metricsAllow,
                                   const core::ops::ClusterRoster *cluster)
    : m_database(database), m_metrics(metrics), m_clock(clock), m_dataDir(std::move(dataDir)), m_cluster(cluster),
      m_startedAtMs(clock.nowMs())
{
    for (const QString &address : metricsAllow)
        m_metricsAllow << QHostAddress(address);
}

http::Response HealthController::health(Call &) const
{
    return http::Response::json(200, QJsonObject{{u"status"_qs, u"ok"_qs}, {u"time"_qs, isoTime(m_clock.nowMs())}});
}

http::Response HealthController::status(Call &) const
{
    const QStorageInfo storage(m_dataDir);
    const bool dbOk = m_database.answers();
    QJsonObject answer{
        {u"service"_qs, u"ddd-agent"_qs},
        {u"version"_qs, QStringLiteral(DDD_VERSION)},
        {u"startedAt"_qs, isoTime(m_startedAtMs)},
        {u"uptimeSeconds"_qs, uptimeSeconds()},
        {u"database"_qs, QJsonObject{{u"ok"_qs, dbOk}}},
        {u"disk"_qs, QJsonObject{{u"freeBytes"_qs, storage.bytesAvailable()}, {u"totalBytes"_qs, storage.bytesTotal()}}},
    };
    if (m_cluster)
        answer.insert(u"cluster"_qs, cluster());
    return http::Response::json(200, answer);
}

QJsonObject HealthController::cluster() const
{
    core::Result<QList<core::ops::ClusterRoster::Member>> members = m_cluster->members();
    if (!members)
        return QJsonObject{{u"ok"_qs, false}, {u"error"_qs, members.error().code}};
    QJsonArray list;
    for (const core::ops::ClusterRoster::Member &agent : *members)
        list.append(QJsonObject{
            {u"id"_qs, agent.id},
            {u"name"_qs, agent.name},
            {u"roles"_qs, QJsonArray::fromStringList(agent.roles)},
            {u"version"_qs, agent.version},
            {u"startedAt"_qs, isoTime(agent.startedAtMs)},
            {u"heartbeatAt"_qs, isoTime(agent.heartbeatAtMs)},
            {u"alive"_qs, agent.alive},
            {u"lagMs"_qs, agent.lagMs},
        });
    return QJsonObject{{u"ok"_qs, true}, {u"agents"_qs, list}};
}

http::Response HealthController::metrics(Call &call) const
{
    QHostAddress client(call.request.clientAddress);
    bool ok = false;
    if (const quint32 v4 = client.toIPv4Address(&ok); ok)
        client = QHostAddress(v4); // ::ffff:127.0.0.1 counts as 127.0.0.1
    if (!m_metricsAllow.contains(client))
        return http::errorResponse(core::Error::make(u"metrics.forbidden"_qs,
                                                     u"this address may not read metrics"_qs));
    return http::Response::text(200, m_metrics.render(uptimeSeconds()), "text/plain; version=0.0.4; charset=utf-8");
}

qint64 HealthController::uptimeSeconds() const
{
    return (m_clock.nowMs() - m_startedAtMs) / 1000;
}

} // namespace ddd::agent::api
