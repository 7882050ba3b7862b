// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The per-project 404 list stays bounded whatever visitors ask for: at most
// pathsPerProject paths (the one seen longest ago makes room), each cut to
// maxPathLength, and requests for no project are not kept.
#include "agent/site/missingpaths.h"

#include <QtTest>

using ddd::agent::site::MissingPaths;

class TestMissingPaths final : public QObject
{
    Q_OBJECT

private slots:
    void countsAndOrders()
    {
        MissingPaths missing;
        missing.record(1, u"/a"_qs, 10);
        missing.record(1, u"/b"_qs, 20);
        missing.record(1, u"/b"_qs, 30);
        missing.record(2, u"/c"_qs, 40);
        const auto list = missing.forProject(1);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).path, u"/b"_qs);
        QCOMPARE(list.at(0).count, 2);
        QCOMPARE(list.at(0).lastSeenMs, 30);
        QCOMPARE(list.at(1).path, u"/a"_qs);
        QCOMPARE(missing.forProject(2).size(), 1);
        QVERIFY(missing.forProject(3).isEmpty());
    }

    void dropsTheStalestWhenFull()
    {
        MissingPaths missing;
        for (int i = 0; i < MissingPaths::pathsPerProject; ++i)
            missing.record(1, u"/p%1"_qs.arg(i), 100 + i);
        missing.record(1, u"/p0"_qs, 1000); // seen again: no longer the stalest
        missing.record(1, u"/new"_qs, 1001);
        QStringList paths;
        for (const auto &entry : missing.forProject(1))
            paths << entry.path;
        QCOMPARE(paths.size(), MissingPaths::pathsPerProject);
        QVERIFY(paths.contains(u"/new"_qs));
        QVERIFY(paths.contains(u"/p0"_qs));
        QVERIFY(!paths.contains(u"/p1"_qs));
    }

    void cutsLongPathsAndIgnoresUnknownProjects()
    {
        MissingPaths missing;
        missing.record(1, u"/"_qs + QString(5000, u'x'), 1);
        missing.record(0, u"/nobody"_qs, 1);
        missing.record(1, QString(), 1);
        const auto list = missing.forProject(1);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().path.size(), MissingPaths::maxPathLength);
        QVERIFY(missing.forProject(0).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMissingPaths)
#include "tst_missingpaths.moc"
