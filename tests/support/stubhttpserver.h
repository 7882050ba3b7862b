// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMultiHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <utility>

class QSslCertificate;
class QSslKey;
class QTcpServer;
class QTcpSocket;

namespace ddd::test {

// A tiny HTTP/1.1 server on 127.0.0.1 (optionally TLS) answering canned
// responses per method and path, for client tests that need exact answers or
// a connection that breaks half way. One request per connection.
class StubHttpServer final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QString path;
        QString query;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };

    struct Response
    {
        int status = 200;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        // >= 0: read this many body bytes, then close without answering.
        qint64 dropAfterBodyBytes = -1;
        // Answers without Content-Length and keeps the connection open for
        // push() until closeStreams() (text/event-stream, chunk by chunk).
        bool stream = false;

        static Response json(int status, const QByteArray &body);
        // 200 text/event-stream starting with `first`.
        static Response eventStream(const QByteArray &first = {});
        static Response error(int status, const QString &code, const QString &message);
        static Response drop(qint64 afterBodyBytes);
    };

    explicit StubHttpServer(QObject *parent = nullptr);
    ~StubHttpServer() override;

    bool listen();
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key);
    QUrl url() const;

    // Responses for one route are served in order; the last one repeats.
    void on(const QByteArray &method, const QString &path, const Response &response);
    const QList<Request> &requests() const { return m_requests; }
    // Sends bytes on every open stream of `path`; answers how many got them.
    int push(const QString &path, const QByteArray &bytes);
    void closeStreams(const QString &path);
    int openStreams(const QString &path) const;

private:
    struct Connection;

    void accept();
    void readFrom(QTcpSocket *socket);
    bool parseHead(Connection &connection);
    void answer(QTcpSocket *socket, const Connection &connection);
    Response responseFor(const Request &request);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QHash<QString, QList<Response>> m_routes;
    QHash<QTcpSocket *, Connection *> m_connections;
    QList<Request> m_requests;
    QMultiHash<QString, QTcpSocket *> m_streams; // path -> open stream
};

} // namespace ddd::test
