// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Storage faults on a real agent whose data root is a small ext4 loop file
// system (root only; registered only when configured as root): the kernel
// remounting it read-only (as after an I/O error) during upload, ingest,
// activation, build and backup answers a stable code (`storage.read_only`,
// 503), a full disk during activation, build and backup answers
// `storage.disk_full` (the upload paths: tst_diskfull), a database lock
// held past the busy timeout `storage.busy`. Never a crash or a hang, the
// live site served byte for byte throughout, and after the operator's fix
// (space freed; unmount, e2fsck, mount, restart) nothing is half-written and
// a new deploy goes live.
#include "tests/agent/faultsite.h"
#include "tests/support/commandresult.h"
#include "tests/support/zipbuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using ddd::test::CommandResult;
using ddd::test::FaultSite;
using ddd::test::HttpReply;
using ddd::test::ZipBuilder;

class TestStorageFaults final : public QObject
{
    Q_OBJECT

    FaultSite m_site;

    void expectReadOnly(const HttpReply &reply)
    {
        QVERIFY2(reply.status == 503, reply.body.constData());
        QCOMPARE(reply.errorCode(), u"storage.read_only"_qs);
        QVERIFY(m_site.liveUntouched());
    }

    void expectRecovery()
    {
        QString why;
        QVERIFY2(m_site.recovers(&why), qPrintable(why));
    }

    void makeReadOnly()
    {
        QVERIFY(m_site.disk().makeReadOnly());
        QVERIFY(m_site.liveUntouched());
    }

    void repairAndRecover()
    {
        QVERIFY2(m_site.restartAfterRepair(), qPrintable(m_site.agent().output()));
        expectRecovery();
    }

    CommandResult backup(const QString &destination)
    {
        return CommandResult::run(QStringLiteral(DDD_AGENT_BINARY),
                                  {u"backup"_qs, destination, u"--data-dir"_qs, m_site.dataDir()});
    }

    // A plain site (copied, no sandbox); `padding` random bytes make its
    // work copy larger than what a test leaves free.
    qint64 uploadSource(qsizetype padding = 0)
    {
        QByteArray noise(padding, Qt::Uninitialized);
        for (char &byte : noise)
            byte = char(QRandomGenerator::global()->bounded(256));
        const QByteArray zip = ZipBuilder().file("index.html", "<html>built</html>").file("noise.bin", noise, false).build();
        const HttpReply source = m_site.api().send("POST", u"/api/v1/projects/%1/sources"_qs.arg(m_site.project()),
                                                   zip, {{"Content-Type", "application/zip"}});
        return source.status == 201 ? source.json().value(u"id"_qs).toInteger() : 0;
    }

    // Build `id` reads as failed, alone and in its project's list.
    void expectEnded(qint64 id)
    {
        QCOMPARE(m_site.api().get(u"/api/v1/builds/%1"_qs.arg(id)).json().value(u"status"_qs).toString(), u"failed"_qs);
        const QJsonArray listed = m_site.api().get(u"/api/v1/projects/%1/builds"_qs.arg(m_site.project())).items();
        QVERIFY(!listed.isEmpty());
        QCOMPARE(listed.first().toObject().value(u"status"_qs).toString(), u"failed"_qs);
    }

    // Whether the build is still queued after a few seconds.
    bool staysQueued(qint64 id)
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 3000) {
            const QJsonObject build = m_site.api().get(u"/api/v1/builds/%1"_qs.arg(id)).json();
            if (build.value(u"status"_qs).toString() != u"queued"_qs)
                return false;
            QTest::qWait(100);
        }
        return true;
    }

    HttpReply startBuild(qint64 source, bool activate = true)
    {
        return m_site.api().post(u"/api/v1/projects/%1/builds"_qs.arg(m_site.project()),
                                 {{u"sourceId"_qs, source}, {u"activate"_qs, activate}});
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QString why;
        QVERIFY2(m_site.setUp(64, &why), qPrintable(why));
    }

    void cleanup() { m_site.tearDown(); }

    void readOnlyDuringArchiveDeploy()
    {
        makeReadOnly();
        expectReadOnly(m_site.deployZip(FaultSite::siteZip("two")));
        repairAndRecover();
    }

    void readOnlyDuringBlobPut()
    {
        const QByteArray content = "a blob the read-only disk cannot take";
        const QString hash = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        const QJsonArray files{QJsonObject{{u"path"_qs, u"index.html"_qs}, {u"sha256"_qs, hash}, {u"size"_qs, content.size()}}};
        const HttpReply plan = m_site.api().post(u"/api/v1/projects/%1/uploads"_qs.arg(m_site.project()), {{u"files"_qs, files}});
        QVERIFY2(plan.status == 201 || plan.status == 200, plan.body.constData());
        makeReadOnly();
        expectReadOnly(m_site.api().send(
            "PUT", u"/api/v1/uploads/%1/blobs/%2"_qs.arg(plan.json().value(u"uploadId"_qs).toString(), hash), content));
        repairAndRecover();
    }

    // An archive upload session: the first piece lands, the second meets the
    // read-only disk; after the repair the session resumes from its offset.
    void readOnlyDuringArchiveSession()
    {
        const QByteArray archive = FaultSite::siteZip("session");
        const HttpReply created = m_site.api().post(u"/api/v1/projects/%1/archive-uploads"_qs.arg(m_site.project()),
                                                    {{u"size"_qs, archive.size()}});
        QCOMPARE(created.status, 201);
        const QString session = u"/api/v1/archive-uploads/"_qs + created.json().value(u"id"_qs).toString();
        const qint64 half = archive.size() / 2;
        QCOMPARE(m_site.api().send("PATCH", session, archive.left(half), {{"Upload-Offset", "0"}}).status, 200);
        makeReadOnly();
        expectReadOnly(m_site.api().send("PATCH", session, archive.mid(half), {{"Upload-Offset", QByteArray::number(half)}}));
        QVERIFY2(m_site.restartAfterRepair(), qPrintable(m_site.agent().output()));
        const qint64 offset = m_site.api().get(session).json().value(u"offset"_qs).toInteger();
        QCOMPARE(offset, half);
        QCOMPARE(m_site.api().send("PATCH", session, archive.mid(offset), {{"Upload-Offset", QByteArray::number(offset)}}).status, 200);
        QCOMPARE(m_site.api().post(session + u"/complete"_qs, {{u"activate"_qs, false}}).status, 201);
        QVERIFY(m_site.liveUntouched());
        expectRecovery();
    }

    void readOnlyDuringActivationAndRollback()
    {
        const HttpReply ready = m_site.deployZip(FaultSite::siteZip("two"), false);
        QCOMPARE(ready.status, 201);
        makeReadOnly();
        expectReadOnly(m_site.api().post(u"/api/v1/deploys/%1/activate"_qs.arg(ready.json().value(u"id"_qs).toInteger()), {}));
        expectReadOnly(m_site.api().post(u"/api/v1/projects/%1/rollback"_qs.arg(m_site.project()), {}));
        repairAndRecover();
    }

    // The build either cannot be recorded (503 storage.read_only) or runs and
    // fails on the disk; never a 500, never stuck, the site untouched.
    void readOnlyDuringBuild()
    {
        const qint64 source = uploadSource();
        QVERIFY(source > 0);
        makeReadOnly();
        const HttpReply build = startBuild(source);
        if (build.status == 202) {
            const QJsonObject done = m_site.waitForBuild(build.json().value(u"id"_qs).toInteger());
            QCOMPARE(done.value(u"status"_qs).toString(), u"failed"_qs);
            QCOMPARE(done.value(u"error"_qs).toObject().value(u"code"_qs).toString(), u"storage.read_only"_qs);
            QVERIFY(m_site.liveUntouched());
        } else {
            expectReadOnly(build);
        }
        repairAndRecover();
    }

    void readOnlyBackupDestination()
    {
        makeReadOnly();
        QTemporaryDir elsewhere;
        // The data root itself is readable: a backup of it still works.
        const CommandResult saved = backup(elsewhere.filePath(u"b"_qs));
        QVERIFY2(saved.ok(), qPrintable(saved.output));
        const CommandResult refused = backup(m_site.disk().path() + u"/backup"_qs);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.output.contains(u"storage.read_only"_qs), qPrintable(refused.output));
        repairAndRecover();
        QCOMPARE(QDir(m_site.disk().path()).entryList({u"*backup*"_qs}, QDir::AllEntries | QDir::Hidden), QStringList());
    }

    // Activation writes little: it either fits (the whole new version is
    // live) or is refused with 507 (the old one is); never anything between.
    void fullDiskDuringActivation()
    {
        const HttpReply ready = m_site.deployZip(FaultSite::siteZip("two"), false);
        QCOMPARE(ready.status, 201);
        QVERIFY(m_site.disk().fillLeaving(0));
        const HttpReply activated =
            m_site.api().post(u"/api/v1/deploys/%1/activate"_qs.arg(ready.json().value(u"id"_qs).toInteger()), {});
        if (activated.status == 507) {
            QCOMPARE(activated.errorCode(), u"storage.disk_full"_qs);
            QVERIFY(m_site.liveUntouched());
        } else {
            QCOMPARE(activated.status, 200);
            QCOMPARE(m_site.served(u"/"_qs), QByteArray("<html>two</html>"));
            QCOMPARE(m_site.served(u"/app.js"_qs), QByteArray("var v = \"two\";"));
            m_site.disk().freeSpace();
            QCOMPARE(m_site.api().post(u"/api/v1/projects/%1/rollback"_qs.arg(m_site.project()), {}).status, 200);
        }
        m_site.disk().freeSpace();
        expectRecovery();
    }

    void fullDiskDuringBuild()
    {
        const qint64 source = uploadSource(4 << 20);
        QVERIFY(source > 0);
        QVERIFY(m_site.disk().fillLeaving(512 * 1024));
        const HttpReply build = startBuild(source);
        if (build.status == 202) {
            const QJsonObject done = m_site.waitForBuild(build.json().value(u"id"_qs).toInteger());
            QCOMPARE(done.value(u"status"_qs).toString(), u"failed"_qs);
            const QJsonObject error = done.value(u"error"_qs).toObject();
            QVERIFY2(error.value(u"code"_qs).toString() == u"storage.disk_full"_qs,
                     QJsonDocument(error).toJson().constData());
        } else {
            QCOMPARE(build.status, 507);
            QCOMPARE(build.errorCode(), u"storage.disk_full"_qs);
        }
        QVERIFY(m_site.liveUntouched());
        m_site.disk().freeSpace();
        expectRecovery();
    }

    // Not even the build's end fits in the database: the API shows it ended
    // all the same, and once there is room the next read records it (failed)
    // without waiting for another build request or a restart, so the
    // project is never blocked by a build whose row still says "running".
    void buildEndOnAFullDatabase()
    {
        const qint64 source = uploadSource();
        QVERIFY(source > 0);
        QVERIFY(m_site.disk().fillLeaving(0));
        const HttpReply build = startBuild(source, false); // the live site must stay as it was
        if (build.status != 202) {
            QCOMPARE(build.status, 507);
            QCOMPARE(build.errorCode(), u"storage.disk_full"_qs);
        } else if (const qint64 id = build.json().value(u"id"_qs).toInteger(); staysQueued(id)) {
            // The queue lives in the database: a full one keeps any agent from
            // claiming the build, which waits for space, then runs.
            m_site.disk().freeSpace();
            QCOMPARE(m_site.waitForBuild(id).value(u"status"_qs).toString(), u"succeeded"_qs);
        } else {
            // The stream ends with the build, recorded or not.
            QVERIFY(m_site.api().get(u"/api/v1/builds/%1/log/stream"_qs.arg(id)).body.contains("event: end"));
            QVERIFY(m_site.liveUntouched());
            expectEnded(id);
            m_site.disk().freeSpace();
            expectEnded(id); // this read records it
            // Had it stayed unrecorded, the restart would mark it build.interrupted.
            QVERIFY(m_site.restartAfterRepair());
            const QJsonObject stored = m_site.api().get(u"/api/v1/builds/%1"_qs.arg(id)).json();
            QCOMPARE(stored.value(u"status"_qs).toString(), u"failed"_qs);
            QVERIFY(stored.value(u"error"_qs).toObject().value(u"code"_qs).toString() != u"build.interrupted"_qs);
            const HttpReply next = startBuild(source, false);
            QCOMPARE(next.status, 202);
            const QJsonObject done = m_site.waitForBuild(next.json().value(u"id"_qs).toInteger());
            QCOMPARE(done.value(u"status"_qs).toString(), u"succeeded"_qs);
        }
        m_site.disk().freeSpace();
        expectRecovery();
    }

    void fullBackupDestination()
    {
        QVERIFY(m_site.disk().fillLeaving(16 * 1024));
        const CommandResult refused = backup(m_site.disk().path() + u"/backup"_qs);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.output.contains(u"storage.disk_full"_qs), qPrintable(refused.output));
        QCOMPARE(QDir(m_site.disk().path()).entryList({u"*backup*"_qs}, QDir::AllEntries | QDir::Hidden), QStringList());
        QVERIFY(m_site.liveUntouched());
        m_site.disk().freeSpace();
        expectRecovery();
        const CommandResult saved = backup(m_site.disk().path() + u"/backup"_qs);
        QVERIFY2(saved.ok(), qPrintable(saved.output));
    }

    // Another process holds the database's write lock past the busy timeout:
    // a deploy answers 503 storage.busy (with Retry-After), the site is
    // served meanwhile, and the deploy works once the lock is gone.
    void databaseLockedPastTheBusyTimeout()
    {
        sqlite3 *holder = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(m_site.dataDir() + u"/agent.db"_qs).constData(), &holder), SQLITE_OK);
        sqlite3_busy_timeout(holder, 10000); // the agent may be writing (compressed variants)
        QCOMPARE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
        const HttpReply refused = m_site.deployZip(FaultSite::siteZip("two"));
        QVERIFY(m_site.liveUntouched());
        sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(holder);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.errorCode(), u"storage.busy"_qs);
        QVERIFY(!refused.header("Retry-After").isEmpty());
        expectRecovery();
    }
};

QTEST_GUILESS_MAIN(TestStorageFaults)
#include "tst_storagefaults.moc"
