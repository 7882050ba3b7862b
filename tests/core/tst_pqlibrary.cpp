// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/pgconnection.h"
#include "core/storage/pqlibrary.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using ddd::core::storage::PgConnection;
using ddd::core::storage::PqLibrary;

namespace {

// Set in the child this test starts: where to write what open() said.
constexpr char kChildOutput[] = "DDD_TEST_PQ_CHILD_OUTPUT";

bool libpqMapped()
{
    QFile maps(u"/proc/self/maps"_qs);
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libpq.so");
}

// The child's whole run: one open() with whatever libpq the loader finds.
int runChild(const QByteArray &outputPath)
{
    const auto opened = PgConnection::open("host=127.0.0.1 port=1 dbname=postgres");
    QFile output(QString::fromLocal8Bit(outputPath));
    if (!output.open(QIODevice::WriteOnly))
        return 2;
    output.write(opened ? QByteArray("opened") : (opened.error().code + u' ' + opened.error().message).toUtf8());
    return 0;
}

} // namespace

// libpq is loaded when PostgreSQL is first asked for, not at start-up
// (docs/performance.md: its libraries were 2.6 MiB of every process), and
// a missing libpq is a clear refusal, not a crash.
class TestPqLibrary final : public QObject
{
    Q_OBJECT

private slots:
    void loadedOnFirstUseOnly()
    {
        QVERIFY(!libpqMapped());
        const auto refused = PgConnection::open("host=127.0.0.1 port=1 dbname=postgres");
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"storage.unavailable"_qs);
        QVERIFY(PqLibrary::available());
        QVERIFY(libpqMapped());
    }

    void withoutLibpqOpenIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile broken(dir.filePath(u"libpq.so.5"_qs)); // found first, and not a library
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.close();
        const QString outputPath = dir.filePath(u"said.txt"_qs);
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LD_LIBRARY_PATH"_qs, dir.path());
        environment.insert(QString::fromLatin1(kChildOutput), outputPath);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitCode(), 0);
        QFile output(outputPath);
        QVERIFY(output.open(QIODevice::ReadOnly));
        const QByteArray said = output.readAll();
        QVERIFY2(said.startsWith("storage.unavailable "), said.constData());
        QVERIFY2(said.contains("libpq5"), said.constData());
    }
};

int main(int argc, char **argv)
{
    if (const QByteArray output = qgetenv(kChildOutput); !output.isEmpty())
        return runChild(output);
    QCoreApplication app(argc, argv);
    TestPqLibrary test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pqlibrary.moc"
