// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/requesttarget.h"

#include <QtTest>

using ddd::agent::http::RequestTarget;

class TestRequestTarget final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parsesTargets_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("authority");
        QTest::newRow("root") << QByteArray("/") << u"/"_qs << QString() << QString();
        QTest::newRow("query") << QByteArray("/a?x=1&y=%20") << u"/a"_qs << u"x=1&y=%20"_qs << QString();
        QTest::newRow("empty query") << QByteArray("/a?") << u"/a"_qs << QString() << QString();
        QTest::newRow("percent-decoded") << QByteArray("/a%20b/%C3%A9") << u"/a b/\u00e9"_qs << QString() << QString();
        QTest::newRow("encoded slash decoded") << QByteArray("/a%2Fb") << u"/a/b"_qs << QString() << QString();
        QTest::newRow("dot segments kept") << QByteArray("/a/../b") << u"/a/../b"_qs << QString() << QString();
        QTest::newRow("raw utf-8") << QByteArray("/\xc3\xa9") << u"/\u00e9"_qs << QString() << QString();
        QTest::newRow("asterisk") << QByteArray("*") << u"*"_qs << QString() << QString();
        QTest::newRow("absolute form") << QByteArray("http://Example.com:8080/p?q=1") << u"/p"_qs << u"q=1"_qs
                                       << u"example.com"_qs;
        QTest::newRow("absolute form without path") << QByteArray("https://example.com") << u"/"_qs << QString()
                                                    << u"example.com"_qs;
        QTest::newRow("absolute form query only") << QByteArray("http://example.com?q") << u"/"_qs << u"q"_qs
                                                  << u"example.com"_qs;
    }

    void parsesTargets()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(QString, authority);
        const auto target = RequestTarget::parse(raw);
        QVERIFY(target.ok());
        QCOMPARE(target->path(), path);
        QCOMPARE(target->query().query(QUrl::FullyEncoded), query);
        QCOMPARE(target->authorityHost(), authority);
    }

    void refusesTargets_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("code");
        QTest::newRow("relative") << QByteArray("a/b") << u"http.bad_target"_qs;
        QTest::newRow("empty") << QByteArray() << u"http.bad_target"_qs;
        QTest::newRow("authority form") << QByteArray("example.com:443") << u"http.bad_target"_qs;
        QTest::newRow("other scheme") << QByteArray("ftp://example.com/") << u"http.bad_target"_qs;
        QTest::newRow("userinfo") << QByteArray("http://u@example.com/") << u"http.bad_target"_qs;
        QTest::newRow("fragment") << QByteArray("/a#b") << u"http.bad_target"_qs;
        QTest::newRow("NUL") << QByteArray("/a%00") << u"http.bad_path"_qs;
        QTest::newRow("overlong utf-8") << QByteArray("/%C0%AF") << u"http.bad_path"_qs;
        QTest::newRow("truncated utf-8") << QByteArray("/%C3") << u"http.bad_path"_qs;
        QTest::newRow("raw invalid utf-8") << QByteArray("/\xff") << u"http.bad_path"_qs;
        QTest::newRow("short escape") << QByteArray("/a%4") << u"http.bad_path"_qs;
        QTest::newRow("non-hex escape") << QByteArray("/a%g1") << u"http.bad_path"_qs;
    }

    void refusesTargets()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, code);
        const auto target = RequestTarget::parse(raw);
        QVERIFY(!target.ok());
        QCOMPARE(target.error().code, code);
    }
};

QTEST_GUILESS_MAIN(TestRequestTarget)
#include "tst_requesttarget.moc"
