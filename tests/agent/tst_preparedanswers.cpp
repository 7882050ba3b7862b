// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/request.h"
#include "agent/http/server.h"
#include "agent/site/preparedanswers.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/sitebench.h"

#include <QtTest>

using namespace ddd;
using agent::site::PreparedAnswers;
using test::RawResponse;
using test::RawTcpClient;
using test::SiteBench;

namespace {

const QByteArray kHost = "kept.localhost";

// Everything but Date, which moves with the clock.
QList<std::pair<QByteArray, QByteArray>> fieldsButDate(const RawResponse &response)
{
    QList<std::pair<QByteArray, QByteArray>> fields = response.headers;
    fields.removeIf([](const auto &field) { return field.first.compare("Date", Qt::CaseInsensitive) == 0; });
    return fields;
}

agent::http::Request request(const QByteArray &method, const QByteArray &target,
                             const QList<std::pair<QByteArray, QByteArray>> &fields)
{
    agent::http::Request head;
    head.method = method;
    head.target = target;
    head.path = QString::fromLatin1(target);
    head.host = QString::fromLatin1(kHost);
    for (const auto &[name, value] : fields)
        head.headers.add(name, value);
    return head;
}

} // namespace

// The site pipeline's prepared answers over a real socket: a request the
// same in everything the stages read gets the answer they gave before,
// byte for byte but its Date, and never once the site has changed, nor for
// conditions, ranges or a protected site.
class TestPreparedAnswers final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SiteBench> m_bench;
    std::unique_ptr<agent::http::Server> m_server;

    RawResponse call(const QByteArray &method, const QByteArray &target, const QByteArray &fields = {},
                     const QByteArray &host = kHost)
    {
        RawTcpClient client;
        const QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + fields + "\r\n";
        if (!client.connectTo(m_server->port()) || !client.send(raw))
            return {};
        return client.readResponse(10000, method != "HEAD").value_or(RawResponse());
    }

    RawResponse get(const QByteArray &target, const QByteArray &fields = {}, const QByteArray &host = kHost)
    {
        return call("GET", target, fields, host);
    }

    quint64 hits() const { return m_bench->pipeline().preparedAnswers().hits(); }

    static QByteArray basic(const QByteArray &password)
    {
        return "Authorization: Basic " + ("ann:" + password).toBase64() + "\r\n";
    }

    void publish(const QByteArray &index, int version, const QString &password = {})
    {
        test::SiteBuilder site = m_bench->site(1, u"kept"_qs);
        site.version(version)
            .file(u"index.html"_qs, index)
            .file(u"docs/index.html"_qs, "docs")
            .file(u"404.html"_qs, "custom missing")
            .file(u"_redirects"_qs, "/old-path /index.html 301\n");
        if (!password.isEmpty())
            site.protection(m_bench->access().protection({{u"ann"_qs, password}}));
        m_bench->sites().publish(site.build());
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_bench = std::make_unique<SiteBench>();
        publish("<h1>first</h1>", 1);
        m_server = std::make_unique<agent::http::Server>(agent::http::ServerOptions{}, m_bench->pipeline());
        QVERIFY(m_server->start().ok());
    }

    void cleanup()
    {
        m_server.reset();
        m_bench.reset();
    }

    void aRepeatedRequestGetsTheSameAnswerFromMemory_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<int>("status");
        QTest::newRow("page") << QByteArray("/index.html") << kHost << 200;
        QTest::newRow("site's 404 page") << QByteArray("/missing?q=1") << kHost << 404;
        QTest::newRow("_redirects") << QByteArray("/old-path?from=a") << kHost << 301;
        QTest::newRow("directory") << QByteArray("/docs") << kHost << 301;
        QTest::newRow("unknown host") << QByteArray("/") << QByteArray("nobody.localhost") << 404;
    }

    void aRepeatedRequestGetsTheSameAnswerFromMemory()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, host);
        QFETCH(int, status);
        const RawResponse first = get(target, "Accept: text/html\r\n", host); // its key seen
        QCOMPARE(first.status, status);
        QCOMPARE(get(target, "Accept: text/html\r\n", host).status, status); // kept
        const quint64 before = hits();
        const RawResponse second = get(target, "Accept: text/html\r\n", host);
        QCOMPARE(hits(), before + 1);
        QCOMPARE(second.statusLine, first.statusLine);
        QCOMPARE(fieldsButDate(second), fieldsButDate(first));
        QVERIFY(!second.header("Date").isEmpty());
        QCOMPARE(second.body, first.body);
    }

    void aNewVersionIsServedAtOnce()
    {
        QCOMPARE(get("/").body, QByteArray("<h1>first</h1>"));
        QCOMPARE(get("/").body, QByteArray("<h1>first</h1>"));
        const quint64 before = hits();
        publish("<h1>second</h1>", 2);
        const RawResponse second = get("/");
        QCOMPARE(second.body, QByteArray("<h1>second</h1>"));
        QCOMPARE(second.header("X-DDD-Version"), QByteArray("2"));
        QCOMPARE(hits(), before);
        publish("<h1>first</h1>", 1); // a rollback
        QCOMPARE(get("/").body, QByteArray("<h1>first</h1>"));
        QCOMPARE(get("/").header("X-DDD-Version"), QByteArray("1"));
    }

    void headAndGetShareAnAnswer()
    {
        const RawResponse got = get("/index.html");
        QCOMPARE(get("/index.html").status, 200); // kept the second time
        const quint64 before = hits();
        const RawResponse head = call("HEAD", "/index.html");
        QCOMPARE(hits(), before + 1);
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.header("Content-Length"), QByteArray::number(got.body.size()));
        QCOMPARE(head.header("ETag"), got.header("ETag"));
        const RawResponse again = get("/index.html");
        QCOMPARE(hits(), before + 2);
        QCOMPARE(again.body, got.body);
    }

    void conditionsAndRangesGoTheLongWay()
    {
        const RawResponse got = get("/index.html");
        QCOMPARE(get("/index.html").status, 200);
        QCOMPARE(get("/index.html").status, 200);
        const quint64 before = hits();
        const RawResponse notModified = get("/index.html", "If-None-Match: " + got.header("ETag") + "\r\n");
        QCOMPARE(notModified.status, 304);
        const RawResponse range = get("/index.html", "Range: bytes=0-3\r\n");
        QCOMPARE(range.status, 206);
        QCOMPARE(range.body, QByteArray("<h1>"));
        const RawResponse ifRange = get("/index.html", "Range: bytes=0-3\r\nIf-Range: \"other\"\r\n");
        QCOMPARE(ifRange.status, 200);
        QCOMPARE(hits(), before);
    }

    void protectionTakesEffectAtOnce()
    {
        QCOMPARE(get("/index.html").status, 200);
        QCOMPARE(get("/index.html").status, 200);
        publish("<h1>first</h1>", 1, u"ann-password-1"_qs);
        QCOMPARE(get("/index.html").status, 401);
        QCOMPARE(get("/index.html").status, 401);
    }

    // A protected answer is kept for the password it was given to, and that
    // password is checked again for each answer.
    void protectedAnswersAskForThePasswordEachTime()
    {
        publish("<h1>first</h1>", 1, u"ann-password-1"_qs);
        const quint64 before = hits();
        for (int i = 0; i < 4; ++i) {
            const RawResponse granted = get("/index.html", basic("ann-password-1"));
            QCOMPARE(granted.status, 200);
            QCOMPARE(granted.body, QByteArray("<h1>first</h1>"));
            QVERIFY(granted.header("Cache-Control").startsWith("private"));
            QCOMPARE(get("/index.html").status, 401);
            QCOMPARE(get("/index.html", basic("wrong-password")).status, 401);
        }
        // The first was hashed on a worker (the refusals beside it made the
        // path seen), the second kept, the third and fourth given from memory.
        QCOMPARE(hits(), before + 2);
        // A share cookie (not a valid one) beside the password: the password
        // lets it in, as it does the long way.
        const QByteArray withCookie = basic("ann-password-1") + "Cookie: ddd_share=not-a-link\r\n";
        QCOMPARE(get("/index.html", withCookie).status, 200);
        QCOMPARE(hits(), before + 3);
        // The password changed: the old one is refused at once.
        publish("<h1>first</h1>", 1, u"ann-password-2"_qs);
        QCOMPARE(get("/index.html", basic("ann-password-1")).status, 401);
        QCOMPARE(get("/index.html", basic("ann-password-2")).status, 200);
    }

    // Once the credential is no longer remembered, the kept answer waits for
    // the long way's hash instead of letting the visitor in unchecked.
    void aForgottenPasswordIsCheckedTheLongWay()
    {
        publish("<h1>first</h1>", 1, u"ann-password-1"_qs);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(get("/index.html", basic("ann-password-1")).status, 200);
        const quint64 before = hits();
        QVERIFY(before > 0);
        m_bench->access().clock.advanceMs(24 * 60 * 60 * 1000);
        QCOMPARE(get("/index.html", basic("ann-password-1")).status, 200);
        QCOMPARE(hits(), before);
    }

    void keysHoldWhatTheStagesRead()
    {
        const auto plain = PreparedAnswers::keyOf(request("GET", "/a", {{"Host", kHost}}));
        QVERIFY(plain);
        QVERIFY(PreparedAnswers::keyOf(request("HEAD", "/a", {{"Host", kHost}})) == plain);
        const auto html = PreparedAnswers::keyOf(request("GET", "/a", {{"Host", kHost}, {"Accept", "text/html"}}));
        const auto gzip = PreparedAnswers::keyOf(request("GET", "/a", {{"Host", kHost}, {"Accept-Encoding", "gzip"}}));
        const auto port = PreparedAnswers::keyOf(request("GET", "/a", {{"Host", kHost + ":8080"}}));
        const auto query = PreparedAnswers::keyOf(request("GET", "/a?b", {{"Host", kHost}}));
        for (const auto &other : {html, gzip, port, query}) {
            QVERIFY(other);
            QVERIFY(!(*other == *plain));
        }
        // Fields the stages do not read change nothing.
        QVERIFY(PreparedAnswers::keyOf(request("GET", "/a", {{"Host", kHost}, {"User-Agent", "x"}})) == plain);
    }

    void keysAreRefused_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("POST") << QByteArray("POST") << QByteArray("/a") << QByteArray("X") << QByteArray("1");
        QTest::newRow("Range") << QByteArray("GET") << QByteArray("/a") << QByteArray("range") << QByteArray("bytes=0-1");
        QTest::newRow("If-Range") << QByteArray("GET") << QByteArray("/a") << QByteArray("If-Range") << QByteArray("\"e\"");
        QTest::newRow("If-None-Match") << QByteArray("GET") << QByteArray("/a") << QByteArray("If-None-Match")
                                       << QByteArray("\"e\"");
        QTest::newRow("two Accept-Encoding") << QByteArray("GET") << QByteArray("/a") << QByteArray("Accept-Encoding")
                                             << QByteArray("br");
        QTest::newRow("ACME challenge") << QByteArray("GET") << QByteArray("/.well-known/acme-challenge/t")
                                        << QByteArray("X") << QByteArray("1");
    }

    void keysAreRefused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QVERIFY(!PreparedAnswers::keyOf(
            request(method, target, {{"Host", kHost}, {"Accept-Encoding", "gzip"}, {name, value}})));
    }

    // Paths asked for once are never kept; paths sent at random, even
    // twice each, cost kept answers, never memory.
    void aFullShardStartsAfresh()
    {
        const QString host = QString::fromLatin1(kHost);
        const int bound = PreparedAnswers::kShards * PreparedAnswers::kAnswersPerShard;
        for (int i = 0; i < bound; ++i)
            QCOMPARE(m_bench->get(host, "/once-" + QByteArray::number(i)).status, 404);
        QCOMPARE(m_bench->pipeline().preparedAnswers().size(), 0);
        for (int i = 0; i < bound + 1000; ++i)
            for (int twice = 0; twice < 2; ++twice)
                QCOMPARE(m_bench->get(host, "/missing-" + QByteArray::number(i)).status, 404);
        QVERIFY(m_bench->pipeline().preparedAnswers().size() <= bound);
        QVERIFY(m_bench->pipeline().preparedAnswers().size() > 0);
        QCOMPARE(get("/index.html").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestPreparedAnswers)
#include "tst_preparedanswers.moc"
