// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Build logs in the database (BuildLogBook, BuildLog, BuildLogStore): the
// agent running a build ships its lines, and a follower on any agent gets
// every line in order, then the end; the cap; lines a failed write could
// not store; logs from before schema step 21 moved in from files.
#include "core/build/buildlog.h"
#include "core/build/buildlogbook.h"
#include "core/build/buildlogfollower.h"
#include "core/build/legacybuildlogs.h"
#include "core/storage/buildlogstore.h"
#include "core/storage/buildstore.h"
#include "tests/support/deployfixture.h"

#include <QtTest>

#include <atomic>

using namespace ddd::core;
using build::BuildLogBook;
using ddd::test::DeployFixture;

namespace {

// A running build of a new project of alice's.
qint64 runningBuild(DeployFixture &f, const QString &name)
{
    model::Build build;
    build.projectId = f.createProject(f.alice, name);
    build.status = model::BuildStatus::Running;
    build.trigger = model::BuildTrigger::Rebuild;
    build.createdAt = 1;
    Result<model::Build> stored = storage::BuildStore(f.provider()).insert(build);
    return stored ? stored->id : 0;
}

BuildLogBook::Options quickly(qint64 maxBytes = qint64(1) << 20)
{
    return {maxBytes, std::chrono::milliseconds(20), std::chrono::milliseconds(50)};
}

// Everything a follower has been given so far, lines and end.
struct Seen
{
    QByteArrayList lines;
    bool ended = false;
    QByteArray endData;

    void takeFrom(build::BuildLogFollower &follower)
    {
        build::BuildLogFollower::Batch batch = follower.take();
        lines += batch.lines;
        ended = ended || batch.ended;
        endData = batch.endData;
    }
};

} // namespace

class TestBuildLogBook final : public QObject
{
    Q_OBJECT

private slots:
    // Two books on one database stand for two agents: one runs the build,
    // the other's follower reads it.
    void followerOnAnotherAgentGetsEveryLineThenTheEnd()
    {
        DeployFixture f;
        const qint64 id = runningBuild(f, u"Followed"_qs);
        std::atomic<bool> ended = false;
        auto endOf = [&](qint64) { return ended ? std::optional<QByteArray>("{\"status\":\"succeeded\"}") : std::nullopt; };
        BuildLogBook runner(f.provider(), quickly(), endOf);
        BuildLogBook reader(f.provider(), quickly(), endOf);
        auto log = runner.open(id, {u"--token=abc"_qs});
        log->output("first");
        QTRY_COMPARE(reader.tail(id, -1).value(), QByteArray("first\n"));
        auto follower = reader.follow(id);
        QVERIFY(follower);
        Seen seen;
        seen.takeFrom(**follower);
        QCOMPARE(seen.lines, QByteArrayList{"first"});
        log->note("== build --token=abc");
        QTRY_VERIFY((seen.takeFrom(**follower), seen.lines.size() == 2));
        QCOMPARE(seen.lines.last(), QByteArray("== build --token=[redacted]"));
        log->output("last");
        runner.close(id);
        ended = true;
        QTRY_VERIFY((seen.takeFrom(**follower), seen.ended));
        QCOMPARE(seen.lines, (QByteArrayList{"first", "== build --token=[redacted]", "last"}));
        QCOMPARE(seen.endData, QByteArray("{\"status\":\"succeeded\"}"));
        QCOMPARE(reader.tail(id, 2).value(), QByteArray("== build --token=[redacted]\nlast\n"));
        QVERIFY(runner.runningHere().empty());
    }

    void followingAnEndedBuildReplaysItAndEnds()
    {
        DeployFixture f;
        const qint64 id = runningBuild(f, u"Ended"_qs);
        BuildLogBook book(f.provider(), quickly(), [](qint64) { return std::optional<QByteArray>("{}"); });
        book.open(id, {})->output("only line");
        book.close(id);
        auto follower = book.follow(id);
        QVERIFY(follower);
        Seen seen;
        seen.takeFrom(**follower);
        QCOMPARE(seen.lines, QByteArrayList{"only line"});
        QVERIFY(seen.ended);
    }

    void logIsCappedWithOneNote()
    {
        DeployFixture f;
        const qint64 id = runningBuild(f, u"Capped"_qs);
        BuildLogBook book(f.provider(), quickly(40), [](qint64) { return std::nullopt; });
        auto log = book.open(id, {});
        log->output("first line");
        log->note("TOKEN=abc second");
        log->output("this line no longer fits into the cap");
        log->output("nor this one");
        book.close(id);
        const QByteArray text = book.tail(id, -1).value();
        QCOMPARE(text.count("log truncated"), 1);
        QVERIFY(text.startsWith("first line\nTOKEN=[redacted] second\n== log truncated"));
        QCOMPARE(book.tail(id, 1).value(), text.mid(text.indexOf("== log")));
        QCOMPARE(book.tail(id, 0).value(), QByteArray());
        QCOMPARE(log->bytes(), qint64(text.size()));
    }

    // The table cannot take the chunk (renamed away meanwhile): the lines
    // wait in memory and go with the next chunk, in order.
    void linesAFailedWriteCouldNotStoreGoWithTheNext()
    {
        DeployFixture f;
        const qint64 id = runningBuild(f, u"Held"_qs);
        storage::BuildLogStore store(f.provider());
        build::BuildLog log(id, 1 << 20, build::LogRedactor());
        log.output("one");
        QVERIFY(f.db().exec(u"ALTER TABLE build_log_chunks RENAME TO held_chunks"_qs).ok());
        QVERIFY(!log.ship(store));
        log.output("two");
        QVERIFY(f.db().exec(u"ALTER TABLE held_chunks RENAME TO build_log_chunks"_qs).ok());
        QCOMPARE(log.ship(store).value(), true);
        QCOMPARE(log.ship(store).value(), false); // nothing new
        QCOMPARE(store.read(id).value(), QByteArray("one\ntwo\n"));
        QCOMPARE(store.after(id, 0).value().size(), 1);
    }

    // A build whose row is gone (its project deleted mid-build) takes its
    // log with it, and lines written afterwards are dropped, not retried.
    void aDeletedBuildTakesItsLogAlong()
    {
        DeployFixture f;
        const qint64 id = runningBuild(f, u"Deleted"_qs);
        storage::BuildLogStore store(f.provider());
        build::BuildLog log(id, 1 << 20, build::LogRedactor());
        log.output("before");
        QCOMPARE(log.ship(store).value(), true);
        QVERIFY(f.db().exec(u"DELETE FROM builds WHERE id = %1"_qs.arg(id)).ok());
        QCOMPARE(store.read(id).value(), QByteArray());
        log.output("after");
        QCOMPARE(log.ship(store).value(), false);
        QCOMPARE(log.ship(store).value(), false);
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM build_log_chunks"_qs), 0);
    }

    void filesFromBeforeTheDatabaseMoveIn()
    {
        DeployFixture f;
        const qint64 id = runningBuild(f, u"Legacy"_qs);
        const qint64 imported = runningBuild(f, u"Imported"_qs);
        storage::BuildLogStore store(f.provider());
        QVERIFY(store.append(imported, 1, "already here\n").ok());
        const QString dir = f.dataRoot() + u"/builds"_qs;
        QVERIFY(QDir().mkpath(dir));
        auto write = [&](const QString &name, const QByteArray &text) {
            QFile file(dir + u'/' + name);
            return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
        };
        QVERIFY(write(QString::number(id) + u".log"_qs, "old line\nno newline"));
        QVERIFY(write(QString::number(imported) + u".log"_qs, "a second copy\n"));
        QVERIFY(write(u"999999.log"_qs, "a deleted build's\n"));
        QCOMPARE(build::LegacyBuildLogs::import(store, dir), 3);
        QCOMPARE(store.read(id).value(), QByteArray("old line\nno newline\n"));
        QCOMPARE(store.read(imported).value(), QByteArray("already here\n"));
        QVERIFY(!QFileInfo::exists(dir));
        QCOMPARE(build::LegacyBuildLogs::import(store, dir), 0);
    }
};

QTEST_GUILESS_MAIN(TestBuildLogBook)
#include "tst_buildlogbook.moc"
