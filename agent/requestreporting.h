// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/accesslog.h"
#include "agent/http/requesthandler.h"
#include "agent/site/missingpaths.h"
#include "core/util/result.h"

#include <atomic>
#include <memory>

namespace ddd::core {
class Clock;
}

namespace ddd::agent {

struct AgentConfig;
class CombinedLogFile;

namespace metrics {
class MetricsRegistry;
}

// Everything that learns from a finished request, behind one observer per
// listener: the metrics, the site's missing paths, the JSON access log
// (stderr) and the optional Combined Log Format file. Declared before the
// servers that call it, so it outlives them.
class RequestReporting final
{
public:
    RequestReporting(const AgentConfig &config, metrics::MetricsRegistry &metrics, const core::Clock &clock);
    ~RequestReporting();

    // Starts the log writers; `jsonWriter` replaces stderr (tests). Opens
    // log.site_combined_file, or fails with log.unwritable. Once only.
    core::Status start(AccessLog::Writer jsonWriter);
    // The site listener's port, for the Combined Log Format's "host:port".
    void setSitePort(quint16 port) { m_sitePort = port; }
    // For Server: `listener` is "api" or "site".
    http::RequestObserver observerFor(const QString &listener);
    // Writes what the logs hold now (on stop).
    void flush();

    const site::MissingPaths &missingPaths() const { return m_missingPaths; }

private:
    void observe(const QString &listener, bool site, AccessLog *json, const http::RequestRecord &record);

    const AgentConfig &m_config;
    metrics::MetricsRegistry &m_metrics;
    const core::Clock &m_clock;
    site::MissingPaths m_missingPaths;
    std::unique_ptr<AccessLog> m_json;
    std::unique_ptr<CombinedLogFile> m_combinedFile;
    std::unique_ptr<AccessLog> m_combined; // writes into m_combinedFile: declared after it
    std::atomic<quint16> m_sitePort{0};
};

} // namespace ddd::agent
