// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/requestreporting.h"

#include "agent/agentconfig.h"
#include "agent/combinedlogfile.h"
#include "agent/logsink.h"
#include "agent/metrics/metricsregistry.h"
#include "core/util/clock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAccess, "ddd.agent.access")

namespace ddd::agent {

RequestReporting::RequestReporting(const AgentConfig &config, metrics::MetricsRegistry &metrics,
                                   const core::Clock &clock)
    : m_config(config), m_metrics(metrics), m_clock(clock)
{
}

RequestReporting::~RequestReporting() = default;

core::Status RequestReporting::start(AccessLog::Writer jsonWriter)
{
    if (m_json)
        return {};
    if (!m_config.siteCombinedLogFile.isEmpty()) {
        m_combinedFile = std::make_unique<CombinedLogFile>(m_config.siteCombinedLogFile);
        if (core::Status s = m_combinedFile->open(); !s)
            return s;
        auto format = [this](const QString &, const http::RequestRecord &record, qint64 nowMs) {
            return CombinedLogFile::line(record, m_sitePort.load(), nowMs);
        };
        m_combined = std::make_unique<AccessLog>(
            [file = m_combinedFile.get()](const QByteArray &lines) { file->write(lines); }, AccessLog::Options{},
            format);
    }
    m_json = std::make_unique<AccessLog>(jsonWriter ? std::move(jsonWriter) : &LogSink::writeLines);
    return {};
}

http::RequestObserver RequestReporting::observerFor(const QString &listener)
{
    const bool site = listener == u"site"_qs;
    // The site listener's JSON lines can be turned off (the nginx benchmark
    // runs without them); log_level warning or error turns off both.
    AccessLog *json = (!site || m_config.logSiteAccess) && lcAccess().isInfoEnabled() ? m_json.get() : nullptr;
    return [this, listener, site, json](const http::RequestRecord &record) { observe(listener, site, json, record); };
}

// On an I/O thread, once per request: counters, a hash lookup for 404s,
// and lines appended to buffers; no system call.
void RequestReporting::observe(const QString &listener, bool site, AccessLog *json, const http::RequestRecord &r)
{
    m_metrics.recordRequest(listener, r.routeLabel, r.method, r.status, r.seconds);
    if (site) {
        m_metrics.recordSiteRequest(r.host, r.status, r.bytesSent, r.seconds);
        if (r.status == 404)
            m_missingPaths.record(r.projectId, r.path, m_clock.nowMs());
        if (m_combined)
            m_combined->record(listener, r);
    }
    if (json)
        json->record(listener, r);
}

void RequestReporting::flush()
{
    if (m_json)
        m_json->flush();
    if (m_combined)
        m_combined->flush();
}

} // namespace ddd::agent
