// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"
#include "core/ops/databaseprobe.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>

namespace ddd::core {
class Clock;
}
namespace ddd::core::ops {
class ClusterRoster;
}
namespace ddd::agent::metrics {
class MetricsRegistry;
}

namespace ddd::agent::api {

// Liveness for load balancers, status for operators, metrics for Prometheus.
class HealthController final
{
public:
    // `cluster`: with database.url, the agents sharing it (else null).
    HealthController(core::ops::DatabaseProbe database, metrics::MetricsRegistry &metrics,
                     const core::Clock &clock, QString dataDir, const QStringList &metricsAllow,
                     const core::ops::ClusterRoster *cluster = nullptr);

    // GET /api/v1/health (public): {"status":"ok","time":...}
    http::Response health(Call &call) const;
    // GET /api/v1/status (operator): version, uptime, database and disk
    // state, and the agents sharing the database.
    http::Response status(Call &call) const;
    // GET /metrics (public, client address on the allow-list): Prometheus text.
    http::Response metrics(Call &call) const;

private:
    qint64 uptimeSeconds() const;
    QJsonObject cluster() const;

    core::ops::DatabaseProbe m_database;
    metrics::MetricsRegistry &m_metrics;
    const core::Clock &m_clock;
    QString m_dataDir;
    QList<QHostAddress> m_metricsAllow;
    const core::ops::ClusterRoster *m_cluster;
    qint64 m_startedAtMs;
};

} // namespace ddd::agent::api
