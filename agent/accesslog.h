// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/requesthandler.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace ddd::agent {

// The access log: one JSON line per request of either listener (format in
// docs/operations.md). Lines collect in a buffer that a thread of its own
// writes out every `flushInterval`, or at once when it holds `flushBytes`:
// the serving path formats a line and appends it under a short lock, with
// no system call per request. At most `flushInterval` of lines is lost if
// the process dies. Never logs header values, credentials or query strings;
// on the API listener the path is the route pattern, since a path may
// carry a token (/api/v1/hooks/{token}).
class AccessLog final
{
public:
    // Receives whole lines, each ending in '\n'; called from the flushing
    // thread (or from flush()), one call at a time, in order.
    using Writer = std::function<void(const QByteArray &lines)>;
    // Turns a request into its line (with '\n'); line() by default.
    using Format = std::function<QByteArray(const QString &listener, const http::RequestRecord &, qint64 nowMs)>;
    struct Options
    {
        std::chrono::milliseconds flushInterval{200};
        qsizetype flushBytes = 64 * 1024;
    };

    AccessLog(Writer writer, Options options, Format format = &AccessLog::line);
    explicit AccessLog(Writer writer) : AccessLog(std::move(writer), Options{}) {}
    AccessLog(const AccessLog &) = delete;
    AccessLog &operator=(const AccessLog &) = delete;
    ~AccessLog(); // writes what is buffered

    // Thread-safe; cheap enough for every request (see docs/performance.md).
    void record(const QString &listener, const http::RequestRecord &record);
    // Writes the buffered lines now (tests, shutdown).
    void flush();

    // One line, for `record` and for tests.
    static QByteArray line(const QString &listener, const http::RequestRecord &record, qint64 nowMs);

private:
    void run();
    void writeOut(std::unique_lock<std::mutex> &lock);

    Writer m_writer;
    Options m_options;
    Format m_format;
    std::mutex m_mutex;       // guards m_buffer and m_stopping
    std::mutex m_writeMutex;  // one write at a time, in order
    std::condition_variable m_wake;
    QByteArray m_buffer;
    qint64 m_dropped = 0;     // lines refused since the last write
    static constexpr qsizetype maxBufferedBytes = 8 << 20;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace ddd::agent
