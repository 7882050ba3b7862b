// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/metrics/metricsregistry.h"

#include <algorithm>
#include <atomic>

namespace ddd::agent::metrics {

namespace {

// Label values are route patterns, methods and host names we accepted, but
// escape anyway so a method token a client invented cannot break the format.
QString escapeLabel(QString value)
{
    value.replace(u'\\', u"\\\\"_qs).replace(u'"', u"\\\""_qs).replace(u'\n', u"\\n"_qs);
    return value;
}

template<std::size_t N>
void renderHistogram(QString &out, const QString &name, const QString &labels, const std::array<double, N> &bounds,
                     const std::array<quint64, N> &buckets, quint64 count, double sum)
{
    // Concatenated, not QString::arg'ed: a label value may hold "%1".
    const QString prefix = name + u"_bucket{"_qs + labels + u",le=\""_qs;
    for (size_t i = 0; i < N; ++i)
        out += prefix + QString::number(bounds[i]) + u"\"} "_qs + QString::number(buckets[i]) + u'\n';
    out += prefix + u"+Inf\"} "_qs + QString::number(count) + u'\n';
    out += name + u"_sum{"_qs + labels + u"} "_qs + QString::number(sum, 'f', 6) + u'\n';
    out += name + u"_count{"_qs + labels + u"} "_qs + QString::number(count) + u'\n';
}

// Registries tell their shards apart by this, not by address: a registry
// made where a destroyed one stood must not find that one's shards.
std::atomic<quint64> nextRegistryId{1};

} // namespace

template<std::size_t N>
void MetricsRegistry::Histogram<N>::add(const std::array<double, N> &bounds, double seconds)
{
    for (size_t i = 0; i < N; ++i)
        if (seconds <= bounds[i])
            ++buckets[i];
    ++count;
    sum += seconds;
}

template<std::size_t N>
void MetricsRegistry::Histogram<N>::merge(const Histogram &other)
{
    for (size_t i = 0; i < N; ++i)
        buckets[i] += other.buckets[i];
    count += other.count;
    sum += other.sum;
}

MetricsRegistry::MetricsRegistry() : m_id(nextRegistryId.fetch_add(1, std::memory_order_relaxed))
{
}

MetricsRegistry::~MetricsRegistry() = default;

MetricsRegistry::Shard &MetricsRegistry::localShard()
{
    thread_local quint64 cachedRegistry = 0;
    thread_local Shard *cachedShard = nullptr;
    if (cachedRegistry == m_id)
        return *cachedShard;
    std::lock_guard lock(m_shardsMutex);
    const std::thread::id self = std::this_thread::get_id();
    auto found = std::find_if(m_shards.begin(), m_shards.end(),
                              [&](const auto &shard) { return shard->thread == self; });
    if (found == m_shards.end()) {
        m_shards.push_back(std::make_unique<Shard>());
        m_shards.back()->thread = self;
        found = std::prev(m_shards.end());
    }
    cachedRegistry = m_id;
    cachedShard = found->get();
    return *cachedShard;
}

void MetricsRegistry::recordRequest(const QString &listener, const QString &route, const QByteArray &method,
                                    int status, double seconds)
{
    Shard &shard = localShard();
    std::lock_guard lock(shard.mutex);
    ++shard.requests[RequestKey{listener, route, method, status}];
    shard.latency[LatencyKey{listener, route, status}].add(kLatencyBuckets, seconds);
}

void MetricsRegistry::recordSiteRequest(const QString &host, int status, qint64 bytesSent, double seconds)
{
    const std::size_t statusClass = std::size_t(std::clamp(status / 100, 1, 5) - 1);
    Shard &shard = localShard();
    std::lock_guard lock(shard.mutex);
    SiteHost &site = shard.sites[host.isEmpty() ? kUnknownHost : host];
    ++site.byClass[statusClass];
    site.bytesSent += quint64(std::max<qint64>(0, bytesSent));
    site.latency.add(kSiteLatencyBuckets, seconds);
}

void MetricsRegistry::Shard::mergeInto(Shard &total) const
{
    std::lock_guard lock(mutex);
    for (auto it = requests.cbegin(); it != requests.cend(); ++it)
        total.requests[it.key()] += it.value();
    for (auto it = latency.cbegin(); it != latency.cend(); ++it)
        total.latency[it.key()].merge(it.value());
    for (auto it = sites.cbegin(); it != sites.cend(); ++it) {
        SiteHost &site = total.sites[it.key()];
        for (std::size_t c = 0; c < site.byClass.size(); ++c)
            site.byClass[c] += it->byClass[c];
        site.bytesSent += it->bytesSent;
        site.latency.merge(it->latency);
    }
}

QByteArray MetricsRegistry::render(qint64 uptimeSeconds) const
{
    Shard total;
    {
        std::lock_guard lock(m_shardsMutex);
        for (const auto &shard : m_shards)
            shard->mergeInto(total);
    }
    QString out;
    renderRequests(total, out);
    renderSites(total, out);
    out += u"# HELP ddd_uptime_seconds Seconds since the agent started.\n# TYPE ddd_uptime_seconds gauge\n"_qs;
    out += u"ddd_uptime_seconds %1\n"_qs.arg(uptimeSeconds);
    return out.toUtf8();
}

void MetricsRegistry::renderRequests(const Shard &total, QString &out)
{
    out += u"# HELP ddd_http_requests_total HTTP requests finished, by listener, route, method and status.\n"
           "# TYPE ddd_http_requests_total counter\n"_qs;
    for (auto it = total.requests.cbegin(); it != total.requests.cend(); ++it) {
        const auto &[listener, route, method, status] = it.key();
        out += u"ddd_http_requests_total{listener=\""_qs + escapeLabel(listener) + u"\",route=\""_qs
            + escapeLabel(route) + u"\",method=\""_qs + escapeLabel(QString::fromLatin1(method)) + u"\",status=\""_qs
            + QString::number(status) + u"\"} "_qs + QString::number(it.value()) + u'\n';
    }
    out += u"# HELP ddd_http_request_duration_seconds Time from request header to response, by route and status.\n"
           "# TYPE ddd_http_request_duration_seconds histogram\n"_qs;
    for (auto it = total.latency.cbegin(); it != total.latency.cend(); ++it) {
        const auto &[listener, route, status] = it.key();
        const QString labels = u"listener=\""_qs + escapeLabel(listener) + u"\",route=\""_qs + escapeLabel(route)
            + u"\",status=\""_qs + QString::number(status) + u'"';
        const auto &h = it.value();
        renderHistogram(out, u"ddd_http_request_duration_seconds"_qs, labels, kLatencyBuckets, h.buckets, h.count,
                        h.sum);
    }
}

void MetricsRegistry::renderSites(const Shard &total, QString &out)
{
    out += u"# HELP ddd_site_requests_total Site listener requests by host and status class.\n"
           "# TYPE ddd_site_requests_total counter\n"_qs;
    for (auto it = total.sites.cbegin(); it != total.sites.cend(); ++it)
        for (std::size_t c = 0; c < it->byClass.size(); ++c)
            if (it->byClass[c] > 0)
                out += u"ddd_site_requests_total{host=\""_qs + escapeLabel(it.key()) + u"\",class=\""_qs
                    + QString::number(c + 1) + u"xx\"} "_qs + QString::number(it->byClass[c]) + u'\n';
    out += u"# HELP ddd_site_sent_bytes_total Bytes of site answers delivered (head and body), by host.\n"
           "# TYPE ddd_site_sent_bytes_total counter\n"_qs;
    for (auto it = total.sites.cbegin(); it != total.sites.cend(); ++it)
        out += u"ddd_site_sent_bytes_total{host=\""_qs + escapeLabel(it.key()) + u"\"} "_qs
            + QString::number(it->bytesSent) + u'\n';
    out += u"# HELP ddd_site_request_duration_seconds Time from request header to answer sent, by host.\n"
           "# TYPE ddd_site_request_duration_seconds histogram\n"_qs;
    for (auto it = total.sites.cbegin(); it != total.sites.cend(); ++it) {
        const auto &h = it->latency;
        renderHistogram(out, u"ddd_site_request_duration_seconds"_qs, u"host=\""_qs + escapeLabel(it.key()) + u'"',
                        kSiteLatencyBuckets, h.buckets, h.count, h.sum);
    }
}

} // namespace ddd::agent::metrics
