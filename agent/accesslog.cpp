// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/accesslog.h"

#include "agent/jsonlinewriter.h"

#include <QDateTime>

namespace ddd::agent {

namespace {

// On the API listener the route pattern stands for the path: patterns carry
// no secrets, paths may (a build hook's token). Unmatched paths are logged
// up to a hook token.
QString loggedPath(const QString &listener, const http::RequestRecord &record)
{
    if (listener != u"api")
        return record.path;
    if (const qsizetype space = record.routeLabel.indexOf(u' '); space > 0)
        return record.routeLabel.mid(space + 1);
    static const QString hooks = u"/hooks/"_qs;
    if (const qsizetype at = record.path.indexOf(hooks); at >= 0)
        return record.path.left(at + hooks.size()) + u"{token}"_qs;
    return record.path;
}

QByteArray droppedLine(qint64 dropped, qint64 nowMs)
{
    JsonLineWriter out;
    out.time("time", nowMs);
    out.latin1("level", "warning");
    out.latin1("category", "ddd.agent.access");
    out.latin1("msg", "access log lines dropped: the log output did not keep up");
    out.number("dropped", dropped);
    return out.finish();
}

} // namespace

AccessLog::AccessLog(Writer writer, Options options, Format format)
    : m_writer(std::move(writer)), m_options(options), m_format(std::move(format)), m_thread([this] { run(); })
{
    m_buffer.reserve(m_options.flushBytes + 1024);
}

AccessLog::~AccessLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    flush();
}

QByteArray AccessLog::line(const QString &listener, const http::RequestRecord &record, qint64 nowMs)
{
    JsonLineWriter out;
    out.time("time", nowMs);
    out.latin1("level", "info");
    out.latin1("category", "ddd.agent.access");
    out.text("listener", listener);
    out.text("client", record.clientAddress);
    out.text("host", record.requestHost);
    out.token("method", record.method);
    out.text("path", loggedPath(listener, record));
    out.number("status", record.status);
    out.number("bytes", record.bytesSent);
    out.milliseconds("ms", record.seconds);
    out.token("protocol", record.protocol);
    out.boolean("tls", record.secure);
    if (record.projectId > 0) {
        out.number("project", record.projectId);
        out.number("version", record.versionNumber);
    }
    if (!record.errorCode.isEmpty())
        out.text("error", record.errorCode);
    return out.finish();
}

void AccessLog::record(const QString &listener, const http::RequestRecord &record)
{
    const QByteArray text = m_format(listener, record, QDateTime::currentMSecsSinceEpoch());
    std::lock_guard lock(m_mutex);
    // A writer that stalls (a full pipe) must not grow the buffer without
    // end: past the cap lines are counted, not kept.
    if (m_buffer.size() >= maxBufferedBytes) {
        ++m_dropped;
        return;
    }
    const bool crossed = m_buffer.size() < m_options.flushBytes;
    m_buffer += text;
    // Only the flushing thread writes, so requests never wait for a write.
    if (crossed && m_buffer.size() >= m_options.flushBytes)
        m_wake.notify_one();
}

void AccessLog::flush()
{
    std::unique_lock lock(m_mutex);
    writeOut(lock);
}

// Takes the buffer and writes it without holding m_mutex, so requests keep
// appending meanwhile; m_writeMutex keeps the batches in order.
void AccessLog::writeOut(std::unique_lock<std::mutex> &lock)
{
    if (m_buffer.isEmpty() && m_dropped == 0)
        return;
    QByteArray batch;
    batch.reserve(m_options.flushBytes + 1024);
    batch.swap(m_buffer);
    if (m_dropped > 0) {
        batch += droppedLine(m_dropped, QDateTime::currentMSecsSinceEpoch());
        m_dropped = 0;
    }
    std::unique_lock writing(m_writeMutex);
    lock.unlock();
    m_writer(batch);
    writing.unlock();
    lock.lock();
}

void AccessLog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        // The predicate also catches a wake-up sent before this thread waited.
        m_wake.wait_for(lock, m_options.flushInterval,
                        [this] { return m_stopping || m_buffer.size() >= m_options.flushBytes; });
        writeOut(lock);
    }
}

} // namespace ddd::agent
