// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/transfermeter.h"
#include "tests/support/fakeclock.h"

#include <QtTest>

using ddd::app::TransferMeter;
using ddd::test::FakeClock;

class TestTransferMeter final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void unknownUntilThereIsASpanToMeasure()
    {
        FakeClock clock;
        TransferMeter meter(clock);
        QVERIFY(!meter.bytesPerSecond());
        meter.record(0);
        clock.advanceMs(100);
        meter.record(1000);
        QVERIFY(!meter.bytesPerSecond());
        QVERIFY(!meter.secondsLeft(10'000));
    }

    void rateAndTimeLeftFollowTheRecentWindow()
    {
        FakeClock clock;
        TransferMeter meter(clock, 5000);
        for (int second = 0; second <= 10; ++second) {
            meter.record(qint64(second) * 1000); // 1 kB/s for ten seconds
            clock.advanceMs(1000);
        }
        QCOMPARE(*meter.bytesPerSecond(), 1000.0);
        QCOMPARE(*meter.secondsLeft(15'000), 5);
        for (int second = 1; second <= 6; ++second) {
            clock.advanceMs(1000);
            meter.record(10'000 + qint64(second) * 4000); // then 4 kB/s
        }
        QCOMPARE(*meter.bytesPerSecond(), 4000.0);
        QCOMPARE(*meter.secondsLeft(38'001), 2); // 4001 bytes at 4000 B/s: rounds up
    }

    void stallMeansNoEstimate()
    {
        FakeClock clock;
        TransferMeter meter(clock, 2000);
        meter.record(500);
        clock.advanceMs(3000);
        meter.record(500);
        QCOMPARE(*meter.bytesPerSecond(), 0.0);
        QVERIFY(!meter.secondsLeft(1000));
    }

    void fewerBytesThanBeforeStartsOver()
    {
        FakeClock clock;
        TransferMeter meter(clock);
        meter.record(0);
        clock.advanceMs(1000);
        meter.record(5000);
        meter.record(100); // a new plan after the agent restarted
        QVERIFY(!meter.bytesPerSecond());
    }
};

QTEST_GUILESS_MAIN(TestTransferMeter)
#include "tst_transfermeter.moc"
