// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// kill -9 at every named step of a build (the plain builder, so no sandbox
// is needed): its row queued, its work folder created, its output stored as
// a version. After the restart no build is left queued or running, the
// interrupted one says so, the work folder is gone, the site is the old or
// the new version and every invariant of crashinvariants.h holds.
#include "tests/agent/crashagent.h"
#include "tests/agent/crashcheck.h"
#include "tests/agent/crashinvariants.h"
#include "tests/support/tempdataroot.h"

#include <QJsonArray>
#include <QtTest>

using ddd::test::CrashAgent;
using ddd::test::CrashCheck;
using ddd::test::CrashInvariants;

class TestCrashBuilds final : public QObject
{
    Q_OBJECT

    static QStringList buildStatuses(CrashAgent &agent, qint64 project)
    {
        if (!agent.start())
            return {u"no restart"_qs};
        QStringList statuses;
        for (const QJsonValue &build : agent.api().get(u"/api/v1/projects/%1/builds"_qs.arg(project)).items())
            statuses.append(build.toObject().value(u"status"_qs).toString());
        agent.stop();
        return statuses;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killAndRestart_data()
    {
        QTest::addColumn<QString>("crashPoint");
        QTest::addColumn<QString>("outcome");
        // A queued build runs again after the restart; a running one is
        // marked interrupted (even when its version was already stored).
        QTest::newRow("build queued") << u"build.queued"_qs << u"succeeded"_qs;
        QTest::newRow("work folder created") << u"build.work_created"_qs << u"interrupted"_qs;
        QTest::newRow("output stored") << u"build.output_stored"_qs << u"interrupted"_qs;
    }

    void killAndRestart()
    {
        QFETCH(QString, crashPoint);
        QFETCH(QString, outcome);
        ddd::test::TempDataRoot root;
        CrashAgent agent(root.path());
        QVERIFY2(agent.start(), qPrintable(agent.process().output()));
        CrashCheck::Site site;
        site.project = agent.createProject(u"Builds"_qs, &site.host);
        QCOMPARE(agent.deploy(site.project, 1, true).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(CrashInvariants::decidedBlobs(root.path()) >= 1 + CrashAgent::kPages, 30000);
        agent.stop();

        QVERIFY2(agent.start(crashPoint), qPrintable(agent.process().output()));
        agent.buildSource(site.project, 2);
        QVERIFY2(agent.process().waitForKill(), "the crash point was never reached");

        const QStringList violations = CrashCheck::afterCrash(agent, {site}, CrashCheck::oneOf({1, 2}));
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
        QCOMPARE(buildStatuses(agent, site.project), QStringList{outcome});
    }

    // A build killed while it ran leaves no row running on a stopped agent
    // either: the next start marks it before anything else.
    void interruptedBuildCanRunAgain()
    {
        ddd::test::TempDataRoot root;
        CrashAgent agent(root.path());
        QVERIFY2(agent.start(u"build.work_created"_qs), qPrintable(agent.process().output()));
        CrashCheck::Site site;
        site.project = agent.createProject(u"Again"_qs, &site.host);
        agent.buildSource(site.project, 1);
        QVERIFY(agent.process().waitForKill());
        QVERIFY(agent.start());
        const qint64 build = agent.api().post(u"/api/v1/projects/%1/builds"_qs.arg(site.project), {{u"activate"_qs, true}}).json()
                                 .value(u"id"_qs).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(agent.api().get(u"/api/v1/builds/%1"_qs.arg(build)).json().value(u"status"_qs).toString(),
                                  u"succeeded"_qs, 60000);
        QCOMPARE(agent.servedVersion(site.host), 1);
        agent.stop();
        QCOMPARE(CrashInvariants::onDisk(root.path()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCrashBuilds)
#include "tst_crashbuilds.moc"
