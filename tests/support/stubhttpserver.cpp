// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/stubhttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

namespace ddd::test {

struct StubHttpServer::Connection
{
    QByteArray buffer;
    bool headParsed = false;
    qint64 contentLength = 0;
    Request request;
    Response response;
};

namespace {

QString routeKey(const QByteArray &method, const QString &path)
{
    return QString::fromLatin1(method) + u' ' + path;
}

} // namespace

StubHttpServer::Response StubHttpServer::Response::json(int status, const QByteArray &body)
{
    return Response{status, body, {{"Content-Type", "application/json"}}, -1};
}

StubHttpServer::Response StubHttpServer::Response::error(int status, const QString &code, const QString &message)
{
    const QJsonObject error{{u"code"_qs, code}, {u"message"_qs, message}, {u"details"_qs, QJsonObject()}};
    return json(status, QJsonDocument(QJsonObject{{u"error"_qs, error}}).toJson(QJsonDocument::Compact));
}

StubHttpServer::Response StubHttpServer::Response::eventStream(const QByteArray &first)
{
    return Response{200, first, {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-store"}}, -1, true};
}

StubHttpServer::Response StubHttpServer::Response::drop(qint64 afterBodyBytes)
{
    return Response{0, {}, {}, afterBodyBytes};
}

StubHttpServer::StubHttpServer(QObject *parent) : QObject(parent) {}

StubHttpServer::~StubHttpServer()
{
    qDeleteAll(m_connections);
}

bool StubHttpServer::listen()
{
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &StubHttpServer::accept);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool StubHttpServer::listenTls(const QSslCertificate &certificate, const QSslKey &key)
{
    auto *server = new QSslServer(this);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(configuration);
    m_server = server;
    m_tls = true;
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &StubHttpServer::accept);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl StubHttpServer::url() const
{
    QUrl url;
    url.setScheme(m_tls ? u"https"_qs : u"http"_qs);
    url.setHost(u"127.0.0.1"_qs);
    url.setPort(m_server->serverPort());
    return url;
}

void StubHttpServer::on(const QByteArray &method, const QString &path, const Response &response)
{
    m_routes[routeKey(method, path)].append(response);
}

void StubHttpServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, new Connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            delete m_connections.take(socket);
            for (auto it = m_streams.begin(); it != m_streams.end();)
                it = it.value() == socket ? m_streams.erase(it) : std::next(it);
            socket->deleteLater();
        });
        readFrom(socket);
    }
}

void StubHttpServer::readFrom(QTcpSocket *socket)
{
    Connection *connection = m_connections.value(socket);
    if (!connection)
        return;
    connection->buffer += socket->readAll();
    if (!connection->headParsed && !parseHead(*connection))
        return;
    const qint64 dropAt = connection->response.dropAfterBodyBytes;
    if (dropAt >= 0 && connection->buffer.size() >= dropAt) {
        connection->request.body = connection->buffer.left(dropAt);
        m_requests.append(connection->request);
        m_connections.remove(socket);
        delete connection;
        socket->abort();
        return;
    }
    if (connection->buffer.size() < connection->contentLength)
        return;
    connection->request.body = connection->buffer.left(connection->contentLength);
    m_requests.append(connection->request);
    answer(socket, *connection);
}

bool StubHttpServer::parseHead(Connection &connection)
{
    const qsizetype end = connection.buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = connection.buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    Request &request = connection.request;
    request.method = requestLine.value(0);
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    request.path = target.path();
    request.query = target.query();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    connection.contentLength = request.headers.value("content-length", "0").toLongLong();
    connection.buffer.remove(0, end + 4);
    connection.headParsed = true;
    connection.response = responseFor(request);
    return true;
}

void StubHttpServer::answer(QTcpSocket *socket, const Connection &connection)
{
    const Response &response = connection.response;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Stub\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (response.stream) {
        // The end of the body is the end of the connection.
        socket->write(head + "Connection: close\r\n\r\n" + response.body);
        m_streams.insert(connection.request.path, socket);
        return;
    }
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n";
    socket->write(head + response.body);
    socket->disconnectFromHost();
}

int StubHttpServer::push(const QString &path, const QByteArray &bytes)
{
    const QList<QTcpSocket *> sockets = m_streams.values(path);
    for (QTcpSocket *socket : sockets) {
        socket->write(bytes);
        socket->flush();
    }
    return int(sockets.size());
}

void StubHttpServer::closeStreams(const QString &path)
{
    const QList<QTcpSocket *> sockets = m_streams.values(path);
    m_streams.remove(path);
    for (QTcpSocket *socket : sockets)
        socket->disconnectFromHost();
}

int StubHttpServer::openStreams(const QString &path) const
{
    return int(m_streams.count(path));
}

StubHttpServer::Response StubHttpServer::responseFor(const Request &request)
{
    QList<Response> &queue = m_routes[routeKey(request.method, request.path)];
    if (queue.isEmpty())
        return Response::error(404, u"route.not_found"_qs, u"no stub for this route"_qs);
    return queue.size() > 1 ? queue.takeFirst() : queue.first();
}

} // namespace ddd::test
