// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/requesthandler.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <mutex>

namespace ddd::agent {

// The optional site access log in the Combined Log Format with the virtual
// host first (Apache's vhost_combined, GoAccess --log-format=VCOMBINED):
//
//   www.shop.test:443 203.0.113.7 - - [03/Dec/2026:10:02:31 +0000] "GET /css/a.css HTTP/1.1" 404 187 "https://www.shop.test/" "Mozilla/5.0 ..."
//
// One file for every site, appended to. Rotation-safe: after reopenAll()
// (the agent calls it on SIGHUP) the next write closes the file and opens the
// path again, so logrotate can rename the file and signal. The path is
// re-encoded and carries no query; the Referer loses its query, fragment
// and user info; no user name is logged.
class CombinedLogFile final
{
public:
    explicit CombinedLogFile(QString path);
    CombinedLogFile(const CombinedLogFile &) = delete;
    CombinedLogFile &operator=(const CombinedLogFile &) = delete;
    ~CombinedLogFile();

    // Opens the file (creating it 0640); log.unwritable when it cannot.
    core::Status open();
    // Appends whole lines (AccessLog::Writer); reopens first when asked to.
    void write(const QByteArray &lines);
    // Every CombinedLogFile reopens its path before its next write. Safe
    // from any thread; async-signal-safe (one atomic increment).
    static void reopenAll();

    // One line for a site request; `port` is the site listener's.
    static QByteArray line(const http::RequestRecord &record, quint16 port, qint64 nowMs);

private:
    core::Status openLocked();

    const QString m_path;
    std::mutex m_mutex;
    int m_fd = -1;
    unsigned m_generation = 0; // reopenAll()'s count when the file was opened
    static std::atomic<unsigned> s_reopenGeneration;
};

} // namespace ddd::agent
