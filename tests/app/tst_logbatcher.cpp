// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Log lines are handed on in batches and only the newest `capacity` kept.
#include "app/logbatcher.h"

#include <QtTest>

using ddd::app::LogBatcher;

class TestLogBatcher final : public QObject
{
    Q_OBJECT

private slots:
    void linesArriveInOneBatchPerInterval()
    {
        LogBatcher batcher(100);
        QSignalSpy ready(&batcher, &LogBatcher::ready);
        for (int i = 0; i < 50; ++i)
            batcher.add({QString::number(i)});
        QCOMPARE(ready.size(), 0); // nothing before the interval passes
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(ready.first().at(1).toInt(), 50);
        QVERIFY(ready.first().at(0).toString().startsWith(u"0\n1\n2"_qs));
        QCOMPARE(batcher.pendingCount(), 0);
    }

    void onlyTheNewestLinesAreKept()
    {
        LogBatcher batcher(3);
        QSignalSpy ready(&batcher, &LogBatcher::ready);
        batcher.add({u"a"_qs, u"b"_qs});
        batcher.add({u"c"_qs, u"d"_qs, u"e"_qs});
        QCOMPARE(batcher.pendingCount(), 3);
        QCOMPARE(batcher.droppedCount(), 2);
        batcher.flush();
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.first().at(0).toString(), u"c\nd\ne"_qs);
    }

    void flushWithNothingPendingSaysNothingAndClearForgets()
    {
        LogBatcher batcher(10);
        QSignalSpy ready(&batcher, &LogBatcher::ready);
        batcher.flush();
        batcher.add({u"x"_qs});
        batcher.clear();
        batcher.flush();
        QCOMPARE(ready.size(), 0);
        QCOMPARE(batcher.droppedCount(), 0);
    }
};

QTEST_MAIN(TestLogBatcher)
#include "tst_logbatcher.moc"
