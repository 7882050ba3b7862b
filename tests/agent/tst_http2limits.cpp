// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// HTTP/2's limits and its known attacks, each sent frame by frame over TLS
// to a real site listener: concurrent streams, header list size (431 like
// HTTP/1.1), request bodies (413), the CONTINUATION flood, an HPACK bomb,
// rapid reset, PING and SETTINGS floods. Every refusal is checked by the
// frame and error code the server answers with.
#include "agent/http/server.h"
#include "tests/agent/http2rawclient.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/sitebench.h"
#include "tests/support/tempdataroot.h"

#include "agent/http/responsestream.h"

#include <QProcess>
#include <QtTest>

#include <mutex>
#include <thread>

using namespace ddd;
using test::Http2RawClient;

namespace {

constexpr int enhanceYourCalm = 0xb;
constexpr int refusedStream = 0x7;
constexpr int protocolError = 0x1;

bool makeCertificate(const test::TempDataRoot &root, QString &cert, QString &key)
{
    cert = root.file(u"cert.pem"_qs);
    key = root.file(u"key.pem"_qs);
    QProcess openssl;
    openssl.start(u"openssl"_qs, {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                                  u"ec_paramgen_curve:prime256v1"_qs, u"-nodes"_qs, u"-days"_qs, u"1"_qs, u"-subj"_qs,
                                  u"/CN=localhost"_qs, u"-keyout"_qs, key, u"-out"_qs, cert});
    return openssl.waitForFinished(60000) && openssl.exitCode() == 0;
}

QByteArray headers(std::int32_t stream, const QByteArray &block, std::uint8_t flags)
{
    return Http2RawClient::frame(Http2RawClient::Headers, flags, stream, block);
}

QByteArray rstStream(std::int32_t stream)
{
    return Http2RawClient::frame(Http2RawClient::RstStream, 0, stream, QByteArray("\0\0\0\x08", 4)); // CANCEL
}

// A body produced while it is sent (like the live build log): three chunks
// from another thread, each announced by a wake.
class TickingStream final : public agent::http::ResponseStream
{
public:
    ~TickingStream() override
    {
        if (m_ticker.joinable())
            m_ticker.join();
    }
    Chunk next() override
    {
        std::lock_guard lock(m_mutex);
        Chunk chunk{std::exchange(m_ready, {}), m_done && m_ready.isEmpty()};
        return chunk;
    }
    void setWake(std::function<void()> wake) override
    {
        std::lock_guard lock(m_mutex);
        m_wake = std::move(wake);
        if (m_wake && !m_ticker.joinable())
            m_ticker = std::thread([this] { tick(); });
    }

private:
    void tick()
    {
        for (int i = 0; i < 3; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            std::lock_guard lock(m_mutex);
            m_ready += "tick " + QByteArray::number(i) + "\n";
            m_done = i == 2;
            if (m_wake)
                m_wake();
        }
    }

    std::mutex m_mutex;
    QByteArray m_ready;
    bool m_done = false;
    std::function<void()> m_wake;
    std::thread m_ticker;
};

// Routes the site pipeline never takes: a live body, a file that is gone,
// a body echoed by its length.
class OddHandler final : public agent::http::RequestHandler
{
public:
    agent::http::RequestPlan plan(agent::http::Request &head) override
    {
        agent::http::RequestPlan plan;
        plan.bodyLimit = 1024;
        const QString path = head.path;
        plan.respond = [path](agent::http::Request &request) {
            agent::http::Response response;
            if (path == u"/live"_qs)
                response.stream = std::make_shared<TickingStream>();
            else if (path == u"/gone"_qs)
                response.filePath = u"/nonexistent/ddd-h2-test"_qs;
            else
                response = agent::http::Response::text(200, QByteArray::number(request.body.size()));
            return response;
        };
        return plan;
    }
};

} // namespace

class TestHttp2Limits final : public QObject
{
    Q_OBJECT

    test::TempDataRoot m_root;
    QString m_cert;
    QString m_key;
    std::unique_ptr<test::SiteBench> m_bench;
    std::unique_ptr<agent::http::Server> m_server;
    agent::http::ServerOptions m_options;

    void startServer()
    {
        m_server.reset();
        m_options.tlsCertFile = m_cert;
        m_options.tlsKeyFile = m_key;
        m_server = std::make_unique<agent::http::Server>(m_options, m_bench->pipeline());
        QVERIFY(m_server->start().ok());
    }

    void connect(Http2RawClient &client)
    {
        QVERIFY(client.connectTls(m_server->port()));
        QCOMPARE(client.negotiatedProtocol(), QByteArray("h2"));
    }

    QByteArray get(Http2RawClient &client, const QByteArray &path, const Http2RawClient::Fields &more = {})
    {
        return client.encode(Http2RawClient::request("GET", path, "alpha.localhost") + more);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(makeCertificate(m_root, m_cert, m_key));
        m_bench = std::make_unique<test::SiteBench>();
        m_bench->sites().reset({m_bench->site(1, u"alpha"_qs).file(u"index.html"_qs, "<h1>alpha</h1>").build()});
    }

    void init()
    {
        m_options = {};
        m_options.limits.http2.floodBurst = 50;
        m_options.limits.http2.floodRate = 1;
        m_options.limits.http2.maxConcurrentStreams = 4;
        startServer();
    }

    void cleanupTestCase() { m_server.reset(); }

    void servesASimpleRequest()
    {
        Http2RawClient client;
        connect(client);
        QVERIFY(client.send(headers(1, get(client, "/"), Http2RawClient::EndHeaders | Http2RawClient::EndStream)));
        const auto answer = client.answer(1);
        QVERIFY(answer);
        QCOMPARE(answer->status(), 200);
        QCOMPARE(answer->body, QByteArray("<h1>alpha</h1>"));
    }

    // Streams whose requests never end stay open. Before the client
    // acknowledged our SETTINGS the fifth is refused alone (it may not have
    // seen the limit yet); after, opening it breaks the protocol and nghttp2
    // ends the connection with GOAWAY PROTOCOL_ERROR.
    void concurrentStreamsAreCapped_data()
    {
        QTest::addColumn<bool>("acknowledged");
        QTest::newRow("before the SETTINGS ack") << false;
        QTest::newRow("after the SETTINGS ack") << true;
    }

    void concurrentStreamsAreCapped()
    {
        QFETCH(bool, acknowledged);
        Http2RawClient client;
        connect(client);
        QVERIFY(client.waitFor(Http2RawClient::Settings));
        // One write, so the server reads all five before answering any.
        QByteArray burst;
        if (acknowledged)
            burst += Http2RawClient::frame(Http2RawClient::Settings, Http2RawClient::Ack, 0, {});
        for (int stream = 1; stream <= 9; stream += 2)
            burst += headers(stream, get(client, "/"), Http2RawClient::EndHeaders);
        QVERIFY(client.send(burst));
        if (acknowledged) {
            QCOMPARE(client.goAwayCode(), protocolError);
            return;
        }
        const auto reset = client.waitFor(Http2RawClient::RstStream);
        QVERIFY(reset);
        QCOMPARE(reset->stream, 9);
        QCOMPARE(int(quint8(reset->payload.at(3))), refusedStream);
    }

    // Over the HTTP/1.1 head cap (16 KiB), across CONTINUATION frames: 431.
    void headerListTooLargeIs431()
    {
        Http2RawClient client;
        connect(client);
        const QByteArray block = get(client, "/", {{"cookie", QByteArray(20000, 'c')}});
        QVERIFY(client.send(headers(1, block.left(10000), Http2RawClient::EndStream)
                            + Http2RawClient::frame(Http2RawClient::Continuation, Http2RawClient::EndHeaders, 1,
                                                    block.mid(10000))));
        const auto answer = client.answer(1);
        QVERIFY(answer);
        QCOMPARE(answer->status(), 431);
    }

    void tooManyFieldsIs431()
    {
        Http2RawClient client;
        connect(client);
        Http2RawClient::Fields many;
        for (int i = 0; i < 120; ++i)
            many.append({"x-field-" + QByteArray::number(i), "v"});
        QVERIFY(client.send(headers(1, get(client, "/", many), Http2RawClient::EndHeaders | Http2RawClient::EndStream)));
        const auto answer = client.answer(1);
        QVERIFY(answer);
        QCOMPARE(answer->status(), 431);
    }

    // CVE-2024-27316 and kin: a header block that never ends.
    void continuationFloodEndsTheConnection()
    {
        Http2RawClient client;
        connect(client);
        QByteArray flood = headers(1, get(client, "/"), 0);
        for (int i = 0; i < 200; ++i)
            flood += Http2RawClient::frame(Http2RawClient::Continuation, 0, 1, {});
        QVERIFY(client.send(flood));
        QCOMPARE(client.goAwayCode(), enhanceYourCalm);
        QVERIFY(client.closedByServer());
    }

    // A 4 KiB value put in the dynamic table, then referenced by one byte
    // each: 200 references decode to 800 KiB.
    void hpackBombEndsTheConnection()
    {
        Http2RawClient client;
        connect(client);
        QByteArray block = get(client, "/");
        const QByteArray value(4000, 'b');
        block += char(0x40); // literal with incremental indexing, new name
        block += char(5) + QByteArray("x-big");
        block += char(0x7f) + QByteArray(1, char(((4000 - 127) & 0x7f) | 0x80)) + char((4000 - 127) >> 7) + value;
        for (int i = 0; i < 200; ++i)
            block += char(0x80 | 62); // the newest dynamic entry
        QVERIFY(client.send(headers(1, block, Http2RawClient::EndHeaders | Http2RawClient::EndStream)));
        QCOMPARE(client.goAwayCode(), enhanceYourCalm);
    }

    // CVE-2023-44487: streams opened and cancelled at once.
    void rapidResetEndsTheConnection()
    {
        Http2RawClient client;
        connect(client);
        QByteArray burst;
        for (int stream = 1; stream < 2 * 200; stream += 2)
            burst += headers(stream, get(client, "/"), Http2RawClient::EndHeaders | Http2RawClient::EndStream)
                + rstStream(stream);
        QVERIFY(client.send(burst));
        QCOMPARE(client.goAwayCode(), enhanceYourCalm);
    }

    void pingFloodEndsTheConnection()
    {
        Http2RawClient client;
        connect(client);
        QByteArray burst;
        for (int i = 0; i < 200; ++i)
            burst += Http2RawClient::frame(Http2RawClient::Ping, 0, 0, QByteArray(8, char(i)));
        QVERIFY(client.send(burst));
        QCOMPARE(client.goAwayCode(), enhanceYourCalm);
    }

    void settingsFloodEndsTheConnection()
    {
        Http2RawClient client;
        connect(client);
        QByteArray burst;
        for (int i = 0; i < 200; ++i)
            burst += Http2RawClient::frame(Http2RawClient::Settings, 0, 0, {});
        QVERIFY(client.send(burst));
        QCOMPARE(client.goAwayCode(), enhanceYourCalm);
    }

    // Below the burst nothing happens: an honest client's few PINGs.
    void fewPingsAreAnswered()
    {
        Http2RawClient client;
        connect(client);
        for (int i = 0; i < 10; ++i)
            QVERIFY(client.send(Http2RawClient::frame(Http2RawClient::Ping, 0, 0, QByteArray(8, 'p'))));
        for (int i = 0; i < 10; ++i) {
            const auto ack = client.waitFor(Http2RawClient::Ping);
            QVERIFY(ack);
            QCOMPARE(int(ack->flags), int(Http2RawClient::Ack));
        }
        QVERIFY(client.send(headers(1, get(client, "/"), Http2RawClient::EndHeaders | Http2RawClient::EndStream)));
        const auto answer = client.answer(1);
        QVERIFY(answer);
        QCOMPARE(answer->status(), 200);
    }

    void liveBodyFileErrorsAndBodyLimit()
    {
        OddHandler handler;
        agent::http::ServerOptions options;
        options.tlsCertFile = m_cert;
        options.tlsKeyFile = m_key;
        agent::http::Server server(options, handler);
        QVERIFY(server.start().ok());
        Http2RawClient client;
        QVERIFY(client.connectTls(server.port()));
        const auto request = [&](const QByteArray &method, const QByteArray &path) {
            return client.encode(Http2RawClient::request(method, path, "odd.test"));
        };
        QVERIFY(client.send(headers(1, request("GET", "/live"), Http2RawClient::EndHeaders | Http2RawClient::EndStream)));
        const auto live = client.answer(1);
        QVERIFY(live);
        QCOMPARE(live->body, QByteArray("tick 0\ntick 1\ntick 2\n"));
        QVERIFY(client.send(headers(3, request("GET", "/gone"), Http2RawClient::EndHeaders | Http2RawClient::EndStream)));
        const auto gone = client.answer(3);
        QVERIFY(gone);
        QCOMPARE(gone->status(), 500);
        QVERIFY(client.send(headers(5, request("POST", "/echo"), Http2RawClient::EndHeaders)
                            + Http2RawClient::frame(Http2RawClient::Data, Http2RawClient::EndStream, 5,
                                                    QByteArray(600, 'x'))));
        const auto echoed = client.answer(5);
        QVERIFY(echoed);
        QCOMPARE(echoed->body, QByteArray("600"));
        QVERIFY(client.send(headers(7, request("POST", "/echo"), Http2RawClient::EndHeaders)
                            + Http2RawClient::frame(Http2RawClient::Data, Http2RawClient::EndStream, 7,
                                                    QByteArray(2000, 'x'))));
        const auto tooLarge = client.answer(7);
        QVERIFY(tooLarge);
        QCOMPARE(tooLarge->status(), 413);
    }

    // A body dripping on one stream is cut by the body progress rules even
    // while PINGs keep the connection itself busy.
    void slowStreamBodyIsCut()
    {
        OddHandler handler;
        agent::http::ServerOptions options;
        options.limits.bodyProgress.idleTimeout = std::chrono::milliseconds(300);
        agent::http::Server server(options, handler);
        QVERIFY(server.start().ok());
        Http2RawClient client;
        QVERIFY(client.connectPlain(server.port()));
        const QByteArray block = client.encode(Http2RawClient::request("POST", "/echo", "odd.test"));
        QVERIFY(client.send(headers(1, block, Http2RawClient::EndHeaders)
                            + Http2RawClient::frame(Http2RawClient::Data, 0, 1, QByteArray(10, 'x'))));
        Http2RawClient::Fields fields;
        QByteArray body;
        bool ended = false;
        for (int ping = 0; ping < 50 && !ended; ++ping) {
            QVERIFY(client.send(Http2RawClient::frame(Http2RawClient::Ping, 0, 0, QByteArray(8, char(ping)))));
            while (const auto frame = client.next(100)) {
                if (frame->stream != 1)
                    continue;
                if (frame->type == Http2RawClient::Headers)
                    fields += client.decode(frame->payload);
                else if (frame->type == Http2RawClient::Data)
                    body += frame->payload;
                ended = ended || (frame->flags & Http2RawClient::EndStream);
            }
        }
        QVERIFY(ended);
        QCOMPARE(fields.value(0), (std::pair<QByteArray, QByteArray>{":status", "408"}));
        QVERIFY(body.contains("http.body_timeout"));
    }

    // With HTTP/2 off, ALPN offers only http/1.1 and a preface is refused
    // with a readable 505 instead of an empty reply.
    void http2CanBeTurnedOff()
    {
        m_options = {};
        m_options.limits.http2.enabled = false;
        startServer();
        Http2RawClient tls;
        QVERIFY(!tls.connectTls(m_server->port(), "h2") || tls.negotiatedProtocol() != "h2");
        agent::http::ServerOptions plainOptions;
        plainOptions.limits.http2.enabled = false;
        agent::http::Server plain(plainOptions, m_bench->pipeline());
        QVERIFY(plain.start().ok());
        test::RawTcpClient client;
        QVERIFY(client.connectTo(plain.port()));
        QVERIFY(client.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        const std::optional<QByteArray> reply = client.readUntilClosed();
        QVERIFY(reply);
        QVERIFY2(reply->startsWith("HTTP/1.1 505"), reply->constData());
    }
};

QTEST_GUILESS_MAIN(TestHttp2Limits)
#include "tst_http2limits.moc"
