// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QNetworkRequest>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <utility>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QSslCertificate;
class QSslError;

namespace ddd::core::client {

// Sends requests to one agent: joins paths onto the base URL (which may carry
// a path prefix behind a reverse proxy), adds the bearer token, and decides
// about TLS. A certificate the system does not trust is accepted only when its
// SHA-256 fingerprint equals the one the user confirmed.
class ApiTransport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiTransport)

public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    explicit ApiTransport(QUrl baseUrl, QObject *parent = nullptr);
    ~ApiTransport() override;

    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    // Hex digits, with or without colons, any case; empty trusts only the system.
    void setTrustedFingerprint(const QString &sha256);
    // Abort a call after this long without a byte moving either way.
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    QNetworkReply *sendJson(const QByteArray &method, const QString &path, const QJsonValue &body = {},
                            const QUrlQuery &query = {});
    // Streams `body` from its current position; the caller keeps it alive.
    QNetworkReply *sendDevice(const QByteArray &method, const QString &path, QIODevice *body,
                              const Headers &headers, const QUrlQuery &query = {});
    QNetworkReply *sendBytes(const QByteArray &method, const QString &path, const QByteArray &body,
                             const Headers &headers);

    // A GET whose answer is read as it arrives (text/event-stream): no
    // transfer timeout, since a quiet build sends nothing for a while.
    QNetworkReply *openStream(const QString &path);

    // "/api/v1/<collection>/<id><tail>", e.g. idPath("builds", 7, "/log").
    static QString idPath(const char *collection, qint64 id, const char *tail = "");
    // "/api/v1/uploads/<id><tail>" with the session id percent-encoded.
    static QString uploadPath(const QString &uploadId, const QString &tail);

    // "AB:CD:…" upper-case hex of the certificate's SHA-256 digest.
    static QString fingerprintOf(const QSslCertificate &certificate);

private:
    QUrl urlFor(const QString &path, const QUrlQuery &query) const;
    QNetworkRequest requestFor(const QString &path, const QUrlQuery &query, const Headers &headers) const;
    QNetworkReply *watch(QNetworkReply *reply);
    void onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);

    QUrl m_baseUrl;
    QString m_token;
    QString m_trustedFingerprint; // normalised: upper-case hex with colons
    std::chrono::milliseconds m_timeout{30'000};
    QNetworkAccessManager *m_network;
};

} // namespace ddd::core::client
