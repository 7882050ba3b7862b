// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildlog.h"

#include "core/storage/buildlogstore.h"

namespace ddd::core::build {

namespace {

const QByteArray TruncatedNote = "== log truncated: the build wrote more than the log may hold";

} // namespace

BuildLog::BuildLog(qint64 buildId, qint64 maxBytes, LogRedactor redactor)
    : m_buildId(buildId), m_maxBytes(maxBytes), m_redactor(std::move(redactor))
{
}

void BuildLog::output(const QByteArray &line)
{
    append(m_redactor.redact(line));
}

// The agent's own lines pass the same redaction: they quote commands with
// the project's flags.
void BuildLog::note(const QByteArray &line)
{
    append(m_redactor.redact(line));
}

void BuildLog::append(const QByteArray &line)
{
    std::lock_guard lock(m_mutex);
    if (m_truncated)
        return;
    QByteArray kept = line;
    if (m_bytes + line.size() + 1 > m_maxBytes) {
        m_truncated = true;
        kept = TruncatedNote;
    }
    m_unshipped += kept + '\n';
    m_bytes += kept.size() + 1;
}

qint64 BuildLog::bytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

Result<bool> BuildLog::ship(storage::BuildLogStore &store)
{
    std::lock_guard shipping(m_shipping);
    QByteArray lines;
    qint64 seq = 0;
    {
        std::lock_guard lock(m_mutex);
        lines = std::exchange(m_unshipped, {});
        seq = m_nextSeq;
    }
    if (lines.isEmpty())
        return false;
    Status written = store.append(m_buildId, seq, lines);
    std::lock_guard lock(m_mutex);
    if (written) {
        ++m_nextSeq;
        return true;
    }
    if (written.error().code == u"storage.constraint"_qs)
        return false; // the build's row is gone, and its log with it
    m_unshipped.prepend(lines);
    return written.error();
}

QByteArray BuildLog::lastLines(const QByteArray &text, int lines)
{
    if (lines < 0)
        return text;
    qsizetype start = text.size();
    // Skip the final newline, then walk back `lines` line starts.
    qsizetype position = text.endsWith('\n') ? text.size() - 1 : text.size();
    for (int found = 0; found < lines && position > 0; ++found) {
        const qsizetype newline = text.lastIndexOf('\n', position - 1);
        start = newline < 0 ? 0 : newline + 1;
        position = newline < 0 ? 0 : newline;
    }
    return lines == 0 ? QByteArray() : text.mid(start);
}

} // namespace ddd::core::build
