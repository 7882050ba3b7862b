// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// A graceful stop as clients see it (Server::beginDrain / waitDrained):
// the listener refuses new clients, idle keep-alive connections close at
// once, an answer in progress finishes (HTTP/1.1 with "Connection: close";
// HTTP/2 after a GOAWAY NO_ERROR naming the last stream taken), and a
// request that does not finish is dropped when the grace ends. Also
// HTTP/2's interim 100 (Continue) for a client that waits for it.
#include "agent/http/server.h"
#include "tests/agent/http2rawclient.h"

#include <QSemaphore>
#include <QTcpSocket>
#include <QtTest>

using namespace ddd;
using test::Http2RawClient;

namespace {

// "/slow" holds a worker until the test lets it go; "/echo" answers its
// body's length; anything else answers "ok".
class GateHandler final : public agent::http::RequestHandler
{
public:
    QSemaphore entered;
    QSemaphore release;

    agent::http::RequestPlan plan(agent::http::Request &head) override
    {
        agent::http::RequestPlan plan;
        plan.bodyLimit = 1024 * 1024;
        const QString path = head.path;
        plan.respond = [this, path](agent::http::Request &request) {
            if (path == u"/slow"_qs) {
                entered.release();
                release.acquire();
                return agent::http::Response::text(200, "done");
            }
            if (path == u"/echo"_qs)
                return agent::http::Response::text(200, QByteArray::number(request.body.size()));
            return agent::http::Response::text(200, "ok");
        };
        return plan;
    }
};

QByteArray readAnswer(QTcpSocket &socket, const QByteArray &end)
{
    QByteArray reply;
    while (!reply.contains(end) && socket.waitForReadyRead(10000))
        reply += socket.readAll();
    return reply;
}

bool disconnects(QTcpSocket &socket)
{
    return socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(10000);
}

QByteArray headersFrame(std::int32_t stream, const QByteArray &block, std::uint8_t flags)
{
    return Http2RawClient::frame(Http2RawClient::Headers, flags, stream, block);
}

std::int32_t lastStreamOf(const Http2RawClient::Frame &goAway)
{
    const auto byte = [&](int i) { return quint32(quint8(goAway.payload[i])); };
    return std::int32_t((byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3)) & 0x7fffffff);
}

std::chrono::steady_clock::time_point in(std::chrono::milliseconds delay)
{
    return std::chrono::steady_clock::now() + delay;
}

} // namespace

class TestHttpShutdown final : public QObject
{
    Q_OBJECT

    GateHandler m_handler;
    std::unique_ptr<agent::http::Server> m_server;

    void connectTo(QTcpSocket &socket)
    {
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
    }

private slots:
    void init()
    {
        m_server = std::make_unique<agent::http::Server>(agent::http::ServerOptions{}, m_handler);
        QVERIFY(m_server->start().ok());
    }

    void cleanup()
    {
        m_handler.release.release(8); // a failed test must not leave a worker held
        m_server.reset();
        m_handler.release.acquire(m_handler.release.available());
        m_handler.entered.acquire(m_handler.entered.available());
    }

    void idleConnectionsCloseAndNewClientsAreRefused()
    {
        QTcpSocket idle;
        connectTo(idle);
        idle.write("GET / HTTP/1.1\r\nHost: a.test\r\n\r\n");
        QVERIFY(readAnswer(idle, "ok").startsWith("HTTP/1.1 200"));
        const quint16 port = m_server->port();
        m_server->beginDrain();
        QVERIFY(disconnects(idle));
        QVERIFY(m_server->waitDrained(in(std::chrono::seconds(10))));
        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!late.waitForConnected(5000) || disconnects(late));
    }

    void answerInProgressFinishesThenCloses()
    {
        QTcpSocket busy;
        connectTo(busy);
        busy.write("GET /slow HTTP/1.1\r\nHost: a.test\r\n\r\n");
        QVERIFY(busy.waitForBytesWritten(5000));
        QVERIFY(m_handler.entered.tryAcquire(1, 10000));
        m_server->beginDrain();
        QVERIFY(!m_server->waitDrained(in(std::chrono::milliseconds(100))));
        m_handler.release.release();
        const QByteArray reply = readAnswer(busy, "done");
        QVERIFY2(reply.startsWith("HTTP/1.1 200"), reply.constData());
        QVERIFY2(reply.toLower().contains("connection: close"), reply.constData());
        QVERIFY(disconnects(busy));
        QVERIFY(m_server->waitDrained(in(std::chrono::seconds(10))));
    }

    // The grace is the caller's deadline: a request that never ends is
    // still open when it passes, and stop() drops it.
    void graceEndsWithTheDeadline()
    {
        QTcpSocket stuck;
        connectTo(stuck);
        stuck.write("GET /slow HTTP/1.1\r\nHost: a.test\r\n\r\n");
        QVERIFY(stuck.waitForBytesWritten(5000));
        QVERIFY(m_handler.entered.tryAcquire(1, 10000));
        m_server->beginDrain();
        QVERIFY(!m_server->waitDrained(in(std::chrono::milliseconds(300))));
        QCOMPARE(m_server->openConnections(), 1);
        m_handler.release.release();
        m_server->stop();
        QVERIFY(disconnects(stuck));
    }

    void http2StreamFinishesAfterGoAway()
    {
        Http2RawClient client;
        QVERIFY(client.connectPlain(m_server->port()));
        const QByteArray block = client.encode(Http2RawClient::request("GET", "/slow", "a.test"));
        QVERIFY(client.send(headersFrame(1, block, Http2RawClient::EndHeaders | Http2RawClient::EndStream)));
        QVERIFY(m_handler.entered.tryAcquire(1, 10000));
        m_server->beginDrain();
        const auto goAway = client.waitFor(Http2RawClient::GoAway);
        QVERIFY(goAway && goAway->payload.size() >= 8);
        QCOMPARE(lastStreamOf(*goAway), 1);
        QCOMPARE(goAway->payload.mid(4, 4), QByteArray(4, '\0')); // NO_ERROR
        m_handler.release.release();
        const auto answer = client.answer(1);
        QVERIFY(answer);
        QCOMPARE(answer->status(), 200);
        QCOMPARE(answer->body, QByteArray("done"));
        QVERIFY(client.closedByServer());
        QVERIFY(m_server->waitDrained(in(std::chrono::seconds(10))));
    }

    void idleHttp2ConnectionGetsGoAway()
    {
        Http2RawClient client;
        QVERIFY(client.connectPlain(m_server->port()));
        const QByteArray block = client.encode(Http2RawClient::request("GET", "/", "a.test"));
        QVERIFY(client.send(headersFrame(1, block, Http2RawClient::EndHeaders | Http2RawClient::EndStream)));
        QVERIFY(client.answer(1));
        m_server->beginDrain();
        QCOMPARE(client.goAwayCode(), 0);
        QVERIFY(client.closedByServer());
    }

    // The interim answer comes before any body byte is sent; then the body
    // is read and answered as usual.
    void http2ContinueComesBeforeTheBody()
    {
        Http2RawClient client;
        QVERIFY(client.connectPlain(m_server->port()));
        const QByteArray block = client.encode(Http2RawClient::request("POST", "/echo", "a.test")
                                               + Http2RawClient::Fields{{"expect", "100-continue"}});
        QVERIFY(client.send(headersFrame(1, block, Http2RawClient::EndHeaders)));
        const auto interim = client.waitFor(Http2RawClient::Headers);
        QVERIFY(interim);
        QCOMPARE(interim->stream, 1);
        QVERIFY(!(interim->flags & Http2RawClient::EndStream));
        const Http2RawClient::Fields fields = client.decode(interim->payload);
        QCOMPARE(fields.value(0), (std::pair<QByteArray, QByteArray>{":status", "100"}));
        QVERIFY(client.send(Http2RawClient::frame(Http2RawClient::Data, Http2RawClient::EndStream, 1,
                                                  QByteArray(300, 'x'))));
        const auto answer = client.answer(1);
        QVERIFY(answer);
        QCOMPARE(answer->status(), 200);
        QCOMPARE(answer->body, QByteArray("300"));
    }
};

QTEST_GUILESS_MAIN(TestHttpShutdown)
#include "tst_httpshutdown.moc"
