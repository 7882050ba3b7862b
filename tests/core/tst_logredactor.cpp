// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// What a build log line looks like after redaction.
#include "core/build/logredactor.h"

#include <QtTest>

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
};

QTEST_GUILESS_MAIN(TestLogRedactor)
#include "tst_logredactor.moc"
