// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QString>

#include <array>
#include <memory>
#include <mutex>
#include <thread>
#include <tuple>
#include <vector>

namespace ddd::agent::metrics {

// Request counts and latency by route and status, and per site host,
// rendered in Prometheus text format. Every request the HTTP servers finish
// is recorded, including those refused by auth, limits or the transport
// itself. Recording only counts (the labels are formatted when /metrics is
// read), since it runs for every request on an I/O thread; and each thread
// counts into its own shard, merged when /metrics is read, so the I/O
// threads never take one lock or write one cache line between them.
class MetricsRegistry final
{
public:
    MetricsRegistry();
    ~MetricsRegistry();

    static constexpr std::array<double, 11> kLatencyBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                               0.5,   1,    2.5,   5,    10};
    // Static files are answered in well under a millisecond: finer buckets.
    static constexpr std::array<double, 11> kSiteLatencyBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                                   0.05,   0.1,   0.25,   1,     5};
    // The label of site requests whose host serves no site (and of those the
    // transport refused before a host was known): one bucket, so a client
    // inventing host names cannot grow the label set.
    static inline const QString kUnknownHost = QStringLiteral("unknown");

    void recordRequest(const QString &listener, const QString &route, const QByteArray &method, int status,
                       double seconds);
    // A site listener request. `host` is a host that serves a site, or empty.
    void recordSiteRequest(const QString &host, int status, qint64 bytesSent, double seconds);
    // Prometheus exposition format 0.0.4.
    QByteArray render(qint64 uptimeSeconds) const;

private:
    template<std::size_t N>
    struct Histogram
    {
        std::array<quint64, N> buckets{};
        quint64 count = 0;
        double sum = 0;
        void add(const std::array<double, N> &bounds, double seconds);
        void merge(const Histogram &other);
    };
    struct SiteHost
    {
        std::array<quint64, 5> byClass{}; // 1xx..5xx
        quint64 bytesSent = 0;
        Histogram<kSiteLatencyBuckets.size()> latency;
    };
    // listener, route, method, status / listener, route, status
    using RequestKey = std::tuple<QString, QString, QByteArray, int>;
    using LatencyKey = std::tuple<QString, QString, int>;

    // One recording thread's counts; its mutex is only ever contended by render().
    struct Shard
    {
        std::thread::id thread;
        mutable std::mutex mutex;
        QMap<RequestKey, quint64> requests;
        QMap<LatencyKey, Histogram<kLatencyBuckets.size()>> latency;
        QMap<QString, SiteHost> sites; // sorted: stable output
        void mergeInto(Shard &total) const;
    };

    // The calling thread's shard, made on its first record.
    Shard &localShard();
    static void renderRequests(const Shard &total, QString &out);
    static void renderSites(const Shard &total, QString &out);

    const quint64 m_id; // never reused, unlike an address: tells threads' cached shards apart
    mutable std::mutex m_shardsMutex;
    std::vector<std::unique_ptr<Shard>> m_shards;
};

} // namespace ddd::agent::metrics
