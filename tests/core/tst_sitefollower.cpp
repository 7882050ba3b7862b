// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// How an agent that follows another learns which sites changed, against a
// real PostgreSQL 15 cluster: site_revision moves once per change of a
// project's row or aliases on both engines (schema step 14), catchUp()
// builds again only the sites whose revision moved, an announced change
// arrives without waiting for the periodic round, and a lost connection is
// taken up again.
#include "core/deploy/sitefollower.h"
#include "core/ops/clusterheartbeat.h"
#include "core/storage/agentstore.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/livepointerstore.h"
#include "core/storage/pgconnection.h"
#include "core/storage/sitechangefeed.h"
#include "core/storage/statement.h"
#include "core/util/clock.h"
#include "tests/support/postgrestestserver.h"
#include "tests/support/tempdatabase.h"
#include "tests/support/tempdataroot.h"

#include <QtTest>

#include <mutex>

using ddd::core::Status;
using ddd::core::deploy::SiteFollower;
using ddd::core::ops::ClusterHeartbeat;
using ddd::core::storage::AgentStore;
using ddd::core::storage::ConnectionProvider;
using ddd::core::storage::Database;
using ddd::core::storage::LivePointerStore;
using ddd::core::storage::PgConnection;
using ddd::core::storage::SiteChangeFeed;
using ddd::test::PostgresTestServer;
using ddd::test::TempDatabase;
using namespace std::chrono_literals;

namespace {

// The sites a follower built again, as its thread reports them.
class Refreshes final
{
public:
    Status record(qint64 projectId)
    {
        std::lock_guard lock(m_mutex);
        m_ids.append(projectId);
        return {};
    }
    QList<qint64> take()
    {
        std::lock_guard lock(m_mutex);
        QList<qint64> ids = std::exchange(m_ids, {});
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    bool contains(qint64 projectId)
    {
        std::lock_guard lock(m_mutex);
        return m_ids.contains(projectId);
    }

private:
    std::mutex m_mutex;
    QList<qint64> m_ids;
};

void run(Database &db, const QString &sql)
{
    const Status done = db.exec(sql);
    if (!done)
        qFatal("%s: %s", qPrintable(sql), qPrintable(done.error().message));
}

qint64 number(Database &db, const QString &sql)
{
    auto statement = db.prepare(sql);
    const auto row = statement ? statement->step() : ddd::core::Result<bool>(statement.error());
    if (!row || !*row)
        qFatal("no row: %s", qPrintable(sql));
    return statement->columnInt(0);
}

void addProjects(Database &db)
{
    run(db, u"INSERT INTO users (email, email_key, password_hash, role, created_at, updated_at) "
            "VALUES ('a@example.com', 'a@example.com', 'x', 'user', 0, 0)"_qs);
    run(db, u"INSERT INTO projects (owner_id, name, slug, created_at, updated_at) VALUES "
            "(1, 'One', 'one', 0, 0), (1, 'Two', 'two', 0, 0)"_qs);
}

// A fresh database with two projects, and what a follower of it needs.
struct Followed final
{
    explicit Followed(QByteArray info)
        : conninfo(std::move(info)), provider(ConnectionProvider::Postgres{conninfo}), pointers(provider),
          feed(conninfo)
    {
        if (!provider.initialise())
            qFatal("cannot migrate a fresh database");
        addProjects(provider.current());
    }
    Database &db() { return provider.current(); }

    QByteArray conninfo;
    ConnectionProvider provider;
    LivePointerStore pointers;
    SiteChangeFeed feed;
    Refreshes refreshes;
};

} // namespace

class TestSiteFollower final : public QObject
{
    Q_OBJECT

    PostgresTestServer m_server;
    ddd::core::SystemClock m_clock;

    std::unique_ptr<Followed> fresh() { return std::make_unique<Followed>(m_server.freshDatabase()); }

private slots:
    void initTestCase()
    {
        const QString failure = m_server.start();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void revisionMovesOncePerChange_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("SQLite") << false;
        QTest::newRow("PostgreSQL") << true;
    }

    void revisionMovesOncePerChange()
    {
        QFETCH(bool, postgres);
        TempDatabase sqlite;
        std::unique_ptr<Followed> pg;
        if (postgres)
            pg = fresh();
        else
            addProjects(sqlite.db());
        Database &db = postgres ? pg->db() : sqlite.db();
        const auto revision = [&](int project) {
            return number(db, u"SELECT site_revision FROM projects WHERE id = %1"_qs.arg(project));
        };
        QCOMPARE(revision(1), 0);
        run(db, u"UPDATE projects SET settings = '{\"spa\":true}' WHERE id = 1"_qs);
        QCOMPARE(revision(1), 1);
        run(db, u"INSERT INTO project_aliases (host, project_id, position) VALUES ('one.example', 1, 0)"_qs);
        QCOMPARE(revision(1), 2);
        run(db, u"UPDATE project_aliases SET project_id = 2 WHERE host = 'one.example'"_qs);
        QCOMPARE(revision(1), 3);
        QCOMPARE(revision(2), 1);
        run(db, u"DELETE FROM project_aliases WHERE host = 'one.example'"_qs);
        QCOMPARE(revision(2), 2);
        // An update naming site_revision keeps it (DatabaseCopy carries a
        // source's revisions over).
        run(db, u"UPDATE projects SET site_revision = 40 WHERE id = 2"_qs);
        QCOMPARE(revision(2), 40);
        QCOMPARE(revision(1), 3);
    }

    // Only what moved is built again; a removed project's site is
    // withdrawn once.
    void catchUpBuildsOnlyWhatMoved()
    {
        auto followed = fresh();
        Database &db = followed->db();
        Refreshes &refreshes = followed->refreshes;
        SiteFollower follower(followed->feed, followed->pointers, [&](qint64 id) { return refreshes.record(id); },
                              m_clock, {}, {});
        QVERIFY(follower.catchUp());
        QCOMPARE(refreshes.take(), (QList<qint64>{1, 2}));
        QVERIFY(!follower.behindSinceMs());
        QVERIFY(follower.catchUp());
        QCOMPARE(refreshes.take(), QList<qint64>());
        run(db, u"UPDATE projects SET name = 'Renamed' WHERE id = 2"_qs);
        QVERIFY(follower.catchUp());
        QCOMPARE(refreshes.take(), QList<qint64>{2});
        run(db, u"DELETE FROM projects WHERE id = 1"_qs);
        QVERIFY(follower.catchUp());
        QCOMPARE(refreshes.take(), QList<qint64>{1});
        QVERIFY(follower.catchUp());
        QCOMPARE(refreshes.take(), QList<qint64>());
    }

    // The writer's start-up repair built every site from the revisions it
    // read first: following afterwards builds only what moved since.
    void sitesBuiltAtStartUpAreNotBuiltAgain()
    {
        auto followed = fresh();
        Refreshes &refreshes = followed->refreshes;
        SiteFollower follower(followed->feed, followed->pointers, [&](qint64 id) { return refreshes.record(id); },
                              m_clock, {}, {});
        const QHash<qint64, qint64> beforeRepair = followed->pointers.siteRevisions().value();
        QCOMPARE(beforeRepair.size(), 2);
        run(followed->db(), u"UPDATE projects SET name = 'Renamed' WHERE id = 2"_qs); // during the repair
        follower.assumeBuilt(beforeRepair);
        QVERIFY(follower.catchUp());
        QCOMPARE(refreshes.take(), QList<qint64>{2});
    }

    // A failed refresh is tried again on the next round; the others are
    // not held up by it.
    void failedSiteIsTriedAgain()
    {
        auto followed = fresh();
        Refreshes &refreshes = followed->refreshes;
        bool failOne = true;
        SiteFollower follower(followed->feed, followed->pointers, [&](qint64 id) -> Status {
            (void)refreshes.record(id);
            if (id == 1 && failOne)
                return ddd::core::Error::make(u"index.corrupt"_qs, u"test"_qs);
            return {};
        }, m_clock, {}, {});
        const Status first = follower.catchUp();
        QVERIFY(!first);
        QCOMPARE(first.error().code, u"index.corrupt"_qs);
        QCOMPARE(refreshes.take(), (QList<qint64>{1, 2}));
        failOne = false;
        QVERIFY(follower.catchUp());
        QCOMPARE(refreshes.take(), QList<qint64>{1});
    }

    // The thread hears of a change at once (the periodic round is an hour
    // away here), and again after its connection was cut.
    void announcedChangesArrive()
    {
        auto followed = fresh();
        Database &db = followed->db();
        Refreshes &refreshes = followed->refreshes;
        SiteFollower::Options options;
        options.reconcileEvery = 1h;
        options.retryEvery = 100ms;
        std::atomic<int> threadExits = 0;
        SiteFollower follower(followed->feed, followed->pointers, [&](qint64 id) { return refreshes.record(id); },
                              m_clock, [&] { ++threadExits; }, options);
        QVERIFY(follower.catchUp());
        refreshes.take();
        follower.start();
        QTest::qWait(300); // listening

        QVERIFY(!follower.behindSinceMs());
        run(db, u"UPDATE projects SET domain = 'two.example' WHERE id = 2"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(refreshes.contains(2), 5000);
        QTRY_VERIFY(!follower.behindSinceMs()); // caught up again
        QCOMPARE(refreshes.take(), QList<qint64>{2});

        PgConnection admin = PgConnection::open(m_server.database("postgres")).value();
        QVERIFY(admin.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'"));
        QTest::qWait(100);
        run(db, u"UPDATE projects SET name = 'After the cut' WHERE id = 1"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(refreshes.contains(1), 10000);
        follower.stop();
        QCOMPARE(threadExits.load(), 1);
    }

    // Every agent's row: its lasting id, written and listed; rows not heard
    // of for a day are forgotten by the next heartbeat.
    void heartbeatsListTheAgents()
    {
        auto followed = fresh();
        ddd::test::TempDataRoot root;
        const auto id = ClusterHeartbeat::identity(root.path());
        QVERIFY(id);
        QCOMPARE(*ClusterHeartbeat::identity(root.path()), *id);
        AgentStore store(followed->provider);
        QVERIFY(store.beat({u"gone"_qs, u"old-host"_qs, {u"site"_qs}, u"0.0.9"_qs, 0, 1000, 500}, 0));
        const qint64 behind = m_clock.nowMs() - 2000;
        ClusterHeartbeat heartbeat(store, {*id, u"host"_qs, {u"api"_qs, u"build"_qs}, u"1.0"_qs, 42, 0, std::nullopt},
                                   [&] { return std::optional<qint64>(behind); }, m_clock, {}, {});
        QVERIFY(heartbeat.beat());
        const auto agents = store.list();
        QVERIFY(agents);
        QCOMPARE(agents->size(), 1); // "gone" was last heard of in 1970
        const AgentStore::Record &self = agents->first();
        QCOMPARE(self.id, *id);
        QCOMPARE(self.roles, (QStringList{u"api"_qs, u"build"_qs}));
        QCOMPARE(self.startedAtMs, 42);
        QVERIFY(self.heartbeatAtMs >= behind);
        QCOMPARE(self.behindSinceMs, std::optional<qint64>(behind));
    }

    // Its thread beats every interval and stops when asked.
    void heartbeatThreadBeatsAndStops()
    {
        auto followed = fresh();
        AgentStore store(followed->provider);
        std::atomic<int> beats = 0;
        std::atomic<int> threadExits = 0;
        ClusterHeartbeat::Options options;
        options.interval = 20ms;
        ClusterHeartbeat heartbeat(store, {u"id"_qs, u"host"_qs, {u"site"_qs}, u"1.0"_qs, 0, 0, std::nullopt},
                                   [&] { ++beats; return std::optional<qint64>(); }, m_clock, [&] { ++threadExits; },
                                   options);
        heartbeat.start();
        QTRY_VERIFY(beats.load() >= 3);
        heartbeat.stop();
        QCOMPARE(threadExits.load(), 1);
        const int afterStop = beats.load();
        QTest::qWait(100);
        QCOMPARE(beats.load(), afterStop);
        QCOMPARE(store.list()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSiteFollower)
#include "tst_sitefollower.moc"
