// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/rawtcpclient.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace ddd::test {

namespace {

struct ParsedHead
{
    RawResponse response;
    qsizetype bodyStart = 0;
};

std::optional<ParsedHead> parseHead(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    ParsedHead head;
    head.response.statusLine = lines.first().trimmed();
    head.response.status = head.response.statusLine.split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            head.response.headers.append({lines[i].left(colon), lines[i].mid(colon + 1).trimmed()});
    }
    head.bodyStart = end + 4;
    return head;
}

// A chunked body starting at `from`: its decoded bytes and where it ends,
// or nullopt while incomplete.
std::optional<std::pair<QByteArray, qsizetype>> decodeChunked(const QByteArray &bytes, qsizetype from)
{
    QByteArray body;
    for (qsizetype at = from;;) {
        const qsizetype lineEnd = bytes.indexOf("\r\n", at);
        if (lineEnd < 0)
            return std::nullopt;
        bool ok = false;
        const qsizetype size = bytes.mid(at, lineEnd - at).split(';').first().toLongLong(&ok, 16);
        if (!ok)
            return std::nullopt;
        if (size == 0) {
            const qsizetype trailerEnd = bytes.indexOf("\r\n", lineEnd + 2);
            return trailerEnd < 0 ? std::nullopt : std::optional(std::pair(body, trailerEnd + 2));
        }
        if (bytes.size() < lineEnd + 2 + size + 2)
            return std::nullopt;
        body += bytes.mid(lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
    }
}

} // namespace

QByteArray RawResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

int RawResponse::headerCount(const QByteArray &name) const
{
    int count = 0;
    for (const auto &field : headers)
        count += field.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
    return count;
}

QJsonObject RawResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString RawResponse::errorCode() const
{
    return json().value(u"error"_qs).toObject().value(u"code"_qs).toString();
}

bool RawTcpClient::connectTo(quint16 port, Mode mode, int timeoutMs)
{
    if (mode == Mode::Tls) {
        m_socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket.connectToHostEncrypted(u"127.0.0.1"_qs, port);
        return m_socket.waitForEncrypted(timeoutMs);
    }
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return m_socket.waitForConnected(timeoutMs);
}

bool RawTcpClient::connectTls(quint16 port, const QString &serverName, int timeoutMs)
{
    m_socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    // Connected by address, so the name goes only into SNI.
    m_socket.connectToHostEncrypted(u"127.0.0.1"_qs, port, serverName);
    return m_socket.waitForEncrypted(timeoutMs);
}

bool RawTcpClient::send(const QByteArray &bytes, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    if (m_socket.write(bytes) != bytes.size())
        return false;
    while (m_socket.bytesToWrite() > 0 || m_socket.encryptedBytesToWrite() > 0)
        if (!m_socket.waitForBytesWritten(int(deadline.remainingTime())))
            return false;
    return true;
}

bool RawTcpClient::waitForData(int timeoutMs)
{
    return readMore(QDeadlineTimer(timeoutMs));
}

std::optional<RawResponse> RawTcpClient::readResponse(int timeoutMs, bool expectBody)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (auto response = takeResponse(expectBody))
            return response;
        if (!readMore(deadline))
            return takeResponse(expectBody);
    }
}

std::optional<QByteArray> RawTcpClient::readUntilClosed(int timeoutMs)
{
    if (!waitForClosed(timeoutMs))
        return std::nullopt;
    return std::exchange(m_pending, {});
}

std::optional<QByteArray> RawTcpClient::readAtLeast(qsizetype bytes, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_pending.size() < bytes && !deadline.hasExpired())
        if (!readMore(deadline) && m_socket.state() != QAbstractSocket::ConnectedState)
            break;
    if (m_pending.size() < bytes)
        return std::nullopt;
    return std::exchange(m_pending, {});
}

bool RawTcpClient::waitForClosed(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
        readMore(deadline);
    m_pending += m_socket.readAll();
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

bool RawTcpClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void RawTcpClient::close()
{
    m_socket.abort();
}

int RawTcpClient::countStatusLines(const QByteArray &raw)
{
    static const QRegularExpression statusLine(u"(^|\\r\\n)HTTP/1\\.[01] \\d{3}"_qs);
    return int(QString::fromLatin1(raw).count(statusLine));
}

bool RawTcpClient::readMore(const QDeadlineTimer &deadline)
{
    const qsizetype before = m_pending.size();
    m_pending += m_socket.readAll();
    if (m_pending.size() > before)
        return true;
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return false;
    m_socket.waitForReadyRead(int(std::max<qint64>(0, deadline.remainingTime())));
    m_pending += m_socket.readAll();
    return m_pending.size() > before;
}

std::optional<RawResponse> RawTcpClient::takeResponse(bool expectBody)
{
    auto head = parseHead(m_pending);
    if (!head)
        return std::nullopt;
    RawResponse response = head->response;
    const bool hasBody = expectBody && response.status >= 200 && response.status != 204 && response.status != 304;
    qsizetype end = head->bodyStart;
    if (hasBody && response.header("Transfer-Encoding").toLower() == "chunked") {
        auto chunked = decodeChunked(m_pending, head->bodyStart);
        if (!chunked)
            return std::nullopt;
        std::tie(response.body, end) = *chunked;
    } else if (hasBody && !response.header("Content-Length").isNull()) {
        end += response.header("Content-Length").toLongLong();
        if (m_pending.size() < end)
            return std::nullopt;
        response.body = m_pending.mid(head->bodyStart, end - head->bodyStart);
    } else if (hasBody) {
        // Delimited by the end of the connection.
        if (isConnected())
            return std::nullopt;
        end = m_pending.size();
        response.body = m_pending.mid(head->bodyStart);
    }
    m_pending.remove(0, end);
    return response;
}

} // namespace ddd::test
