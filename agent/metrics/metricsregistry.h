// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <array>
#include <mutex>

namespace ddd::agent::metrics {

// Request counts and latency by route and status, rendered in Prometheus
// text format. Every request the HTTP servers finish is recorded, including
// those refused by auth, limits or the transport itself.
class MetricsRegistry final
{
public:
    static constexpr std::array<double, 11> kLatencyBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                               0.5,   1,    2.5,   5,    10};

    void recordRequest(const QString &listener, const QString &route, const QByteArray &method, int status,
                       double seconds);
    // Prometheus exposition format 0.0.4.
    QByteArray render(qint64 uptimeSeconds) const;

private:
    struct Histogram
    {
        std::array<quint64, kLatencyBuckets.size()> buckets{};
        quint64 count = 0;
        double sum = 0;
    };

    mutable std::mutex m_mutex;
    QMap<QString, quint64> m_requests;      // label set -> count
    QMap<QString, Histogram> m_latency;      // label set -> histogram
};

} // namespace ddd::agent::metrics
