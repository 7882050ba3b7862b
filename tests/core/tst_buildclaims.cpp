// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/agentstore.h"
#include "core/storage/buildstore.h"
#include "core/storage/sourcestore.h"
#include "tests/support/deployfixture.h"

#include <QtTest>

#include <mutex>
#include <thread>

using namespace ddd::core;
using ddd::test::DeployFixture;
using model::Build;
using model::BuildStatus;

namespace {

constexpr qint64 Now = 1'800'000'000'000;
const QString AgentA = u"agent-a"_qs;
const QString AgentB = u"agent-b"_qs;

Error interrupted()
{
    return Error::make(u"build.interrupted"_qs, u"gone"_qs);
}

// A queued build of a new project of `author`'s.
qint64 queue(DeployFixture &f, const model::Identity &author, const QString &name)
{
    Build build;
    build.projectId = f.createProject(author, name);
    build.status = BuildStatus::Queued;
    build.trigger = model::BuildTrigger::Rebuild;
    build.authorId = author.userId;
    build.createdAt = Now;
    Result<Build> stored = storage::BuildStore(f.provider()).insert(build);
    return stored ? stored->id : 0;
}

std::optional<Build> claimed(storage::BuildStore &store, const QString &agent, const QList<qint64> &busy = {})
{
    Result<std::optional<Build>> next = store.claimNext(agent, Now, busy);
    return next ? *next : std::nullopt;
}

BuildStatus statusOf(storage::BuildStore &store, qint64 id)
{
    Result<std::optional<Build>> row = store.find(id);
    return row && row->has_value() ? (*row)->status : BuildStatus::Queued;
}

} // namespace

// The queue every agent with the build role takes from (BuildStore): a build
// is claimed by one agent, written only by it, stopped by whoever asks, and
// recorded interrupted once its agent is gone.
class TestBuildClaims final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void agentsClaimingAtOnceNeverTakeOneBuildTwice()
    {
        DeployFixture f;
        QSet<qint64> queued;
        for (int i = 0; i < 24; ++i)
            queued.insert(queue(f, i % 2 ? f.alice : f.bob, u"site %1"_qs.arg(i)));
        QVERIFY(!queued.contains(0));
        std::mutex mutex;
        QList<qint64> taken;
        std::vector<std::jthread> agents;
        for (int agent = 0; agent < 4; ++agent)
            agents.emplace_back([&, agent] {
                storage::BuildStore store(f.provider()); // one connection per thread
                while (std::optional<Build> build = claimed(store, agent % 2 ? AgentA : AgentB)) {
                    std::lock_guard lock(mutex);
                    taken.append(build->id);
                }
                f.provider().releaseCurrent();
            });
        agents.clear();
        QCOMPARE(taken.size(), queued.size());
        QCOMPARE(QSet<qint64>(taken.begin(), taken.end()), queued);
        storage::BuildStore store(f.provider());
        for (qint64 id : queued)
            QCOMPARE(statusOf(store, id), BuildStatus::Running);
        QCOMPARE(store.countQueued().value(), 0);
    }

    void theOldestBuildOfAUserBelowTheLimitComesFirst()
    {
        DeployFixture f;
        const qint64 alices = queue(f, f.alice, u"first"_qs);
        const qint64 bobs = queue(f, f.bob, u"second"_qs);
        storage::BuildStore store(f.provider());
        QCOMPARE(store.countQueued().value(), 2);
        std::optional<Build> next = claimed(store, AgentA, {f.alice.userId});
        QVERIFY(next);
        QCOMPARE(next->id, bobs);
        QCOMPARE(next->startedAt, std::optional<qint64>(Now));
        QVERIFY(!claimed(store, AgentA, {f.alice.userId}));
        QCOMPARE(claimed(store, AgentB)->id, alices);
    }

    void onlyTheAgentRunningABuildWritesIt()
    {
        DeployFixture f;
        const qint64 id = queue(f, f.alice, u"site"_qs);
        storage::BuildStore store(f.provider());
        Build build = *claimed(store, AgentA);
        build.logBytes = 42;
        QCOMPARE(store.update(build, AgentB).value(), false);
        QCOMPARE(store.find(id).value()->logBytes, 0);
        QCOMPARE(store.update(build, AgentA).value(), true);
        build.status = BuildStatus::Succeeded;
        build.finishedAt = Now + 5;
        QCOMPARE(store.update(build, AgentA).value(), true);
        // Ended: not even its agent writes it again.
        build.status = BuildStatus::Failed;
        QCOMPARE(store.update(build, AgentA).value(), false);
        QCOMPARE(statusOf(store, id), BuildStatus::Succeeded);
    }

    void aQueuedBuildIsCancelledAndARunningOneAskedToStop()
    {
        DeployFixture f;
        const qint64 running = queue(f, f.alice, u"running"_qs);
        storage::BuildStore store(f.provider());
        QCOMPARE(claimed(store, AgentA)->id, running);
        const qint64 waiting = queue(f, f.alice, u"waiting"_qs);
        QCOMPARE(store.cancelQueued(running, Now, interrupted()).value(), false);
        QCOMPARE(statusOf(store, running), BuildStatus::Running);
        QCOMPARE(store.cancelQueued(waiting, Now, interrupted()).value(), true);
        QCOMPARE(statusOf(store, waiting), BuildStatus::Cancelled);
        QVERIFY(!claimed(store, AgentB));
        QVERIFY(store.requestCancel(running));
        QCOMPARE(store.cancelRequested(AgentA).value(), QList<qint64>{running});
        QCOMPARE(store.cancelRequested(AgentB).value(), QList<qint64>());
    }

    void aProjectHasOneActiveBuildWhoeverQueuesIt()
    {
        DeployFixture f;
        const qint64 first = queue(f, f.alice, u"site"_qs);
        QVERIFY(first);
        Build second;
        second.projectId = storage::BuildStore(f.provider()).find(first).value()->projectId;
        second.trigger = model::BuildTrigger::Rebuild;
        second.createdAt = Now;
        storage::BuildStore store(f.provider());
        QVERIFY(!store.insert(second));
        QCOMPARE(store.countQueued().value(), 1);
    }

    void startUpInterruptsOnlyThisAgentsBuilds()
    {
        DeployFixture f;
        storage::BuildStore store(f.provider());
        const qint64 mine = queue(f, f.alice, u"mine"_qs);
        QCOMPARE(claimed(store, AgentA)->id, mine);
        const qint64 theirs = queue(f, f.alice, u"theirs"_qs);
        QCOMPARE(claimed(store, AgentB)->id, theirs);
        QCOMPARE(store.interruptRunning(AgentA, Now, interrupted()).value(), 1);
        QCOMPARE(statusOf(store, mine), BuildStatus::Interrupted);
        QCOMPARE(statusOf(store, theirs), BuildStatus::Running);
    }

    void theBuildsOfASilentAgentAreInterrupted()
    {
        DeployFixture f;
        storage::AgentStore agents(f.provider());
        QVERIFY(agents.beat({AgentA, u"a"_qs, {u"build"_qs}, u"1"_qs, Now, Now + 60'000, std::nullopt}, 0));
        QVERIFY(agents.beat({AgentB, u"b"_qs, {u"build"_qs}, u"1"_qs, Now, Now + 1'000, std::nullopt}, 0));
        storage::BuildStore store(f.provider());
        const qint64 alive = queue(f, f.alice, u"alive"_qs);
        QCOMPARE(claimed(store, AgentA)->id, alive);
        const qint64 silent = queue(f, f.alice, u"silent"_qs);
        QCOMPARE(claimed(store, AgentB)->id, silent);
        const qint64 mine = queue(f, f.alice, u"mine"_qs);
        QCOMPARE(claimed(store, u"agent-c"_qs)->id, mine);
        // At Now + 61 s, with 30 s of silence allowed: B last beat at Now + 1 s.
        const qint64 later = Now + 61'000;
        QCOMPARE(store.interruptOrphans(u"agent-c"_qs, later - 30'000, later, interrupted()).value(),
                 QList<qint64>{silent});
        QCOMPARE(statusOf(store, silent), BuildStatus::Interrupted);
        QCOMPARE(statusOf(store, alive), BuildStatus::Running);
        QCOMPARE(statusOf(store, mine), BuildStatus::Running); // never its own
        // A build just taken by an agent whose first beat is still to come is left alone.
        const qint64 fresh = queue(f, f.alice, u"fresh"_qs);
        QVERIFY(store.claimNext(u"agent-new"_qs, later, {}).value());
        QCOMPARE(store.interruptOrphans(u"agent-c"_qs, later - 30'000, later, interrupted()).value(),
                 QList<qint64>());
        QCOMPARE(statusOf(store, fresh), BuildStatus::Running);
    }

    // Retention on one writer chose a source; another writer queued a build
    // of it since. Deleting leaves it until that build is over.
    void aSourceQueuedForBuildingSinceRetentionChoseItStays()
    {
        DeployFixture f;
        storage::SourceStore sources(f.provider());
        model::Source source;
        source.projectId = f.projectId;
        source.createdAt = Now;
        Result<model::Source> stored = sources.insert(source, blobs::Manifest::fromEntries({}).value());
        QVERIFY(stored);
        storage::BuildStore builds(f.provider());
        Build build;
        build.projectId = f.projectId;
        build.sourceId = stored->id;
        build.status = BuildStatus::Queued;
        build.trigger = model::BuildTrigger::Rebuild;
        build.createdAt = Now;
        Result<Build> queued = builds.insert(build);
        QVERIFY(queued);

        QVERIFY(sources.remove(stored->id).ok());
        QVERIFY(sources.find(stored->id).value().has_value());
        QVERIFY(builds.cancelQueued(queued->id, Now, interrupted()).value());
        QVERIFY(sources.remove(stored->id).ok());
        QVERIFY(!sources.find(stored->id).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestBuildClaims)
#include "tst_buildclaims.moc"
