// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The retry budget both resumable uploads share: waits and immediate
// resumptions draw on one list, progress refills it, stop() drops a pending retry.
#include "core/client/retryschedule.h"

#include <QtTest>

using ddd::core::client::RetrySchedule;
using namespace std::chrono_literals;

class TestRetrySchedule final : public QObject
{
    Q_OBJECT

private slots:
    void laterRunsAfterItsDelayUntilTheBudgetIsSpent()
    {
        RetrySchedule retries;
        retries.setDelays({0ms, 0ms});
        int ran = 0;
        QVERIFY(retries.later([&] { ++ran; }));
        QTRY_COMPARE(ran, 1);
        QVERIFY(retries.later([&] { ++ran; }));
        QTRY_COMPARE(ran, 2);
        QCOMPARE(retries.attempts(), 2);
        QVERIFY(!retries.later([&] { ++ran; })); // spent: the caller fails the upload
        QVERIFY(!retries.takeImmediate());
    }

    void immediateResumptionsDrawOnTheSameBudget()
    {
        RetrySchedule retries;
        retries.setDelays({0ms, 0ms});
        QVERIFY(retries.takeImmediate());
        QVERIFY(retries.takeImmediate());
        QVERIFY(!retries.later([] {}));
        retries.reset(); // a piece went through
        QCOMPARE(retries.attempts(), 0);
        QVERIFY(retries.takeImmediate());
    }

    void stopDropsThePendingRetry()
    {
        RetrySchedule retries;
        retries.setDelays({50ms});
        bool ran = false;
        QVERIFY(retries.later([&] { ran = true; }));
        retries.stop();
        QTest::qWait(200);
        QVERIFY(!ran);
    }
};

QTEST_GUILESS_MAIN(TestRetrySchedule)
#include "tst_retryschedule.moc"
