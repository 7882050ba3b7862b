// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>

#include <memory>

namespace ddd::test {

// One finished HTTP exchange as a test inspects it.
struct HttpReply final
{
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(body).array(); }
    // The rows of one page of a paged listing ({"items": [...], "nextCursor"}).
    QJsonArray items() const { return json().value(u"items"_qs).toArray(); }
    QString errorCode() const { return json().value(u"error"_qs).toObject().value(u"code"_qs).toString(); }
};

// A small HTTP client over QNetworkAccessManager for tests: each call waits
// for its reply (QSignalSpy::wait, no sleeps). Real sockets, real agent.
class HttpTestClient final
{
public:
    explicit HttpTestClient(quint16 port, QString host = u"127.0.0.1"_qs);

    void setToken(QString token) { m_token = std::move(token); }
    HttpReply get(const QString &path, const QByteArray &hostHeader = {});
    HttpReply post(const QString &path, const QJsonObject &body);
    HttpReply patch(const QString &path, const QJsonObject &body);
    HttpReply del(const QString &path);
    // Any method with a raw body and extra headers.
    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QList<std::pair<QByteArray, QByteArray>> &headers = {});

private:
    std::unique_ptr<QNetworkAccessManager> m_network; // owned by pointer so clients can be returned by value
    quint16 m_port;
    QString m_host;
    QString m_token;
};

} // namespace ddd::test
