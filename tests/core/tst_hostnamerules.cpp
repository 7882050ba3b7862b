// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/hostnamerules.h"

#include <QtTest>

using ddd::core::HostnameRules;

class TestHostnameRules final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void projectDomain_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalised"); // empty when refused
        QTest::addColumn<QString>("reason");

        const QString label63(63, u'a');
        const QString total253 = label63 + u'.' + label63 + u'.' + label63 + u'.' + QString(61, u'd');
        QTest::newRow("plain") << u"example.com"_qs << u"example.com"_qs << QString();
        QTest::newRow("upper case lowered") << u"WWW.Example.COM"_qs << u"www.example.com"_qs << QString();
        QTest::newRow("one trailing dot stripped") << u"example.com."_qs << u"example.com"_qs << QString();
        QTest::newRow("deep") << u"a.b.example.co.uk"_qs << u"a.b.example.co.uk"_qs << QString();
        QTest::newRow("punycode") << u"xn--bcher-kva.example"_qs << u"xn--bcher-kva.example"_qs << QString();
        QTest::newRow("inner hyphens") << u"a--b.ex-ample.com"_qs << u"a--b.ex-ample.com"_qs << QString();
        QTest::newRow("digit-led label") << u"1password.com"_qs << u"1password.com"_qs << QString();
        QTest::newRow("alphanumeric tld") << u"example.a1"_qs << u"example.a1"_qs << QString();
        QTest::newRow("label of 63") << label63 + u".com"_qs << label63 + u".com"_qs << QString();
        QTest::newRow("253 characters") << total253 << total253 << QString();
        QTest::newRow("253 plus dot") << total253 + u'.' << total253 << QString();

        QTest::newRow("empty") << QString() << QString() << u"empty"_qs;
        QTest::newRow("only a dot") << u"."_qs << QString() << u"empty"_qs;
        QTest::newRow("two trailing dots") << u"example.com.."_qs << QString() << u"empty_label"_qs;
        QTest::newRow("leading dot") << u".example.com"_qs << QString() << u"empty_label"_qs;
        QTest::newRow("double dot") << u"example..com"_qs << QString() << u"empty_label"_qs;
        QTest::newRow("label of 64") << QString(64, u'a') + u".com"_qs << QString() << u"label_too_long"_qs;
        QTest::newRow("254 characters") << total253 + u'd' << QString() << u"too_long"_qs;
        QTest::newRow("leading hyphen") << u"-example.com"_qs << QString() << u"hyphen_at_label_edge"_qs;
        QTest::newRow("trailing hyphen") << u"example-.com"_qs << QString() << u"hyphen_at_label_edge"_qs;
        QTest::newRow("hyphen tld") << u"example.-"_qs << QString() << u"hyphen_at_label_edge"_qs;
        QTest::newRow("underscore") << u"exa_mple.com"_qs << QString() << u"invalid_character"_qs;
        QTest::newRow("space") << u"exa mple.com"_qs << QString() << u"invalid_character"_qs;
        QTest::newRow("leading space") << u" example.com"_qs << QString() << u"invalid_character"_qs;
        QTest::newRow("wildcard") << u"*.example.com"_qs << QString() << u"invalid_character"_qs;
        QTest::newRow("port") << u"example.com:80"_qs << QString() << u"invalid_character"_qs;
        QTest::newRow("path") << u"example.com/a"_qs << QString() << u"invalid_character"_qs;
        QTest::newRow("unicode") << u"bücher.example"_qs << QString() << u"invalid_character"_qs;
        // Unicode lower-casing would turn KELVIN SIGN into an ASCII "k".
        QTest::newRow("kelvin sign") << u"\u212Aexample.com"_qs << QString() << u"invalid_character"_qs;
        QTest::newRow("single label") << u"localhost"_qs << QString() << u"single_label"_qs;
        QTest::newRow("single label dot") << u"localhost."_qs << QString() << u"single_label"_qs;
        QTest::newRow("ipv4") << u"192.168.1.1"_qs << QString() << u"ip_literal"_qs;
        QTest::newRow("ipv4 leading zero") << u"01.2.3.4"_qs << QString() << u"numeric_tld"_qs;
        QTest::newRow("ipv6 bracketed") << u"[::1]"_qs << QString() << u"invalid_character"_qs;
        QTest::newRow("ipv6 bare") << u"::1"_qs << QString() << u"invalid_character"_qs;
        QTest::newRow("numeric tld") << u"example.123"_qs << QString() << u"numeric_tld"_qs;
        QTest::newRow("traversal") << u"../../etc"_qs << QString() << u"empty_label"_qs;
    }

    void projectDomain()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalised);
        QFETCH(QString, reason);
        const auto result = HostnameRules::normaliseProjectDomain(input);
        if (reason.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().details.value(u"reason"_qs).toString()));
            QCOMPARE(*result, normalised);
            return;
        }
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"project.invalid_domain"_qs);
        QCOMPARE(result.error().details.value(u"reason"_qs).toString(), reason);
    }

    void hostName_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("valid");
        QTest::newRow("single label") << u"localhost"_qs << true;
        QTest::newRow("one letter") << u"a"_qs << true;
        QTest::newRow("domain") << u"www.example.com"_qs << true;
        QTest::newRow("numeric single label") << u"123"_qs << false;
        QTest::newRow("ipv4 is no name") << u"10.0.0.1"_qs << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("empty label") << u"a..b"_qs << false;
        QTest::newRow("hyphen edge") << u"-a"_qs << false;
        QTest::newRow("upper case is not normalised") << u"Localhost"_qs << false;
    }

    void hostName()
    {
        QFETCH(QString, host);
        QFETCH(bool, valid);
        QCOMPARE(HostnameRules::isValidHostName(host), valid);
    }

    void hostHeader_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("host"); // empty when refused
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("port"); // -1: none
        QTest::addColumn<QString>("reason");

        const int name = int(HostnameRules::HostKind::Name);
        const int v4 = int(HostnameRules::HostKind::IPv4);
        const int v6 = int(HostnameRules::HostKind::IPv6);
        QTest::newRow("name") << QByteArray("example.com") << u"example.com"_qs << name << -1 << QString();
        QTest::newRow("name and port") << QByteArray("Example.COM:8080") << u"example.com"_qs << name << 8080 << QString();
        QTest::newRow("trailing dot and port") << QByteArray("example.com.:443") << u"example.com"_qs << name << 443 << QString();
        QTest::newRow("single label") << QByteArray("localhost:3000") << u"localhost"_qs << name << 3000 << QString();
        QTest::newRow("highest port") << QByteArray("a.example:65535") << u"a.example"_qs << name << 65535 << QString();
        QTest::newRow("ipv4") << QByteArray("127.0.0.1") << u"127.0.0.1"_qs << v4 << -1 << QString();
        QTest::newRow("ipv4 and port") << QByteArray("192.0.2.10:80") << u"192.0.2.10"_qs << v4 << 80 << QString();
        QTest::newRow("ipv6") << QByteArray("[::1]") << u"::1"_qs << v6 << -1 << QString();
        QTest::newRow("ipv6 and port") << QByteArray("[::1]:8443") << u"::1"_qs << v6 << 8443 << QString();
        QTest::newRow("ipv6 upper case") << QByteArray("[2001:DB8::1]") << u"2001:db8::1"_qs << v6 << -1 << QString();
        QTest::newRow("ipv4-mapped ipv6") << QByteArray("[::ffff:192.0.2.1]") << u"::ffff:192.0.2.1"_qs << v6 << -1 << QString();

        QTest::newRow("empty") << QByteArray() << QString() << 0 << -1 << u"empty"_qs;
        QTest::newRow("empty port") << QByteArray("example.com:") << QString() << 0 << -1 << u"invalid_port"_qs;
        QTest::newRow("port zero") << QByteArray("example.com:0") << QString() << 0 << -1 << u"invalid_port"_qs;
        QTest::newRow("port too big") << QByteArray("example.com:65536") << QString() << 0 << -1 << u"invalid_port"_qs;
        QTest::newRow("port six digits") << QByteArray("example.com:000080") << QString() << 0 << -1 << u"invalid_port"_qs;
        QTest::newRow("signed port") << QByteArray("example.com:+80") << QString() << 0 << -1 << u"invalid_port"_qs;
        QTest::newRow("port with space") << QByteArray("example.com: 80") << QString() << 0 << -1 << u"invalid_port"_qs;
        QTest::newRow("two colons") << QByteArray("a:1:2") << QString() << 0 << -1 << u"invalid_character"_qs;
        QTest::newRow("bare ipv6") << QByteArray("::1") << QString() << 0 << -1 << u"invalid_character"_qs;
        QTest::newRow("unclosed bracket") << QByteArray("[::1") << QString() << 0 << -1 << u"unclosed_bracket"_qs;
        QTest::newRow("empty brackets") << QByteArray("[]") << QString() << 0 << -1 << u"invalid_ipv6"_qs;
        QTest::newRow("zone id") << QByteArray("[fe80::1%25eth0]") << QString() << 0 << -1 << u"invalid_ipv6"_qs;
        QTest::newRow("ipvfuture") << QByteArray("[v1.fe]") << QString() << 0 << -1 << u"invalid_ipv6"_qs;
        QTest::newRow("ipv4 in brackets") << QByteArray("[192.0.2.1]") << QString() << 0 << -1 << u"invalid_ipv6"_qs;
        QTest::newRow("junk after bracket") << QByteArray("[::1]x") << QString() << 0 << -1 << u"invalid_port"_qs;
        QTest::newRow("space") << QByteArray("exa mple.com") << QString() << 0 << -1 << u"invalid_character"_qs;
        QTest::newRow("user info") << QByteArray("user@example.com") << QString() << 0 << -1 << u"invalid_character"_qs;
        QTest::newRow("path") << QByteArray("example.com/x") << QString() << 0 << -1 << u"invalid_character"_qs;
        QTest::newRow("crlf") << QByteArray("example.com\r\n") << QString() << 0 << -1 << u"invalid_character"_qs;
        QTest::newRow("utf-8") << QByteArray("b\xc3\xbc" "cher.de") << QString() << 0 << -1 << u"invalid_character"_qs;
        QTest::newRow("traversal") << QByteArray("../../etc") << QString() << 0 << -1 << u"empty_label"_qs;
        QTest::newRow("octet too big") << QByteArray("256.1.1.1") << QString() << 0 << -1 << u"numeric_tld"_qs;
        QTest::newRow("three octets") << QByteArray("1.2.3") << QString() << 0 << -1 << u"numeric_tld"_qs;
        QTest::newRow("bare number") << QByteArray("123") << QString() << 0 << -1 << u"numeric_tld"_qs;
    }

    void hostHeader()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, host);
        QFETCH(int, kind);
        QFETCH(int, port);
        QFETCH(QString, reason);
        const auto result = HostnameRules::parseHostHeader(value);
        if (!reason.isEmpty()) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, u"http.invalid_host"_qs);
            QCOMPARE(result.error().details.value(u"reason"_qs).toString(), reason);
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().details.value(u"reason"_qs).toString()));
        QCOMPARE(result->host, host);
        QCOMPARE(int(result->kind), kind);
        QCOMPARE(result->port ? int(*result->port) : -1, port);
    }
};

QTEST_GUILESS_MAIN(TestHostnameRules)
#include "tst_hostnamerules.moc"
