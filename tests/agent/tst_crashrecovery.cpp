// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// kill -9 at every named step of an upload, a deploy, an activation, a
// rollback, a deletion and a garbage collection, then restart the real
// ddd-agent on the same data directory: every invariant of
// tests/agent/crashinvariants.h holds, the site is exactly the old or the new
// version and a new deploy works. Builds, certificates and backups have
// their own files (tst_crashbuilds, tst_crashacme, tst_crashbackup).
#include "tests/agent/crashagent.h"
#include "tests/agent/crashcheck.h"
#include "tests/agent/crashinvariants.h"
#include "tests/support/tempdataroot.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QtTest>

using ddd::test::CrashAgent;
using ddd::test::CrashCheck;
using ddd::test::CrashInvariants;
using ddd::test::HttpReply;

class TestCrashRecovery final : public QObject
{
    Q_OBJECT

    // Starts an incremental upload of a new index.html and sends its bytes.
    static void sendOneBlob(CrashAgent &agent, qint64 project)
    {
        const QByteArray index = CrashAgent::pageBody(-1, 3);
        const QString hash = QString::fromLatin1(QCryptographicHash::hash(index, QCryptographicHash::Sha256).toHex());
        const QJsonArray files{QJsonObject{{u"path"_qs, u"index.html"_qs}, {u"sha256"_qs, hash}, {u"size"_qs, index.size()}}};
        const HttpReply plan = agent.api().post(u"/api/v1/projects/%1/uploads"_qs.arg(project), {{u"files"_qs, files}});
        agent.api().send("PUT", u"/api/v1/uploads/%1/blobs/%2"_qs.arg(plan.json().value(u"uploadId"_qs).toString(), hash),
                         index);
    }

    // Sends the first half of version 2 as a resumable archive upload.
    static void sendHalfAnArchive(CrashAgent &agent, qint64 project)
    {
        const QByteArray archive = CrashAgent::siteArchive(2);
        const HttpReply created =
            agent.api().post(u"/api/v1/projects/%1/archive-uploads"_qs.arg(project), {{u"size"_qs, archive.size()}});
        agent.api().send("PATCH", u"/api/v1/archive-uploads/"_qs + created.json().value(u"id"_qs).toString(),
                         archive.left(archive.size() / 2),
                         {{"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", "0"}});
    }

    // Version 1 live; version 2 ready ("delete") or live ("rollback").
    static qint64 prepare(CrashAgent &agent, qint64 project, const QString &action)
    {
        if (agent.deploy(project, 1, true).status != 201)
            return -1;
        if (action == u"delete")
            return agent.deploy(project, 2, false).json().value(u"id"_qs).toInteger();
        if (action == u"rollback")
            return agent.deploy(project, 2, true).status == 201 ? 0 : -1;
        return 0;
    }

    static void act(CrashAgent &agent, qint64 project, const QString &action, qint64 doomed)
    {
        if (action == u"deploy")
            agent.deploy(project, 2, true);
        else if (action == u"blob")
            sendOneBlob(agent, project);
        else if (action == u"archive")
            sendHalfAnArchive(agent, project);
        else if (action == u"rollback")
            agent.rollback(project);
        else
            agent.api().del(u"/api/v1/deploys/%1"_qs.arg(doomed));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killAndRestart_data()
    {
        QTest::addColumn<QString>("crashPoint");
        QTest::addColumn<QString>("action");
        QTest::newRow("mid blob upload") << u"upload.chunk_written"_qs << u"blob"_qs;
        QTest::newRow("mid archive upload") << u"archive.chunk_written"_qs << u"archive"_qs;
        QTest::newRow("spool written") << u"deploy.spool_written"_qs << u"deploy"_qs;
        QTest::newRow("mid ingest") << u"ingest.blob_staged"_qs << u"deploy"_qs;
        QTest::newRow("rules checked") << u"ingest.rules_checked"_qs << u"deploy"_qs;
        QTest::newRow("blobs committed") << u"deploy.blobs_committed"_qs << u"deploy"_qs;
        QTest::newRow("variants committed") << u"compress.variants_committed"_qs << u"deploy"_qs;
        QTest::newRow("version committed") << u"deploy.version_committed"_qs << u"deploy"_qs;
        QTest::newRow("before activation") << u"activation.before_commit"_qs << u"deploy"_qs;
        QTest::newRow("activation committed") << u"activation.committed"_qs << u"deploy"_qs;
        QTest::newRow("before rollback") << u"activation.before_commit"_qs << u"rollback"_qs;
        QTest::newRow("rollback committed") << u"activation.committed"_qs << u"rollback"_qs;
        QTest::newRow("version deleted") << u"retention.version_deleted"_qs << u"delete"_qs;
        QTest::newRow("mid garbage collection") << u"gc.blob_removed"_qs << u"delete"_qs;
    }

    // Sets the site up, restarts with DDD_CRASH_AT and acts until the kill.
    static void crashOnce(CrashAgent &agent, CrashCheck::Site &site, const QString &crashPoint, const QString &action)
    {
        QVERIFY2(agent.start(), qPrintable(agent.process().output()));
        site.project = agent.createProject(u"Crash"_qs, &site.host);
        const qint64 doomed = prepare(agent, site.project, action);
        QVERIFY(doomed >= 0);
        // Version 1's variants made now, or the restart below would meet the
        // compression point while it catches up, before any request.
        const int versions = action == u"delete" || action == u"rollback" ? 2 : 1;
        QTRY_VERIFY_WITH_TIMEOUT(CrashInvariants::decidedBlobs(agent.dataDir()) >= versions * (1 + CrashAgent::kPages), 30000);
        agent.stop();

        QVERIFY2(agent.start(crashPoint), qPrintable(agent.process().output()));
        act(agent, site.project, action, doomed);
        QVERIFY2(agent.process().waitForKill(), "the crash point was never reached");
    }

    void killAndRestart()
    {
        QFETCH(QString, crashPoint);
        QFETCH(QString, action);
        ddd::test::TempDataRoot root;
        CrashAgent agent(root.path());
        CrashCheck::Site site;
        crashOnce(agent, site, crashPoint, action);
        if (QTest::currentTestFailed())
            return;

        const QStringList violations = CrashCheck::afterCrash(agent, {site}, CrashCheck::oneOf({1, 2}));
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    // The restart that repairs a crash is killed too, at the point its
    // repair meets: garbage left by a deletion, variants a deploy never got.
    void killDuringRecovery_data()
    {
        QTest::addColumn<QString>("crashPoint");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("recoveryPoint");
        QTest::newRow("collecting at start-up") << u"retention.version_deleted"_qs << u"delete"_qs << u"gc.blob_removed"_qs;
        QTest::newRow("compressing at start-up")
            << u"deploy.version_committed"_qs << u"deploy"_qs << u"compress.variants_committed"_qs;
    }

    void killDuringRecovery()
    {
        QFETCH(QString, crashPoint);
        QFETCH(QString, action);
        QFETCH(QString, recoveryPoint);
        ddd::test::TempDataRoot root;
        CrashAgent agent(root.path());
        CrashCheck::Site site;
        crashOnce(agent, site, crashPoint, action);
        if (QTest::currentTestFailed())
            return;
        // Killed before or just after it listens, depending on the step.
        (void)agent.process().start(recoveryPoint);
        QVERIFY2(agent.process().waitForKill(), "the recovery never reached its crash point");

        const QStringList violations = CrashCheck::afterCrash(agent, {site}, CrashCheck::oneOf({1, 2}));
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
