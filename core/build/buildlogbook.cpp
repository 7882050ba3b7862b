// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildlogbook.h"

#include "core/build/buildlog.h"
#include "core/build/buildlogfollower.h"
#include "core/build/legacybuildlogs.h"
#include "core/build/logredactor.h"
#include "core/storage/buildlogstore.h"
#include "core/storage/connectionprovider.h"

#include <QLoggingCategory>

namespace ddd::core::build {

namespace {

Q_LOGGING_CATEGORY(lcBuildLogs, "ddd.core.build.logs")

QByteArrayList linesOf(const QByteArray &chunk)
{
    QByteArrayList lines = chunk.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

BuildLogBook::BuildLogBook(storage::ConnectionProvider &connections, Options options, EndOf endOf)
    : m_connections(connections), m_options(options), m_endOf(std::move(endOf)),
      m_store(std::make_unique<storage::BuildLogStore>(connections)),
      m_thread([this](std::stop_token stop) { loop(stop); })
{
}

BuildLogBook::~BuildLogBook()
{
    stop();
}

std::shared_ptr<BuildLog> BuildLogBook::open(qint64 buildId, const QStringList &buildFlags)
{
    auto log = std::make_shared<BuildLog>(buildId, m_options.maxBytes,
                                          LogRedactor(LogRedactor::flagValues(buildFlags)));
    std::lock_guard lock(m_mutex);
    m_running[buildId] = log;
    return log;
}

void BuildLogBook::close(qint64 buildId)
{
    std::shared_ptr<BuildLog> log;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_running.find(buildId);
        if (found == m_running.end())
            return;
        log = found->second;
        m_running.erase(found);
    }
    if (Result<bool> shipped = log->ship(*m_store); !shipped)
        qCWarning(lcBuildLogs) << "The end of build" << buildId << "'s log is lost:" << shipped.error().message;
}

void BuildLogBook::announce(qint64 buildId)
{
    {
        std::lock_guard lock(m_mutex);
        m_announced.insert(buildId);
    }
    m_wake.notify_all();
}

std::vector<qint64> BuildLogBook::runningHere()
{
    std::lock_guard lock(m_mutex);
    std::vector<qint64> ids;
    for (const auto &entry : m_running)
        ids.push_back(entry.first);
    return ids;
}

Result<QByteArray> BuildLogBook::tail(qint64 buildId, int lines)
{
    Result<QByteArray> all = m_store->read(buildId);
    if (!all)
        return all.error();
    return BuildLog::lastLines(*all, lines);
}

Result<std::shared_ptr<BuildLogFollower>> BuildLogBook::follow(qint64 buildId)
{
    auto follower = std::make_shared<BuildLogFollower>();
    Tail tail{buildId, 0, follower};
    Result<bool> following = feed(tail, *follower, m_endOf(buildId));
    if (!following)
        return following.error();
    if (*following) {
        std::lock_guard lock(m_mutex);
        m_tails.push_back(std::move(tail));
    }
    return follower;
}

int BuildLogBook::importFiles(const QString &directory)
{
    return LegacyBuildLogs::import(*m_store, directory);
}

void BuildLogBook::stop()
{
    if (!m_thread.joinable())
        return;
    m_thread.request_stop();
    m_thread.join();
}

void BuildLogBook::loop(std::stop_token stop)
{
    auto lastPoll = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    while (!stop.stop_requested()) {
        m_wake.wait_for(lock, stop, m_options.shipEvery, [this] { return !m_announced.empty(); });
        if (stop.stop_requested())
            break;
        lock.unlock();
        std::set<qint64> fresh = shipAll();
        const auto now = std::chrono::steady_clock::now();
        const bool everyTail = now - lastPoll >= m_options.pollEvery;
        if (everyTail)
            lastPoll = now;
        pollTails(fresh, everyTail);
        lock.lock();
    }
    lock.unlock();
    m_connections.releaseCurrent();
}

// Ships every log of a build running here; answers the builds with news.
std::set<qint64> BuildLogBook::shipAll()
{
    std::vector<std::pair<qint64, std::shared_ptr<BuildLog>>> running;
    {
        std::lock_guard lock(m_mutex);
        running.assign(m_running.begin(), m_running.end());
    }
    std::set<qint64> shipped;
    for (const auto &[id, log] : running) {
        Result<bool> written = log->ship(*m_store);
        if (!written)
            qCWarning(lcBuildLogs) << "Cannot store build" << id << "'s log yet:" << written.error().message;
        else if (*written)
            shipped.insert(id);
    }
    return shipped;
}

// Followers of the builds in `fresh` (and announced ones) look at once, the
// others only on `everyTail`; followers nobody holds any more are dropped.
void BuildLogBook::pollTails(const std::set<qint64> &fresh, bool everyTail)
{
    std::vector<Tail> tails;
    std::set<qint64> due = fresh;
    {
        std::lock_guard lock(m_mutex);
        tails = std::exchange(m_tails, {});
        due.merge(m_announced);
        m_announced.clear();
    }
    std::map<qint64, std::optional<QByteArray>> ends; // one read per build, however many follow it
    std::vector<Tail> kept;
    for (Tail &tail : tails) {
        std::shared_ptr<BuildLogFollower> follower = tail.follower.lock();
        if (!follower)
            continue;
        if (!everyTail && !due.contains(tail.buildId)) {
            kept.push_back(std::move(tail));
            continue;
        }
        auto end = ends.find(tail.buildId);
        if (end == ends.end())
            end = ends.emplace(tail.buildId, m_endOf(tail.buildId)).first;
        Result<bool> following = feed(tail, *follower, end->second);
        if (!following || *following) // an unreadable database: again at the next poll
            kept.push_back(std::move(tail));
    }
    std::lock_guard lock(m_mutex);
    m_tails.insert(m_tails.end(), std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()));
}

// The end is read before the chunks: a build that has ended shipped its last
// chunk before its row said so, so the follower gets every line.
Result<bool> BuildLogBook::feed(Tail &tail, BuildLogFollower &follower, const std::optional<QByteArray> &end)
{
    Result<QList<storage::BuildLogStore::Chunk>> chunks = m_store->after(tail.buildId, tail.seq);
    if (!chunks)
        return chunks.error();
    QByteArrayList lines;
    for (const storage::BuildLogStore::Chunk &chunk : *chunks) {
        lines += linesOf(chunk.lines);
        tail.seq = chunk.seq;
    }
    if (!lines.isEmpty())
        follower.append(lines);
    if (!end)
        return true;
    follower.end(*end);
    return false;
}

} // namespace ddd::core::build
