// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Automatic certificates across agents sharing a real PostgreSQL database
// and a real radosgw bucket, against Debian's pebble: the API agent (no
// site listener) orders, pebble validates HTTP-01 on the site agent, which
// answers from the database, and the site agent then serves HTTPS with the
// pair it copied from the database. The site agent has acme.enabled too,
// and stands by while the other holds the issuer lock.
#include "agent/agent.h"
#include "tests/agent/pebbleserver.h"
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/sharedbackends.h"

#include <QJsonArray>
#include <QtTest>

using ddd::agent::AgentConfig;
using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::PebbleServer;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::SharedBackends;

namespace {

const QString kPassword = u"correct horse battery"_qs;
// lego against pebble takes seconds per name (lego polls the authorization).
constexpr int kIssuanceTimeoutMs = 120000;

} // namespace

class TestClusterCertificates final : public QObject
{
    Q_OBJECT

    SharedBackends m_backends;
    QString m_url;
    std::unique_ptr<PebbleServer> m_pebble;
    std::unique_ptr<AgentFixture> m_issuer;
    std::unique_ptr<AgentFixture> m_site;
    QString m_token;

    void configure(AgentConfig &config, const QStringList &roles) const
    {
        m_backends.share(config, m_url);
        config.roleNames = roles;
        config.acmeEnabled = true;
        config.acmeEmail = u"ops@example.com"_qs;
        config.acmeDirectoryUrl = m_pebble->directoryUrl();
        config.acmeCaCertificates = m_pebble->listenerCaFile();
    }

    HttpTestClient api()
    {
        HttpTestClient http(m_issuer->apiPort());
        http.setToken(m_token);
        return http;
    }

    static RawResponse challenge(quint16 port, const QByteArray &token)
    {
        RawTcpClient client;
        if (!client.connectTo(port)
            || !client.send("GET /.well-known/acme-challenge/" + token + " HTTP/1.1\r\nHost: any.test\r\n\r\n"))
            return {};
        return client.readResponse(10000).value_or(RawResponse());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString failure = m_backends.start("ddd-certificates", "cluster/");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_url = m_backends.freshDatabaseUrl();
        m_pebble = std::make_unique<PebbleServer>();

        // The issuer starts first and takes the issuer lock on its first pass.
        m_issuer = std::make_unique<AgentFixture>();
        configure(m_issuer->config, {u"api"_qs, u"build"_qs});
        m_issuer->clock.setMs(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(m_issuer->start());
        QVERIFY(m_issuer->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_issuer->login(u"owner@example.com"_qs, kPassword);

        m_site = std::make_unique<AgentFixture>();
        configure(m_site->config, {u"site"_qs});
        m_site->clock.setMs(QDateTime::currentMSecsSinceEpoch());
        m_site->accessLogWriter = [](const QByteArray &) {};
        QVERIFY(m_site->start());
        QVERIFY2(m_pebble->start(m_site->sitePort()), qPrintable(m_pebble->output()));
    }

    void cleanupTestCase()
    {
        m_site.reset();
        m_issuer.reset();
        m_pebble.reset();
    }

    // A made-up token is refused at once: no order runs.
    void unknownTokenIsRefused()
    {
        const RawResponse refused = challenge(m_site->sitePort(), "made-up-token");
        QCOMPARE(refused.status, 404);
    }

    void siteAgentServesWhatTheIssuerOrdered()
    {
        QCOMPARE(m_site->siteHttpsPort(), quint16(0));
        const HttpReply created = api().post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Shop"_qs}});
        QVERIFY2(created.status == 201, created.body.constData());
        const qint64 project = created.json().value(u"id"_qs).toInteger();
        // Both names at once make one order.
        const HttpReply named = api().patch(u"/api/v1/projects/%1"_qs.arg(project),
                                            {{u"domain"_qs, u"shop.cluster.test"_qs},
                                             {u"aliases"_qs, QJsonArray{u"www.shop.cluster.test"_qs}}});
        QVERIFY2(named.status == 200, named.body.constData());
        const QString path = u"/api/v1/projects/%1/certificate"_qs.arg(project);
        QTRY_COMPARE_WITH_TIMEOUT(api().get(path).json().value(u"state"_qs).toString(), u"valid"_qs,
                                  kIssuanceTimeoutMs);
        const QJsonObject status = api().get(path).json();
        QCOMPARE(status.value(u"names"_qs).toArray(),
                 (QJsonArray{u"shop.cluster.test"_qs, u"www.shop.cluster.test"_qs}));
        QCOMPARE(status.value(u"failures"_qs).toInt(), 0);

        // Nothing of it on the issuer's disk but lego's own files; the site
        // agent copied the pair and opened HTTPS with it.
        QVERIFY(!QFileInfo::exists(m_issuer->dataDir() + u"/certificates/shop.cluster.test"_qs));
        QTRY_VERIFY_WITH_TIMEOUT(m_site->siteHttpsPort() != 0, 30000);
        for (const QString &host : {u"shop.cluster.test"_qs, u"www.shop.cluster.test"_qs}) {
            RawTcpClient client;
            QVERIFY(client.connectTls(m_site->siteHttpsPort(), host));
            QVERIFY2(client.peerCertificate().subjectAlternativeNames().values(QSsl::DnsEntry).contains(host),
                     qPrintable(host));
        }
        // The site agent stood by: it never ran lego.
        QVERIFY(!QFileInfo::exists(m_site->dataDir() + u"/acme/lego/certificates/shop.cluster.test.crt"_qs));
    }
};

QTEST_GUILESS_MAIN(TestClusterCertificates)
#include "tst_clustercertificates.moc"
