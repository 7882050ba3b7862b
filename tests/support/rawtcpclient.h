// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QList>
#include <QSslSocket>

#include <optional>
#include <utility>

namespace ddd::test {

// One HTTP response as it came off the wire.
struct RawResponse final
{
    int status = 0;
    QByteArray statusLine;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The first value of `name` (case-insensitive), or a null QByteArray.
    QByteArray header(const QByteArray &name) const;
    int headerCount(const QByteArray &name) const;
    // body parsed as a JSON object (empty when it is not one)
    QJsonObject json() const;
    // json()["error"]["code"], the stable code of an error answer
    QString errorCode() const;
};

// A blocking HTTP/1.1 client for driving the agent byte by byte: it sends
// exactly what a test gives it (malformed, pipelined, trickled) and parses
// answers without judging them. Plain TCP or TLS (certificates not checked).
// Runs on the test thread with waitFor* calls, no event loop needed.
class RawTcpClient final
{
public:
    enum class Mode { Plain, Tls };

    bool connectTo(quint16 port, Mode mode = Mode::Plain, int timeoutMs = 5000);
    // TLS with `serverName` sent by SNI (to 127.0.0.1; empty: none sent).
    bool connectTls(quint16 port, const QString &serverName, int timeoutMs = 5000);
    // The certificate the server showed (TLS only).
    QSslCertificate peerCertificate() const { return m_socket.peerCertificate(); }
    // Writes all of `bytes` (waiting until the socket took them).
    bool send(const QByteArray &bytes, int timeoutMs = 10000);
    // Waits up to `timeoutMs` for anything more from the server; false on
    // timeout or when the server closed without sending more.
    bool waitForData(int timeoutMs);
    // Reads the next complete response. `expectBody` false for answers to
    // HEAD. nullopt on timeout or when the connection ended first.
    std::optional<RawResponse> readResponse(int timeoutMs = 5000, bool expectBody = true);
    // Every byte not consumed yet, read until the server closes; nullopt
    // when it has not closed within `timeoutMs`.
    std::optional<QByteArray> readUntilClosed(int timeoutMs = 5000);
    // Every byte not consumed yet, once there are at least `bytes`; nullopt
    // when they did not arrive within `timeoutMs` or the server closed first.
    std::optional<QByteArray> readAtLeast(qsizetype bytes, int timeoutMs = 5000);
    // True once the server closed the connection, within `timeoutMs`.
    bool waitForClosed(int timeoutMs = 5000);
    bool isConnected() const;
    void close();

    // How many status lines ("HTTP/1.x NNN") `raw` holds: a request smuggled
    // past the server would show as a second one.
    static int countStatusLines(const QByteArray &raw);

private:
    bool readMore(const QDeadlineTimer &deadline);
    std::optional<RawResponse> takeResponse(bool expectBody);

    QSslSocket m_socket;
    QByteArray m_pending;
};

} // namespace ddd::test
