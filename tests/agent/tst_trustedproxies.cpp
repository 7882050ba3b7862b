// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/trustedproxies.h"

#include <QtTest>

using namespace ddd::agent::http;

class TestTrustedProxies final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void resolvesTheClient_data()
    {
        QTest::addColumn<QStringList>("trusted");
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QList<QByteArray>>("forwardedFor");
        QTest::addColumn<QString>("client");

        const QStringList proxy{u"10.0.0.1"_qs};
        QTest::newRow("no proxies: header ignored")
            << QStringList() << u"192.0.2.9"_qs << QList<QByteArray>{"203.0.113.7"} << u"192.0.2.9"_qs;
        QTest::newRow("untrusted peer: header ignored")
            << proxy << u"192.0.2.9"_qs << QList<QByteArray>{"203.0.113.7"} << u"192.0.2.9"_qs;
        QTest::newRow("trusted peer, one hop")
            << proxy << u"10.0.0.1"_qs << QList<QByteArray>{"203.0.113.7"} << u"203.0.113.7"_qs;
        QTest::newRow("trusted peer, spoofed left entries ignored")
            << proxy << u"10.0.0.1"_qs << QList<QByteArray>{"1.1.1.1, 203.0.113.7"} << u"203.0.113.7"_qs;
        QTest::newRow("chain of trusted proxies")
            << QStringList{u"10.0.0.0/8"_qs} << u"10.0.0.1"_qs << QList<QByteArray>{"203.0.113.7, 10.2.2.2"}
            << u"203.0.113.7"_qs;
        QTest::newRow("several fields in order")
            << QStringList{u"10.0.0.0/8"_qs} << u"10.0.0.1"_qs << QList<QByteArray>{"198.51.100.1", "10.3.3.3"}
            << u"198.51.100.1"_qs;
        QTest::newRow("trusted peer without header")
            << proxy << u"10.0.0.1"_qs << QList<QByteArray>{} << u"10.0.0.1"_qs;
        QTest::newRow("malformed hop stops at last vouched address")
            << QStringList{u"10.0.0.0/8"_qs} << u"10.0.0.1"_qs << QList<QByteArray>{"203.0.113.7, junk, 10.2.2.2"}
            << u"10.2.2.2"_qs;
        QTest::newRow("all hops trusted: leftmost")
            << QStringList{u"10.0.0.0/8"_qs} << u"10.0.0.1"_qs << QList<QByteArray>{"10.9.9.9, 10.2.2.2"}
            << u"10.9.9.9"_qs;
        QTest::newRow("ipv6 proxy and client")
            << QStringList{u"::1"_qs} << u"::1"_qs << QList<QByteArray>{"2001:db8::5"} << u"2001:db8::5"_qs;
        QTest::newRow("mapped ipv4 peer matches ipv4 entry")
            << proxy << u"::ffff:10.0.0.1"_qs << QList<QByteArray>{"203.0.113.7"} << u"203.0.113.7"_qs;
        QTest::newRow("mapped ipv4 untrusted peer reported as ipv4")
            << proxy << u"::ffff:192.0.2.9"_qs << QList<QByteArray>{"203.0.113.7"} << u"192.0.2.9"_qs;
    }

    void resolvesTheClient()
    {
        QFETCH(QStringList, trusted);
        QFETCH(QString, peer);
        QFETCH(QList<QByteArray>, forwardedFor);
        QFETCH(QString, client);
        const auto proxies = TrustedProxies::fromList(trusted);
        QVERIFY(proxies.ok());
        QCOMPARE(proxies->resolveClient(QHostAddress(peer), forwardedFor).toString(), client);
    }

    void refusesMalformedEntries_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::newRow("name") << u"proxy.example"_qs;
        QTest::newRow("empty") << QString();
        QTest::newRow("bad subnet") << u"10.0.0.0/40"_qs;
        QTest::newRow("address with port") << u"10.0.0.1:80"_qs;
    }

    void refusesMalformedEntries()
    {
        QFETCH(QString, entry);
        const auto proxies = TrustedProxies::fromList({u"10.0.0.1"_qs, entry});
        QVERIFY(!proxies.ok());
        QCOMPARE(proxies.error().code, u"http.invalid_trusted_proxy"_qs);
        QCOMPARE(proxies.error().details.value(u"entry"_qs).toString(), entry);
    }

    void defaultTrustsNobody()
    {
        const TrustedProxies nobody;
        QVERIFY(!nobody.isTrusted(QHostAddress(u"127.0.0.1"_qs)));
        QCOMPARE(nobody.resolveClient(QHostAddress(u"127.0.0.1"_qs), {"203.0.113.7"}).toString(), u"127.0.0.1"_qs);
    }
};

QTEST_GUILESS_MAIN(TestTrustedProxies)
#include "tst_trustedproxies.moc"
