// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
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

        static Response json(int status, const QByteArray &body);
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
};

} // namespace ddd::test
