// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/crashpoint.h"

#include <QProcess>
#include <QtTest>

// The child runs this very executable with one test function selected, so
// the crash happens in a process of its own.
class TestCrashPoint final : public QObject
{
    Q_OBJECT

    static QProcess *runChild(const QByteArray &crashAt)
    {
        auto *child = new QProcess;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DDD_CRASH_AT"_qs, QString::fromLatin1(crashAt));
        child->setProcessEnvironment(environment);
        child->start(QCoreApplication::applicationFilePath(), {u"passesUnnamedPoints"_qs});
        return child;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Also the child's body: without DDD_CRASH_AT naming "test.point" it passes.
    void passesUnnamedPoints()
    {
        ddd::core::CrashPoint::hit("test.point");
        ddd::core::CrashPoint::hit("");
    }

    void killsAtTheNamedPoint_data()
    {
        QTest::addColumn<QByteArray>("crashAt");
        QTest::addColumn<bool>("killed");
        QTest::newRow("named") << QByteArray("test.point") << true;
        QTest::newRow("another point") << QByteArray("other.point") << false;
        QTest::newRow("prefix") << QByteArray("test") << false;
        QTest::newRow("unset") << QByteArray() << false;
    }

    void killsAtTheNamedPoint()
    {
        QFETCH(QByteArray, crashAt);
        QFETCH(bool, killed);
        std::unique_ptr<QProcess> child(runChild(crashAt));
        QVERIFY(child->waitForFinished(60000));
        QCOMPARE(child->exitStatus() == QProcess::CrashExit, killed);
        QCOMPARE(child->readAllStandardOutput().contains("PASS   : TestCrashPoint::passesUnnamedPoints()"), !killed);
    }
};

QTEST_GUILESS_MAIN(TestCrashPoint)
#include "tst_crashpoint.moc"
