// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The randomized crash matrix: the real agent runs a seeded random mix of
// deploys, resumable archive uploads, activations, rollbacks, deletions and
// builds on two sites and is killed with SIGKILL after a random delay; in
// about half of the rounds the restart after that kill is killed too, at a
// random moment of its start (most often during the repair of the first
// crash); then it restarts and every invariant of tests/agent/crashinvariants.h must hold (see
// tests/agent/crashcheck.h). The seed is printed; DDD_CRASH_SEED=<seed>
// replays the same operations and delays, DDD_CRASH_ROUNDS=<n> sets how many
// kills (20 by default; docs/testing.md describes the long run).
#include "tests/agent/crashagent.h"
#include "tests/agent/crashcheck.h"
#include "tests/support/tempdataroot.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QtTest>

#include <csignal>
#include <memory>
#include <thread>

using ddd::test::CrashAgent;
using ddd::test::CrashCheck;

namespace {

constexpr int kDefaultRounds = 20;
constexpr int kMaxDelayMs = 1500;
constexpr int kFreshVersion = 999; // what CrashCheck deploys after each restart

quint32 settingFromEnvironment(const char *name, quint32 fallback)
{
    bool ok = false;
    const quint32 value = qEnvironmentVariable(name).toUInt(&ok);
    return ok ? value : fallback;
}

} // namespace

class TestCrashRandom final : public QObject
{
    Q_OBJECT

    ddd::test::TempDataRoot m_root;
    std::unique_ptr<CrashAgent> m_agent;
    quint32 m_seed = 0;
    bool m_failed = false;
    QRandomGenerator m_random;
    QList<CrashCheck::Site> m_sites;
    QSet<int> m_attempted{1, kFreshVersion}; // version markers any site may serve
    int m_next = 1;
    qint64 m_startMs = 0; // how long the last start took, to aim the start-up kills

    const CrashCheck::Site &anySite() { return m_sites.at(int(m_random.bounded(m_sites.size()))); }

    // A version of the site other than the live one, or 0.
    qint64 otherVersion(CrashAgent &agent, qint64 project)
    {
        QList<qint64> ids;
        for (const QJsonValue &version : agent.api().get(u"/api/v1/projects/%1/deploys"_qs.arg(project)).items()) {
            const QString status = version.toObject().value(u"status"_qs).toString();
            if (status == u"ready"_qs || status == u"retired"_qs)
                ids.append(version.toObject().value(u"id"_qs).toInteger());
        }
        return ids.isEmpty() ? 0 : ids.at(int(m_random.bounded(ids.size())));
    }

    // Version `n` as a resumable archive upload in two pieces, made live.
    static void sendArchiveUpload(CrashAgent &agent, qint64 project, int n)
    {
        const QByteArray archive = CrashAgent::siteArchive(n);
        const QString id = agent.api().post(u"/api/v1/projects/%1/archive-uploads"_qs.arg(project),
                                            {{u"size"_qs, archive.size()}}).json().value(u"id"_qs).toString();
        const qsizetype half = archive.size() / 2;
        for (const qsizetype offset : {qsizetype(0), half})
            agent.api().send("PATCH", u"/api/v1/archive-uploads/"_qs + id, archive.mid(offset, offset == 0 ? half : -1),
                             {{"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", QByteArray::number(offset)}});
        agent.api().post(u"/api/v1/archive-uploads/%1/complete"_qs.arg(id), {{u"activate"_qs, true}});
    }

    // One random operation; the agent may die at any moment during it.
    // Answers its name, for the round's log line.
    const char *operate(CrashAgent &agent)
    {
        static const char *const names[] = {"deploy", "deploy", "build", "activate", "rollback", "delete", "archive"};
        const CrashCheck::Site &site = anySite();
        const quint32 kind = m_random.bounded(7);
        switch (kind) {
        case 0:
        case 1:
            m_attempted.insert(++m_next);
            agent.deploy(site.project, m_next, m_random.bounded(3) != 0);
            break;
        case 2:
            m_attempted.insert(++m_next);
            agent.buildSource(site.project, m_next);
            break;
        case 3:
            if (const qint64 id = otherVersion(agent, site.project))
                agent.api().send("POST", u"/api/v1/deploys/%1/activate"_qs.arg(id));
            break;
        case 4:
            agent.rollback(site.project);
            break;
        case 5:
            if (const qint64 id = otherVersion(agent, site.project))
                agent.api().del(u"/api/v1/deploys/%1"_qs.arg(id));
            break;
        default:
            m_attempted.insert(++m_next);
            sendArchiveUpload(agent, site.project, m_next);
        }
        return names[kind];
    }

    // Operates until the killer thread's SIGKILL lands.
    void runUntilKilled(CrashAgent &agent, int delayMs)
    {
        const qint64 pid = agent.process().pid();
        std::thread killer([pid, delayMs] {
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
            ::kill(pid_t(pid), SIGKILL);
        });
        QByteArrayList done;
        while (!agent.process().hasExited())
            done.append(operate(agent));
        killer.join();
        qInfo("killed after %d ms during: %s", delayMs, done.join(' ').constData());
        QVERIFY2(agent.process().waitForKill(), "the agent ended before it was killed");
    }

    // Kills the restart somewhere in its start: the repair of the crash
    // just made, or the moments before it listens. A start may outrun the
    // kill; that round then merely tests one more clean start.
    void killDuringStart()
    {
        const int delayMs = int(m_random.bounded(quint32(std::max<qint64>(1, m_startMs))));
        const bool killed = m_agent->killDuringStart(delayMs);
        qInfo("its restart %s after %d ms (the last start took %lld ms)", killed ? "killed" : "ended first", delayMs,
              m_startMs);
    }

private slots:
    // The data root, the two sites and the seed live for the whole run; each
    // kill is a row of its own, so QtTest's per-function watchdog (5 minutes)
    // applies to one round, not to a run of a thousand.
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_seed = settingFromEnvironment("DDD_CRASH_SEED", QRandomGenerator::system()->generate());
        qInfo("crash seed %u (replay: DDD_CRASH_SEED=%u)", m_seed, m_seed);
        m_random.seed(m_seed);
        m_agent = std::make_unique<CrashAgent>(m_root.path());
        QVERIFY2(m_agent->start(), qPrintable(m_agent->process().output()));
        for (const QString &name : {u"Alpha"_qs, u"Beta"_qs}) {
            CrashCheck::Site site;
            site.project = m_agent->createProject(name, &site.host);
            QCOMPARE(m_agent->deploy(site.project, 1, true).status, 201);
            m_sites.append(site);
        }
        m_agent->stop();
    }

    void killAtRandomMoment_data()
    {
        QTest::addColumn<int>("round");
        const quint32 rounds = settingFromEnvironment("DDD_CRASH_ROUNDS", kDefaultRounds);
        for (quint32 round = 1; round <= rounds; ++round)
            QTest::addRow("kill %u", round) << int(round);
    }

    void killAtRandomMoment()
    {
        QFETCH(int, round);
        // After a failed round the data root is in an unknown state.
        QVERIFY2(!m_failed, "an earlier round failed");
        m_failed = true;
        QElapsedTimer started;
        started.start();
        QVERIFY2(m_agent->start(), qPrintable(m_agent->process().output()));
        m_startMs = started.elapsed();
        const int delayMs = int(m_random.bounded(kMaxDelayMs));
        runUntilKilled(*m_agent, delayMs);
        if (QTest::currentTestFailed())
            return;
        if (m_random.bounded(2) == 0)
            killDuringStart();
        const auto allowed = [this](const CrashCheck::Site &, int n) { return m_attempted.contains(n); };
        const QStringList violations = CrashCheck::afterCrash(*m_agent, m_sites, allowed);
        if (!violations.isEmpty()) {
            m_root.keep();
            qInfo("the data root is kept for a post-mortem: %s", qPrintable(m_root.path()));
        }
        QVERIFY2(violations.isEmpty(), qPrintable(u"seed %1, round %2, killed after %3 ms:\n"_qs.arg(m_seed).arg(round)
                                                      .arg(delayMs) + violations.join(u'\n')));
        m_failed = false;
    }
};

QTEST_GUILESS_MAIN(TestCrashRandom)
#include "tst_crashrandom.moc"
