// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildlogbook.h"

#include "core/build/buildlog.h"
#include "core/build/buildlogfollower.h"
#include "core/build/logredactor.h"

#include <QDir>
#include <QFile>

namespace ddd::core::build {

BuildLogBook::BuildLogBook(QString directory, qint64 maxBytes) : m_directory(std::move(directory)), m_maxBytes(maxBytes)
{
}

std::shared_ptr<BuildLog> BuildLogBook::open(qint64 buildId, const QStringList &buildFlags)
{
    auto log = std::make_shared<BuildLog>(path(buildId), m_maxBytes, LogRedactor(LogRedactor::flagValues(buildFlags)));
    std::lock_guard lock(m_mutex);
    m_live[buildId] = log;
    return log;
}

std::shared_ptr<BuildLog> BuildLogBook::live(qint64 buildId)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_live.find(buildId);
    return found == m_live.end() ? nullptr : found->second;
}

std::vector<qint64> BuildLogBook::liveIds()
{
    std::lock_guard lock(m_mutex);
    std::vector<qint64> ids;
    for (const auto &entry : m_live)
        ids.push_back(entry.first);
    return ids;
}

void BuildLogBook::end(qint64 buildId, const QByteArray &finalJson)
{
    std::shared_ptr<BuildLog> log;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_live.find(buildId);
        if (found == m_live.end())
            return;
        log = found->second;
        m_live.erase(found);
    }
    log->finish(finalJson);
}

Result<QByteArray> BuildLogBook::tail(qint64 buildId, int lines) const
{
    return BuildLog::readTail(path(buildId), lines);
}

Result<std::shared_ptr<BuildLogFollower>> BuildLogBook::replay(qint64 buildId, const QByteArray &finalJson) const
{
    Result<QByteArray> text = BuildLog::readTail(path(buildId), -1);
    if (!text)
        return text.error();
    QByteArrayList lines = text->split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    auto follower = std::make_shared<BuildLogFollower>(lines);
    follower->end(finalJson);
    return follower;
}

void BuildLogBook::remove(qint64 buildId)
{
    QFile::remove(path(buildId));
}

void BuildLogBook::removeOrphans(const std::function<bool(qint64 buildId)> &exists)
{
    QDir logs(m_directory);
    for (const QString &name : logs.entryList({u"*.log"_qs}, QDir::Files)) {
        bool numeric = false;
        const qint64 id = name.chopped(4).toLongLong(&numeric);
        if (numeric && !live(id) && !exists(id))
            logs.remove(name);
    }
}

QString BuildLogBook::path(qint64 buildId) const
{
    return m_directory + u'/' + QString::number(buildId) + u".log"_qs;
}

} // namespace ddd::core::build
