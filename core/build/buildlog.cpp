// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildlog.h"

#include "core/build/buildlogfollower.h"

#include <QDir>
#include <QFileInfo>

namespace ddd::core::build {

namespace {

const QByteArray TruncatedNote = "== log truncated: the build wrote more than the log may hold";

} // namespace

BuildLog::BuildLog(QString path, qint64 maxBytes, LogRedactor redactor)
    : m_file(std::move(path)), m_maxBytes(maxBytes), m_redactor(std::move(redactor))
{
}

BuildLog::~BuildLog() = default;

Status BuildLog::open()
{
    QDir().mkpath(QFileInfo(m_file.fileName()).absolutePath());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::make(u"io.error"_qs, u"Cannot create build log: "_qs + m_file.errorString());
    return {};
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
    std::vector<std::shared_ptr<BuildLogFollower>> followers;
    QByteArray written = line;
    {
        std::lock_guard lock(m_mutex);
        if (m_truncated || m_finished)
            return;
        if (m_bytes + line.size() + 1 > m_maxBytes) {
            m_truncated = true;
            written = TruncatedNote;
        }
        m_file.write(written + '\n');
        m_file.flush();
        m_bytes += written.size() + 1;
        m_lines.append(written);
        for (const auto &weak : m_followers)
            if (auto follower = weak.lock())
                followers.push_back(std::move(follower));
    }
    for (const auto &follower : followers)
        follower->append(written);
}

void BuildLog::finish(const QByteArray &endData)
{
    std::vector<std::shared_ptr<BuildLogFollower>> followers;
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_endData = endData;
        m_file.close();
        for (const auto &weak : m_followers)
            if (auto follower = weak.lock())
                followers.push_back(std::move(follower));
        m_followers.clear();
    }
    for (const auto &follower : followers)
        follower->end(endData);
}

qint64 BuildLog::bytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

std::shared_ptr<BuildLogFollower> BuildLog::follow()
{
    std::lock_guard lock(m_mutex);
    auto follower = std::make_shared<BuildLogFollower>(m_lines);
    if (m_finished)
        follower->end(m_endData);
    else
        m_followers.push_back(follower);
    return follower;
}

Result<QByteArray> BuildLog::readTail(const QString &path, int lines)
{
    QFile file(path);
    if (!file.exists())
        return QByteArray();
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(u"io.error"_qs, u"Cannot read build log: "_qs + file.errorString());
    const QByteArray all = file.readAll();
    if (lines < 0)
        return all;
    qsizetype start = all.size();
    // Skip the final newline, then walk back `lines` line starts.
    qsizetype position = all.endsWith('\n') ? all.size() - 1 : all.size();
    for (int found = 0; found < lines && position > 0; ++found) {
        const qsizetype newline = all.lastIndexOf('\n', position - 1);
        start = newline < 0 ? 0 : newline + 1;
        position = newline < 0 ? 0 : newline;
    }
    return lines == 0 ? QByteArray() : all.mid(start);
}

} // namespace ddd::core::build
