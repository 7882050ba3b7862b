// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/hostfield.h"

#include <QtTest>

using ddd::agent::http::HostField;

class TestHostField final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void normalisesValidHosts_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("host");
        QTest::newRow("name") << QByteArray("example.com") << u"example.com"_qs;
        QTest::newRow("upper case") << QByteArray("Example.COM") << u"example.com"_qs;
        QTest::newRow("with port") << QByteArray("example.com:8080") << u"example.com"_qs;
        QTest::newRow("empty port") << QByteArray("example.com:") << u"example.com"_qs;
        QTest::newRow("trailing dot") << QByteArray("example.com.") << u"example.com"_qs;
        QTest::newRow("single label") << QByteArray("localhost") << u"localhost"_qs;
        QTest::newRow("underscore and dash") << QByteArray("my_site-1.test") << u"my_site-1.test"_qs;
        QTest::newRow("ipv4 with port") << QByteArray("127.0.0.1:80") << u"127.0.0.1"_qs;
        QTest::newRow("ipv6 literal") << QByteArray("[::1]") << u"[::1]"_qs;
        QTest::newRow("ipv6 literal with port") << QByteArray("[2001:DB8::1]:443") << u"[2001:db8::1]"_qs;
        QTest::newRow("63-byte label") << QByteArray(63, 'a') + ".test" << QString(63, u'a') + u".test"_qs;
    }

    void normalisesValidHosts()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, host);
        QCOMPARE(HostField::normalise(value), std::optional<QString>(host));
    }

    void refusesInvalidHosts_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("only port") << QByteArray(":80");
        QTest::newRow("space") << QByteArray("exa mple.com");
        QTest::newRow("path") << QByteArray("example.com/x");
        QTest::newRow("userinfo") << QByteArray("user@example.com");
        QTest::newRow("empty label") << QByteArray("a..b");
        QTest::newRow("leading dot") << QByteArray(".example.com");
        QTest::newRow("64-byte label") << QByteArray(64, 'a');
        QTest::newRow("name over 253 bytes") << (QByteArray(60, 'a') + '.').repeated(5);
        QTest::newRow("port too large") << QByteArray("example.com:65536");
        QTest::newRow("port not numeric") << QByteArray("example.com:http");
        QTest::newRow("two colons") << QByteArray("a:1:2");
        QTest::newRow("bare ipv6") << QByteArray("::1");
        QTest::newRow("unclosed literal") << QByteArray("[::1");
        QTest::newRow("literal not ipv6") << QByteArray("[127.0.0.1]");
        QTest::newRow("literal with scope") << QByteArray("[fe80::1%25eth0]");
        QTest::newRow("junk after literal") << QByteArray("[::1]x");
        QTest::newRow("percent-encoded") << QByteArray("ex%41mple.com");
        QTest::newRow("control byte") << QByteArray("exa\x01mple.com");
        QTest::newRow("non-ascii") << QByteArray("b\xc3\xbcro.test");
    }

    void refusesInvalidHosts()
    {
        QFETCH(QByteArray, value);
        QCOMPARE(HostField::normalise(value), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestHostField)
#include "tst_hostfield.moc"
