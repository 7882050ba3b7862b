// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// What a build log line looks like after redaction, and the log file's cap.
#include "core/build/buildlog.h"
#include "core/build/buildlogfollower.h"
#include "core/build/logredactor.h"

#include <QTemporaryDir>
#include <QtTest>

using ddd::core::build::BuildLog;
using ddd::core::build::LogRedactor;

class TestLogRedactor final : public QObject
{
    Q_OBJECT

private slots:
    void redacts_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bearer") << QByteArray("Authorization: Bearer eyJhbGci.x.y")
                                << QByteArray("Authorization: Bearer [redacted]");
        QTest::newRow("hex run") << QByteArray("commit 0123456789abcdef0123456789abcdef done")
                                 << QByteArray("commit [redacted] done");
        QTest::newRow("short hex stays") << QByteArray("id deadbeef") << QByteArray("id deadbeef");
        QTest::newRow("env key") << QByteArray("export AWS_SECRET_ACCESS_KEY=abc123")
                                 << QByteArray("export AWS_SECRET_ACCESS_KEY=[redacted]");
        QTest::newRow("lower case") << QByteArray("npm_config_password=hunter2 ok")
                                    << QByteArray("npm_config_password=[redacted] ok");
        QTest::newRow("flag") << QByteArray("deploy --token=abcd --verbose") << QByteArray("deploy --token=[redacted] --verbose");
        QTest::newRow("flag with space") << QByteArray("cli --api-key xyz") << QByteArray("cli --api-key [redacted]");
        QTest::newRow("flag value") << QByteArray("base is https://private.example/") << QByteArray("base is [redacted]/");
        QTest::newRow("ordinary") << QByteArray("Built 12 pages in 40 ms") << QByteArray("Built 12 pages in 40 ms");
    }

    void redacts()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, expected);
        const LogRedactor redactor(LogRedactor::flagValues({u"--baseURL=https://private.example"_qs, u"--x=1"_qs}));
        QCOMPARE(redactor.redact(line), expected);
    }

    void logIsCappedWithOneNoteAndFeedsFollowers()
    {
        QTemporaryDir dir;
        BuildLog log(dir.filePath(u"builds/1.log"_qs), 40, LogRedactor());
        QVERIFY(log.open().ok());
        log.output("first line");
        auto follower = log.follow();
        log.note("TOKEN=abc second");
        log.output("this line no longer fits into the cap");
        log.output("nor this one");
        log.finish("{}");
        const QByteArray text = *BuildLog::readTail(dir.filePath(u"builds/1.log"_qs), -1);
        QCOMPARE(text.count("log truncated"), 1);
        QVERIFY(text.startsWith("first line\nTOKEN=[redacted] second\n"));
        const auto batch = follower->take();
        QCOMPARE(batch.lines.size(), 3);
        QCOMPARE(batch.lines.at(0), QByteArray("first line"));
        QVERIFY(batch.ended);
        QCOMPARE(*BuildLog::readTail(dir.filePath(u"builds/1.log"_qs), 1), text.mid(text.indexOf("== log")));
    }
};

QTEST_GUILESS_MAIN(TestLogRedactor)
#include "tst_logredactor.moc"
