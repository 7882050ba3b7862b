// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/apitransport.h"

#include "core/client/replydecoder.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>

namespace ddd::core::client {

namespace {

QString normalisedFingerprint(const QString &text)
{
    QString hex = text.toUpper();
    hex.remove(u':');
    QString grouped;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        grouped += (i ? u":"_qs : QString()) + hex.mid(i, 2);
    return grouped;
}

} // namespace

ApiTransport::ApiTransport(QUrl baseUrl, QObject *parent)
    : QObject(parent), m_baseUrl(std::move(baseUrl)), m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

ApiTransport::~ApiTransport()
{
    // Callbacks must not run while this object is half destroyed.
    for (QNetworkReply *reply : m_network->findChildren<QNetworkReply *>()) {
        reply->disconnect();
        reply->abort();
    }
}

void ApiTransport::setTrustedFingerprint(const QString &sha256)
{
    m_trustedFingerprint = normalisedFingerprint(sha256);
}

QNetworkReply *ApiTransport::sendJson(const QByteArray &method, const QString &path, const QJsonValue &body,
                                      const QUrlQuery &query)
{
    QNetworkRequest request = requestFor(path, query, {});
    if (body.isUndefined() || body.isNull())
        return watch(m_network->sendCustomRequest(request, method));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonDocument document = body.isArray() ? QJsonDocument(body.toArray()) : QJsonDocument(body.toObject());
    return watch(m_network->sendCustomRequest(request, method, document.toJson(QJsonDocument::Compact)));
}

QNetworkReply *ApiTransport::sendDevice(const QByteArray &method, const QString &path, QIODevice *body,
                                        const Headers &headers, const QUrlQuery &query)
{
    return watch(m_network->sendCustomRequest(requestFor(path, query, headers), method, body));
}

QNetworkReply *ApiTransport::sendBytes(const QByteArray &method, const QString &path, const QByteArray &body,
                                       const Headers &headers)
{
    return watch(m_network->sendCustomRequest(requestFor(path, {}, headers), method, body));
}

QNetworkReply *ApiTransport::openStream(const QString &path)
{
    QNetworkRequest request = requestFor(path, {}, {{"Accept", "text/event-stream"}});
    request.setTransferTimeout(0);
    return watch(m_network->get(request));
}

QString ApiTransport::fingerprintOf(const QSslCertificate &certificate)
{
    return normalisedFingerprint(QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()));
}

QUrl ApiTransport::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    QString prefix = url.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path, QUrl::TolerantMode);
    url.setQuery(query);
    return url;
}

QNetworkRequest ApiTransport::requestFor(const QString &path, const QUrlQuery &query, const Headers &headers) const
{
    QNetworkRequest request(urlFor(path, query));
    request.setTransferTimeout(int(m_timeout.count()));
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return request;
}

QNetworkReply *ApiTransport::watch(QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply](const QList<QSslError> &errors) { onSslErrors(reply, errors); });
    return reply;
}

void ApiTransport::onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors)
{
    QSslCertificate peer = reply->sslConfiguration().peerCertificate();
    if (peer.isNull() && !errors.isEmpty())
        peer = errors.first().certificate();
    const QString fingerprint = fingerprintOf(peer);
    if (!m_trustedFingerprint.isEmpty() && fingerprint == m_trustedFingerprint) {
        reply->ignoreSslErrors(errors);
        return;
    }
    QStringList problems;
    for (const QSslError &error : errors)
        problems.append(error.errorString());
    ReplyDecoder::recordTlsProblem(*reply, fingerprint, problems);
}

QString ApiTransport::idPath(const char *collection, qint64 id, const char *tail)
{
    return QStringLiteral("/api/v1/%1/%2%3").arg(QLatin1String(collection)).arg(id).arg(QLatin1String(tail));
}

QString ApiTransport::uploadPath(const QString &uploadId, const QString &tail)
{
    return u"/api/v1/uploads/"_qs + QString::fromLatin1(QUrl::toPercentEncoding(uploadId)) + tail;
}

} // namespace ddd::core::client
