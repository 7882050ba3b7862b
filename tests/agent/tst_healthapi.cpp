// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Health, metrics and the transport's refusals on the real agent.
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"

#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;

class TestHealthApi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void healthIsPublic()
    {
        AgentFixture agent;
        QVERIFY(agent.start());
        HttpTestClient http(agent.apiPort());
        const HttpReply reply = http.get(u"/api/v1/health"_qs);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_qs).toString(), u"ok"_qs);
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
    }

    void metricsCountRefusalsWithLatency()
    {
        AgentFixture agent;
        QVERIFY(agent.start());
        HttpTestClient http(agent.apiPort());
        QCOMPARE(http.get(u"/api/v1/me"_qs).status, 401);
        http.setToken(u"garbage"_qs);
        QCOMPARE(http.get(u"/api/v1/projects"_qs).status, 401);
        const HttpReply metrics = http.get(u"/metrics"_qs);
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        const QByteArray text = metrics.body;
        QVERIFY2(text.contains(R"(ddd_http_requests_total{listener="api",route="GET /api/v1/me",method="GET",status="401"} 1)"),
                 text.constData());
        QVERIFY(text.contains(R"(route="GET /api/v1/projects",method="GET",status="401"} 1)"));
        QCOMPARE(http.send("DELETE", u"/api/v1/health"_qs).status, 405);
        const QByteArray after = http.get(u"/metrics"_qs).body;
        QVERIFY2(after.contains(R"(route="/api/v1/health",method="DELETE",status="405"} 1)"), after.constData());
        QVERIFY(text.contains("ddd_http_request_duration_seconds_bucket{"));
        QVERIFY(!text.contains("garbage"));
    }

    void metricsRefuseAddressesOffTheList()
    {
        AgentFixture agent;
        agent.config.metricsAllow = {u"10.9.8.7"_qs};
        QVERIFY(agent.start());
        HttpTestClient http(agent.apiPort());
        const HttpReply reply = http.get(u"/metrics"_qs);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), u"metrics.forbidden"_qs);
    }

    void transportRefusalsOnTheRealAgent_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("no host") << QByteArray("GET /api/v1/health HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two hosts") << QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("bad host") << QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: a b/../\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET /api/v1/health HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
        QTest::newRow("CL and TE") << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n"
                                                 "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400;
        QTest::newRow("oversize headers") << (QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: a\r\nX-Big: ")
                                              + QByteArray(20000, 'x') + "\r\n\r\n") << 431;
    }

    void transportRefusalsOnTheRealAgent()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        AgentFixture agent;
        QVERIFY(agent.start());
        ddd::test::RawTcpClient raw;
        QVERIFY(raw.connectTo(agent.apiPort()));
        QVERIFY(raw.send(request));
        const auto answer = raw.readResponse();
        QVERIFY(answer.has_value());
        QCOMPARE(answer->status, status);
        QVERIFY(answer->errorCode().startsWith(u"http."_qs));
    }

    void slowHeadersAreCutOff()
    {
        AgentFixture agent;
        agent.config.headerTimeoutSeconds = 1;
        QVERIFY(agent.start());
        ddd::test::RawTcpClient raw;
        QVERIFY(raw.connectTo(agent.apiPort()));
        // One byte every 100 ms keeps the connection busy but never completes
        // the header: the absolute deadline answers 408 anyway.
        const QByteArray request = "GET /api/v1/health HTTP/1.1\r\nHost: a\r\nX-Slow: " + QByteArray(40, 'a');
        bool answered = false;
        for (char byte : request) {
            if (!raw.send(QByteArray(1, byte)) || raw.waitForData(100)) {
                answered = true;
                break;
            }
        }
        QVERIFY2(answered, "the trickling client was never cut off");
        const auto answer = raw.readResponse();
        QVERIFY(answer.has_value());
        QCOMPARE(answer->status, 408);
        QCOMPARE(answer->errorCode(), u"http.header_timeout"_qs);
    }
};

QTEST_GUILESS_MAIN(TestHealthApi)
#include "tst_healthapi.moc"
