// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/bodyprogress.h"

#include <QtTest>

using ddd::agent::http::BodyProgress;
using namespace std::chrono_literals;

// The rules with explicit times: idle 10 s, at least 100 bytes/s over 20 s.
class TestBodyProgress final : public QObject
{
    Q_OBJECT

    static constexpr BodyProgress::Rules rules{10s, 100, 20s};
    const BodyProgress::Clock::time_point t0{};

private slots:
    void nothingArrivingIsIdleAfterTheIdleTimeout()
    {
        const BodyProgress progress(rules, t0);
        QCOMPARE(progress.deadline(), t0 + 10s);
        QVERIFY(!progress.brokenRule(t0 + 9s));
        QVERIFY(progress.brokenRule(t0 + 10s)->contains(u"no body bytes arrived for 10 s"_qs));
    }

    void eachChunkRestartsTheIdleClock()
    {
        BodyProgress progress(rules, t0);
        progress.received(5000, t0 + 8s);
        QCOMPARE(progress.deadline(), t0 + 18s);
        QVERIFY(!progress.brokenRule(t0 + 17s));
    }

    // A steady upload far longer than the window and well above the floor
    // is never cut: the old absolute deadline failed exactly this one.
    void aSteadyLongUploadNeverBreaksARule()
    {
        BodyProgress progress(rules, t0);
        for (int second = 1; second <= 600; ++second) {
            const auto now = t0 + std::chrono::seconds(second);
            QVERIFY2(!progress.brokenRule(now), qPrintable(QString::number(second)));
            progress.received(150, now);
            QVERIFY(progress.deadline() > now);
        }
    }

    // A byte every 5 s keeps the idle rule quiet; the rate rule catches it,
    // but only once a whole window has passed.
    void aDripIsCutOffByTheRateRule()
    {
        BodyProgress progress(rules, t0);
        for (int second = 5; second < 20; second += 5)
            progress.received(1, t0 + std::chrono::seconds(second));
        QVERIFY(!progress.brokenRule(t0 + 19s));
        progress.received(1, t0 + 19s);
        QCOMPARE(progress.deadline(), t0 + 20s);
        const std::optional<QString> rule = progress.brokenRule(t0 + 20s);
        QVERIFY(rule);
        QVERIFY2(rule->contains(u"slower than 100 bytes/s over 20 s"_qs), qPrintable(*rule));
    }

    // After a fast start the count in the window falls only as old bytes
    // slide out: the deadline is when too few remain, not sooner.
    void aStallAfterAFastStartBreaksWhenTheWindowEmpties()
    {
        BodyProgress progress(rules, t0);
        progress.received(100'000, t0 + 2s);
        // 100,000 bytes cover the window's 2,000 until they leave it at 22 s;
        // idle strikes first, at 12 s.
        QCOMPARE(progress.deadline(), t0 + 12s);
        progress.received(1, t0 + 10s);
        QCOMPARE(progress.deadline(), t0 + 20s); // idle again at 20 s
        progress.received(1, t0 + 19s);
        QCOMPARE(progress.deadline(), t0 + 22s); // the big chunk leaves the window
        QVERIFY(!progress.brokenRule(t0 + 21s));
        QVERIFY(progress.brokenRule(t0 + 22s)->contains(u"slower than"_qs));
    }

    // Chunks closer together than a sixteenth of the window share a sample,
    // counted from its earlier time: strict by at most that much.
    void closeChunksShareASample()
    {
        BodyProgress progress(rules, t0);
        progress.received(100'000, t0 + 1s);
        QCOMPARE(progress.deadline(), t0 + 11s);
        progress.received(1, t0 + 10s);
        progress.received(1, t0 + 19s);
        QCOMPARE(progress.deadline(), t0 + 20s);
    }

    void aZeroFloorTurnsTheRateRuleOff()
    {
        BodyProgress progress({10s, 0, 20s}, t0);
        for (int second = 5; second <= 100; second += 5)
            progress.received(1, t0 + std::chrono::seconds(second));
        QVERIFY(!progress.brokenRule(t0 + 104s));
        QCOMPARE(progress.deadline(), t0 + 110s);
    }
};

QTEST_GUILESS_MAIN(TestBodyProgress)
#include "tst_bodyprogress.moc"
