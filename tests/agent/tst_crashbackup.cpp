// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// `ddd-agent backup` killed with SIGKILL while it copies (beside a running
// agent): nothing at the destination is presented as a backup (restore
// refuses it), the agent's garbage collection is not held up by the dead
// backup's lock, and the next backup to the same destination succeeds and
// leaves no half-written copy behind. `ddd-agent restore` killed the same
// way leaves no data root, and the next restore succeeds and removes what
// the killed one left beside it.
#include "tests/agent/crashagent.h"
#include "tests/agent/crashcheck.h"
#include "tests/agent/crashinvariants.h"
#include "tests/support/tempdataroot.h"

#include <QDir>
#include <QProcess>
#include <QtTest>

#include <csignal>

using ddd::test::CrashAgent;
using ddd::test::CrashCheck;
using ddd::test::CrashInvariants;

class TestCrashBackup final : public QObject
{
    Q_OBJECT

    struct Run
    {
        bool killed = false;
        int exitCode = -1;
        QString err;
    };

    static Run agentCommand(const QStringList &arguments, const QString &crashPoint = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"DDD_CRASH_AT"_qs);
        if (!crashPoint.isEmpty())
            environment.insert(u"DDD_CRASH_AT"_qs, crashPoint);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DDD_AGENT_BINARY), arguments);
        process.waitForFinished(120000);
        const bool killed = process.exitStatus() == QProcess::CrashExit && process.exitCode() == SIGKILL;
        return {killed, process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killDuringBackup_data()
    {
        QTest::addColumn<QString>("crashPoint");
        QTest::newRow("blobs copied") << u"backup.blobs_copied"_qs;
        QTest::newRow("manifest written") << u"backup.manifest_written"_qs;
    }

    void killDuringBackup()
    {
        QFETCH(QString, crashPoint);
        ddd::test::TempDataRoot root;
        QTemporaryDir out;
        const QString destination = out.filePath(u"backup"_qs);
        CrashAgent agent(root.path());
        QVERIFY2(agent.start(), qPrintable(agent.process().output()));
        CrashCheck::Site site;
        site.project = agent.createProject(u"Backup"_qs, &site.host);
        QCOMPARE(agent.deploy(site.project, 1, true).status, 201);
        const qint64 doomed = agent.deploy(site.project, 2, false).json().value(u"id"_qs).toInteger();

        QVERIFY(agentCommand({u"backup"_qs, destination, u"--data-dir"_qs, root.path()}, crashPoint).killed);
        QVERIFY(!QFileInfo::exists(destination));
        const Run refused = agentCommand({u"restore"_qs, destination, u"--data-dir"_qs, out.filePath(u"restored"_qs)});
        QVERIFY2(refused.exitCode != 0, qPrintable(refused.err));

        // The dead backup's lock went with it: deleting a version collects now.
        QCOMPARE(agent.api().del(u"/api/v1/deploys/%1"_qs.arg(doomed)).status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(CrashInvariants::decidedBlobs(root.path()) >= 1 + CrashAgent::kPages, 30000);
        agent.stop();
        QCOMPARE(CrashInvariants::onDisk(root.path()), QStringList());

        const Run again = agentCommand({u"backup"_qs, destination, u"--data-dir"_qs, root.path()});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{u"backup"_qs});
        const Run restored = agentCommand({u"restore"_qs, destination, u"--data-dir"_qs, out.filePath(u"restored"_qs)});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QCOMPARE(CrashCheck::afterCrash(agent, {site}, CrashCheck::oneOf({1})), QStringList());
    }

    void killDuringRestore()
    {
        ddd::test::TempDataRoot root;
        QTemporaryDir out;
        const QString backup = out.filePath(u"backup"_qs);
        const QString restored = out.filePath(u"restored"_qs);
        CrashAgent agent(root.path());
        QVERIFY2(agent.start(), qPrintable(agent.process().output()));
        QByteArray host;
        QCOMPARE(agent.deploy(agent.createProject(u"Restore"_qs, &host), 1, true).status, 201);
        agent.stop();
        const Run written = agentCommand({u"backup"_qs, backup, u"--data-dir"_qs, root.path()});
        QVERIFY2(written.exitCode == 0, qPrintable(written.err));

        const QStringList restoreArguments{u"restore"_qs, backup, u"--data-dir"_qs, restored};
        QVERIFY(agentCommand(restoreArguments, u"restore.files_copied"_qs).killed);
        QVERIFY(!QFileInfo::exists(restored));
        const QStringList beside = QDir(out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        QCOMPARE(beside.size(), 2); // the backup and the killed restore's hidden sibling
        QVERIFY2(beside.filter(u".restored.restoring-"_qs).size() == 1, qPrintable(beside.join(u' ')));

        const Run again = agentCommand(restoreArguments);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 (QStringList{u"backup"_qs, u"restored"_qs}));
        const Run checked = agentCommand({u"check"_qs, u"--data-dir"_qs, restored});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
    }
};

QTEST_GUILESS_MAIN(TestCrashBackup)
#include "tst_crashbackup.moc"
