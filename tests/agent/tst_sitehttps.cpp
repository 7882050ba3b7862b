// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// HTTPS for sites over real sockets: plain HTTP stays on site.port, HTTPS
// opens on site.https_port when there is a certificate, the certificate is
// chosen per host by SNI, and a reload swaps certificates without a restart.
#include "agent/agent.h"
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/testcertificate.h"

#include <QFile>
#include <QSslCertificate>
#include <QtTest>

using namespace ddd::test;

namespace {

// The common name of the certificate the server showed for `serverName`
// (sent by SNI; empty: none sent), or "<no handshake>".
QString servedCertificate(quint16 port, const QString &serverName)
{
    RawTcpClient client;
    if (!client.connectTls(port, serverName))
        return u"<no handshake>"_qs;
    return client.peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
}

QByteArray getRequest(const QByteArray &host)
{
    return "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
}

} // namespace

class TestSiteHttps final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;

    QString certificates() const { return m_agent->dataDir() + u"/certificates"_qs; }

    // The operator's pair: CN "default", no subjectAltName.
    void giveOperatorPair()
    {
        const QString dir = m_agent->dataDir() + u"/operator"_qs;
        m_agent->config.tlsCertFile = dir + u"/cert.pem"_qs;
        m_agent->config.tlsKeyFile = dir + u"/key.pem"_qs;
        QVERIFY(TestCertificate::make(m_agent->config.tlsCertFile, m_agent->config.tlsKeyFile, u"default"_qs));
    }

private slots:
    void init() { m_agent = std::make_unique<AgentFixture>(); }
    void cleanup() { m_agent.reset(); }

    void withoutCertificatesThereIsNoHttpsListener()
    {
        QVERIFY(m_agent->start());
        QCOMPARE(m_agent->siteHttpsPort(), quint16(0));
        RawTcpClient plain;
        QVERIFY(plain.connectTo(m_agent->sitePort()));
        QVERIFY(plain.send(getRequest("nowhere.test")));
        const auto answer = plain.readResponse();
        QVERIFY(answer);
        QCOMPARE(answer->status, 404);
    }

    // The operator's tls.* pair: the API speaks TLS as before; sites keep
    // plain HTTP on their port and get HTTPS on another, same pipeline.
    void operatorPairOpensHttpsBesidePlainHttp()
    {
        giveOperatorPair();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->siteHttpsPort() != 0);
        QVERIFY(m_agent->siteHttpsPort() != m_agent->sitePort());

        RawTcpClient plain;
        QVERIFY(plain.connectTo(m_agent->sitePort()));
        QVERIFY(plain.send(getRequest("nowhere.test")));
        auto answer = plain.readResponse();
        QVERIFY(answer);
        QCOMPARE(answer->status, 404);

        RawTcpClient secure;
        QVERIFY(secure.connectTls(m_agent->siteHttpsPort(), u"nowhere.test"_qs));
        QVERIFY(secure.send(getRequest("nowhere.test")));
        answer = secure.readResponse();
        QVERIFY(answer);
        QCOMPARE(answer->status, 404);

        RawTcpClient api;
        QVERIFY(api.connectTo(m_agent->apiPort(), RawTcpClient::Mode::Tls));
        QCOMPARE(servedCertificate(m_agent->apiPort(), {}), u"default"_qs);
    }

    // Plain HTTP sent to the HTTPS port is told to use https, as on any TLS port.
    void plainHttpOnTheHttpsPortIsRefusedReadably()
    {
        giveOperatorPair();
        QVERIFY(m_agent->start());
        RawTcpClient client;
        QVERIFY(client.connectTo(m_agent->siteHttpsPort()));
        QVERIFY(client.send(getRequest("nowhere.test")));
        const auto answer = client.readResponse();
        QVERIFY(answer);
        QCOMPARE(answer->status, 400);
        QVERIFY2(answer->body.contains("https"), answer->body.constData());
    }

    // Each host gets the certificate naming it; a wildcard covers one label;
    // an unknown name and a client sending none get the operator's pair.
    void sniPicksTheCertificateNamingTheHost_data()
    {
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<QString>("served");
        QTest::newRow("exact") << u"shop.test"_qs << u"shop"_qs;
        QTest::newRow("second name of a certificate") << u"www.shop.test"_qs << u"shop"_qs;
        QTest::newRow("other certificate") << u"blog.test"_qs << u"blog"_qs;
        QTest::newRow("case does not matter") << u"BLOG.Test"_qs << u"blog"_qs;
        QTest::newRow("wildcard") << u"a.docs.test"_qs << u"docs"_qs;
        QTest::newRow("wildcard covers one label only") << u"a.b.docs.test"_qs << u"default"_qs;
        QTest::newRow("wildcard does not cover the bare name") << u"docs.test"_qs << u"default"_qs;
        QTest::newRow("unknown host") << u"unknown.test"_qs << u"default"_qs;
        QTest::newRow("no SNI") << QString() << u"default"_qs;
    }
    void sniPicksTheCertificateNamingTheHost()
    {
        QFETCH(QString, serverName);
        QFETCH(QString, served);
        giveOperatorPair();
        QVERIFY(TestCertificate::install(certificates(), u"shop"_qs, {u"shop.test"_qs, u"www.shop.test"_qs}));
        QVERIFY(TestCertificate::install(certificates(), u"blog"_qs, {u"blog.test"_qs}));
        QVERIFY(TestCertificate::install(certificates(), u"docs"_qs, {u"*.docs.test"_qs}));
        QVERIFY(m_agent->start());
        QCOMPARE(servedCertificate(m_agent->siteHttpsPort(), serverName), served);
    }

    // Without the operator's pair, a name no certificate covers gets the
    // first folder's certificate (name order), so the handshake still works.
    void withoutOperatorPairTheFirstCertificateIsTheFallback()
    {
        QVERIFY(TestCertificate::install(certificates(), u"b-second"_qs, {u"second.test"_qs}));
        QVERIFY(TestCertificate::install(certificates(), u"a-first"_qs, {u"first.test"_qs}));
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->siteHttpsPort() != 0);
        QCOMPARE(servedCertificate(m_agent->siteHttpsPort(), u"second.test"_qs), u"b-second"_qs);
        QCOMPARE(servedCertificate(m_agent->siteHttpsPort(), u"unknown.test"_qs), u"a-first"_qs);
    }

    // A folder added while the agent runs is served after a reload, with no
    // restart, and a connection opened before the reload goes on working.
    void reloadServesANewCertificateWithoutRestart()
    {
        QVERIFY(TestCertificate::install(certificates(), u"shop"_qs, {u"shop.test"_qs}));
        QVERIFY(m_agent->start());
        const quint16 port = m_agent->siteHttpsPort();
        RawTcpClient open;
        QVERIFY(open.connectTls(port, u"shop.test"_qs));
        QCOMPARE(servedCertificate(port, u"blog.test"_qs), u"shop"_qs);

        QVERIFY(TestCertificate::install(certificates(), u"blog"_qs, {u"blog.test"_qs}));
        QVERIFY(m_agent->agent().reloadCertificates());
        QCOMPARE(m_agent->siteHttpsPort(), port);
        QCOMPARE(servedCertificate(port, u"blog.test"_qs), u"blog"_qs);
        QCOMPARE(servedCertificate(port, u"shop.test"_qs), u"shop"_qs);

        QVERIFY(open.send(getRequest("shop.test")));
        const auto answer = open.readResponse();
        QVERIFY(answer);
        QCOMPARE(answer->status, 404);
    }

    // An agent that started without any certificate opens HTTPS when the
    // first one is installed and reloaded (what an ACME client does).
    void firstCertificateOpensTheHttpsListener()
    {
        QVERIFY(m_agent->start());
        QCOMPARE(m_agent->siteHttpsPort(), quint16(0));
        QVERIFY(m_agent->agent().reloadCertificates());
        QCOMPARE(m_agent->siteHttpsPort(), quint16(0));
        QVERIFY(TestCertificate::install(certificates(), u"shop"_qs, {u"shop.test"_qs}));
        QVERIFY(m_agent->agent().reloadCertificates());
        QVERIFY(m_agent->siteHttpsPort() != 0);
        QCOMPARE(servedCertificate(m_agent->siteHttpsPort(), u"shop.test"_qs), u"shop"_qs);
    }

    // A pair that does not load is skipped; the others stay in service, at
    // start-up and on reload alike.
    void brokenPairIsSkipped_data()
    {
        QTest::addColumn<QByteArray>("chain");
        QTest::addColumn<bool>("otherKey");
        QTest::newRow("not PEM") << QByteArray("not a certificate\n") << false;
        QTest::newRow("key of another certificate") << QByteArray() << true;
        QTest::newRow("empty chain") << QByteArray("\n") << false;
    }
    void brokenPairIsSkipped()
    {
        QFETCH(QByteArray, chain);
        QFETCH(bool, otherKey);
        QVERIFY(TestCertificate::install(certificates(), u"good"_qs, {u"good.test"_qs}));
        QVERIFY(TestCertificate::install(certificates(), u"bad"_qs, {u"bad.test"_qs}));
        QVERIFY(TestCertificate::install(certificates(), u"other"_qs, {u"other.test"_qs}));
        const QString bad = certificates() + u"/bad/"_qs;
        if (otherKey) {
            QVERIFY(QFile::remove(bad + u"privkey.pem"_qs));
            QVERIFY(QFile::copy(certificates() + u"/other/privkey.pem"_qs, bad + u"privkey.pem"_qs));
        } else {
            QFile file(bad + u"fullchain.pem"_qs);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(chain);
        }
        QVERIFY(QFile::rename(certificates() + u"/other"_qs, m_agent->dataDir() + u"/other-later"_qs));
        QVERIFY(m_agent->start());
        const quint16 port = m_agent->siteHttpsPort();
        QVERIFY(port != 0);
        QCOMPARE(servedCertificate(port, u"good.test"_qs), u"good"_qs);
        QCOMPARE(servedCertificate(port, u"bad.test"_qs), u"good"_qs); // the fallback, not the broken pair

        QVERIFY(QFile::rename(m_agent->dataDir() + u"/other-later"_qs, certificates() + u"/other"_qs));
        QVERIFY(m_agent->agent().reloadCertificates());
        QCOMPARE(servedCertificate(port, u"other.test"_qs), u"other"_qs);
        QCOMPARE(servedCertificate(port, u"good.test"_qs), u"good"_qs);
    }

    // A folder still being written (one file so far) is no certificate yet.
    void incompleteFolderIsSkipped()
    {
        QVERIFY(TestCertificate::install(certificates(), u"good"_qs, {u"good.test"_qs}));
        QVERIFY(TestCertificate::install(certificates(), u"half"_qs, {u"half.test"_qs}));
        QVERIFY(QFile::remove(certificates() + u"/half/privkey.pem"_qs));
        QVERIFY(m_agent->start());
        QCOMPARE(servedCertificate(m_agent->siteHttpsPort(), u"half.test"_qs), u"good"_qs);
    }
};

QTEST_GUILESS_MAIN(TestSiteHttps)
#include "tst_sitehttps.moc"
