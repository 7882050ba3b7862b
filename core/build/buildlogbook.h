// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QStringList>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

namespace ddd::core::storage {
class BuildLogStore;
class ConnectionProvider;
} // namespace ddd::core::storage

namespace ddd::core::build {

class BuildLog;
class BuildLogFollower;

// Every build's log, kept in the database (BuildLogStore) so that any agent
// reads and follows the builds any agent runs. The logs of builds running
// here are shipped every `shipEvery`; followers read what was shipped, at
// once when it was shipped here and every `pollEvery` otherwise, and get the
// end when `endOf` says the build has ended. Thread-safe.
class BuildLogBook final
{
public:
    // The finished build as JSON, or nullopt while it is queued or running
    // (or cannot be read).
    using EndOf = std::function<std::optional<QByteArray>(qint64 buildId)>;

    struct Options final
    {
        qint64 maxBytes = qint64(4) << 20;
        std::chrono::milliseconds shipEvery{250};
        std::chrono::milliseconds pollEvery{1000};
    };

    BuildLogBook(storage::ConnectionProvider &connections, Options options, EndOf endOf);
    ~BuildLogBook();

    // The log of a build about to run here; its lines are redacted,
    // `buildFlags` values included.
    std::shared_ptr<BuildLog> open(qint64 buildId, const QStringList &buildFlags);
    // Ships the rest of the log: call before the build's row records its end.
    void close(qint64 buildId);
    // The build's row changed here (it ended, say): its followers look now
    // rather than at the next poll.
    void announce(qint64 buildId);
    std::vector<qint64> runningHere();

    // The last `lines` lines shipped so far (all when < 0).
    Result<QByteArray> tail(qint64 buildId, int lines);
    // Every line so far, then new ones, then the end with the build's JSON.
    Result<std::shared_ptr<BuildLogFollower>> follow(qint64 buildId);
    // Moves the log files older agents left in `directory` into the
    // database (LegacyBuildLogs); answers how many.
    int importFiles(const QString &directory);
    // Ships what is left and ends the thread; followers get nothing more.
    void stop();

private:
    struct Tail final
    {
        qint64 buildId = 0;
        qint64 seq = 0; // the last chunk the follower got
        std::weak_ptr<BuildLogFollower> follower;
    };

    void loop(std::stop_token stop);
    std::set<qint64> shipAll();
    void pollTails(const std::set<qint64> &shipped, bool everyTail);
    // Feeds `tail` what is new; answers false once it has ended.
    // `end`: the build's JSON once it has ended (m_endOf), read before the
    // chunks.
    Result<bool> feed(Tail &tail, BuildLogFollower &follower, const std::optional<QByteArray> &end);

    storage::ConnectionProvider &m_connections;
    const Options m_options;
    const EndOf m_endOf;
    std::unique_ptr<storage::BuildLogStore> m_store;
    std::mutex m_mutex;
    std::map<qint64, std::shared_ptr<BuildLog>> m_running;
    std::vector<Tail> m_tails; // those added since the thread last took them
    std::set<qint64> m_announced;
    std::condition_variable_any m_wake;
    std::jthread m_thread;
};

} // namespace ddd::core::build
