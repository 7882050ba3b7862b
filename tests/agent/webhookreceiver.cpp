// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/webhookreceiver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace ddd::test {

namespace {

// The request once its head and Content-Length body are in `buffer`.
std::optional<WebhookReceiver::Request> parse(const QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    WebhookReceiver::Request request;
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    request.method = first.value(0);
    request.path = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    request.body = buffer.mid(end + 4, length);
    return request;
}

} // namespace

WebhookReceiver::WebhookReceiver() = default;

WebhookReceiver::~WebhookReceiver()
{
    quit();
    wait();
}

bool WebhookReceiver::listen()
{
    start();
    QDeadlineTimer deadline(5000);
    while (!m_ready && !deadline.hasExpired())
        QThread::msleep(5);
    return m_port != 0;
}

QString WebhookReceiver::url(const QString &path) const
{
    return u"http://127.0.0.1:%1%2"_qs.arg(m_port.load()).arg(path);
}

void WebhookReceiver::queueStatuses(const QList<int> &statuses)
{
    QMutexLocker lock(&m_mutex);
    m_statuses.append(statuses);
}

void WebhookReceiver::setDefaultStatus(int status)
{
    QMutexLocker lock(&m_mutex);
    m_default = status;
}

QList<WebhookReceiver::Request> WebhookReceiver::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

qsizetype WebhookReceiver::count() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests.size();
}

bool WebhookReceiver::waitForCount(qsizetype n, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (count() < n && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
    return count() >= n;
}

int WebhookReceiver::nextStatus()
{
    QMutexLocker lock(&m_mutex);
    return m_statuses.isEmpty() ? m_default : m_statuses.takeFirst();
}

void WebhookReceiver::record(Request request)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(std::move(request));
}

void WebhookReceiver::run()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    m_port = server.serverPort();
    m_ready = true;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                buffer->append(socket->readAll());
                std::optional<Request> request = parse(*buffer);
                if (!request)
                    return;
                buffer->clear();
                record(*request);
                const int status = nextStatus();
                if (status == 0)
                    return; // held open: the sender is mid-attempt
                const QByteArray body = "answer " + QByteArray::number(status);
                QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
                if (status >= 300 && status < 400)
                    head += "Location: " + url(u"/elsewhere"_qs).toUtf8() + "\r\n";
                socket->write(head + "\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    });
    exec();
}

} // namespace ddd::test
