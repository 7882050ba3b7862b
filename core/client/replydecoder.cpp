// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/replydecoder.h"

#include "core/wire/errorjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace ddd::core::client {

namespace {

constexpr const char CancelledProperty[] = "ddd.cancelled";
constexpr const char FingerprintProperty[] = "ddd.tlsFingerprint";
constexpr const char TlsProblemsProperty[] = "ddd.tlsProblems";

// Certificate complaints arrive through sslErrors() before the reply fails;
// a handshake that breaks for other reasons (no TLS on the other side) does not.
bool isTlsFailure(const QNetworkReply &reply, const QString &fingerprint)
{
    return reply.error() == QNetworkReply::SslHandshakeFailedError || !fingerprint.isEmpty();
}

} // namespace

Result<QByteArray> ReplyDecoder::decodeBytes(QNetworkReply &reply)
{
    if (isCancelled(reply))
        return Error::make(u"client.cancelled"_qs, u"The request was cancelled"_qs);
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return transportError(reply);
    QByteArray body = reply.readAll();
    if (status < 200 || status >= 300)
        return httpError(reply, status, body);
    return body;
}

bool ReplyDecoder::isCancelled(const QNetworkReply &reply)
{
    return reply.property(CancelledProperty).toBool();
}

Result<QJsonValue> ReplyDecoder::decode(QNetworkReply &reply)
{
    Result<QByteArray> answer = decodeBytes(reply);
    if (!answer.ok())
        return answer.error();
    const QByteArray &body = *answer;
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (body.trimmed().isEmpty())
        return QJsonValue();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::make(u"client.bad_response"_qs, u"The agent answered with something that is not JSON"_qs,
                           QJsonObject{{u"status"_qs, status}, {u"reason"_qs, parseError.errorString()}});
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

void ReplyDecoder::markCancelled(QNetworkReply &reply)
{
    reply.setProperty(CancelledProperty, true);
}

void ReplyDecoder::recordTlsProblem(QNetworkReply &reply, const QString &fingerprint, const QStringList &problems)
{
    reply.setProperty(FingerprintProperty, fingerprint);
    reply.setProperty(TlsProblemsProperty, problems);
}

Error ReplyDecoder::httpError(QNetworkReply &reply, int status, const QByteArray &body)
{
    const std::optional<Error> agentError = wire::errorFromJson(QJsonDocument::fromJson(body).object());
    Error error = agentError.value_or(Error::make(
        u"client.http_status"_qs, QStringLiteral("The server answered HTTP %1").arg(status),
        QJsonObject{{u"status"_qs, status}}));
    const QByteArray retryAfter = reply.rawHeader("Retry-After");
    if (!retryAfter.isEmpty())
        error.details.insert(u"retryAfterSeconds"_qs, retryAfter.toInt());
    return error;
}

Error ReplyDecoder::transportError(QNetworkReply &reply)
{
    const QString fingerprint = reply.property(FingerprintProperty).toString();
    if (isTlsFailure(reply, fingerprint)) {
        return Error::make(u"client.tls"_qs, u"The agent's TLS certificate is not trusted"_qs,
                           QJsonObject{{u"host"_qs, reply.url().host()},
                                       {u"fingerprint"_qs, fingerprint},
                                       {u"errors"_qs, QJsonArray::fromStringList(
                                                          reply.property(TlsProblemsProperty).toStringList())}});
    }
    return Error::make(u"client.network"_qs, reply.errorString(),
                       QJsonObject{{u"reason"_qs, reply.errorString()},
                                   {u"url"_qs, reply.url().toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)}});
}

} // namespace ddd::core::client
