// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/metrics/metricsregistry.h"

namespace ddd::agent::metrics {

namespace {

// Label values are route patterns and methods we chose ourselves, but escape
// anyway so a method token a client invented cannot break the format.
QString escapeLabel(QString value)
{
    value.replace(u'\\', u"\\\\"_qs).replace(u'"', u"\\\""_qs).replace(u'\n', u"\\n"_qs);
    return value;
}

} // namespace

void MetricsRegistry::recordRequest(const QString &listener, const QString &route, const QByteArray &method,
                                    int status, double seconds)
{
    const QString base = u"listener=\"%1\",route=\"%2\""_qs.arg(escapeLabel(listener), escapeLabel(route));
    const QString counterKey = base + u",method=\"%1\",status=\"%2\""_qs.arg(escapeLabel(QString::fromLatin1(method)))
                                          .arg(status);
    const QString histogramKey = base + u",status=\"%1\""_qs.arg(status);
    std::lock_guard lock(m_mutex);
    ++m_requests[counterKey];
    Histogram &h = m_latency[histogramKey];
    for (size_t i = 0; i < kLatencyBuckets.size(); ++i)
        if (seconds <= kLatencyBuckets[i])
            ++h.buckets[i];
    ++h.count;
    h.sum += seconds;
}

QByteArray MetricsRegistry::render(qint64 uptimeSeconds) const
{
    QString out;
    out += u"# HELP ddd_http_requests_total HTTP requests finished, by listener, route, method and status.\n"
           "# TYPE ddd_http_requests_total counter\n"_qs;
    std::lock_guard lock(m_mutex);
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        out += u"ddd_http_requests_total{%1} %2\n"_qs.arg(it.key()).arg(it.value());
    out += u"# HELP ddd_http_request_duration_seconds Time from request header to response, by route and status.\n"
           "# TYPE ddd_http_request_duration_seconds histogram\n"_qs;
    for (auto it = m_latency.cbegin(); it != m_latency.cend(); ++it) {
        const Histogram &h = it.value();
        for (size_t i = 0; i < kLatencyBuckets.size(); ++i)
            out += u"ddd_http_request_duration_seconds_bucket{%1,le=\"%2\"} %3\n"_qs.arg(it.key())
                       .arg(kLatencyBuckets[i]).arg(h.buckets[i]);
        out += u"ddd_http_request_duration_seconds_bucket{%1,le=\"+Inf\"} %2\n"_qs.arg(it.key()).arg(h.count);
        out += u"ddd_http_request_duration_seconds_sum{%1} %2\n"_qs.arg(it.key()).arg(h.sum, 0, 'f', 6);
        out += u"ddd_http_request_duration_seconds_count{%1} %2\n"_qs.arg(it.key()).arg(h.count);
    }
    out += u"# HELP ddd_uptime_seconds Seconds since the agent started.\n# TYPE ddd_uptime_seconds gauge\n"_qs;
    out += u"ddd_uptime_seconds %1\n"_qs.arg(uptimeSeconds);
    return out.toUtf8();
}

} // namespace ddd::agent::metrics
