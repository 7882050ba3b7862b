// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/httptestclient.h"

#include <QBuffer>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrl>

namespace ddd::test {

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpTestClient::HttpTestClient(quint16 port, QString host)
    : m_network(std::make_unique<QNetworkAccessManager>()), m_port(port), m_host(std::move(host))
{
    m_network->setAutoDeleteReplies(false);
}

HttpReply HttpTestClient::get(const QString &path, const QByteArray &hostHeader)
{
    if (hostHeader.isEmpty())
        return send("GET", path);
    return send("GET", path, {}, {{"Host", hostHeader}});
}

HttpReply HttpTestClient::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}});
}

HttpReply HttpTestClient::patch(const QString &path, const QJsonObject &body)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}});
}

HttpReply HttpTestClient::del(const QString &path)
{
    return send("DELETE", path);
}

HttpReply HttpTestClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                               const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(u"http://%1:%2%3"_qs.arg(m_host).arg(m_port).arg(path)));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    auto *buffer = new QBuffer;
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, buffer);
    buffer->setParent(reply);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(60000);
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    reply->deleteLater();
    return result;
}

} // namespace ddd::test
