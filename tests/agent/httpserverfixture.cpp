// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/httpserverfixture.h"

namespace ddd::test {

using agent::http::RequestRecord;

QByteArray httpGet(const QByteArray &target, const QByteArray &extraFields)
{
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extraFields + "\r\n";
}

QByteArray httpPost(const QByteArray &target, const QByteArray &fields, const QByteArray &body)
{
    return "POST " + target + " HTTP/1.1\r\nHost: test\r\n" + fields + "\r\n" + body;
}

QByteArray chunkedBody(const QByteArray &body, qsizetype chunkSize)
{
    QByteArray encoded;
    for (qsizetype at = 0; at < body.size(); at += chunkSize) {
        const QByteArray chunk = body.mid(at, chunkSize);
        encoded += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return encoded + "0\r\n\r\n";
}

QByteArray patternBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 26);
    return bytes;
}

void HttpServerFixture::resetFixture()
{
    m_options = agent::http::ServerOptions();
    m_options.limits.headerTimeout = std::chrono::seconds(5);
    m_options.limits.bodyProgress.idleTimeout = std::chrono::seconds(5);
    m_options.limits.keepAliveTimeout = std::chrono::seconds(5);
    m_options.limits.lingerTimeout = std::chrono::milliseconds(200);
    m_handler = std::make_unique<RecordingHandler>();
    std::lock_guard lock(m_recordsMutex);
    m_records.clear();
}

void HttpServerFixture::stopFixture()
{
    m_server.reset();
    m_handler.reset();
}

bool HttpServerFixture::startServer()
{
    m_server = std::make_unique<agent::http::Server>(m_options, *m_handler, [this](const RequestRecord &record) {
        std::lock_guard lock(m_recordsMutex);
        m_records.append(record);
    });
    return m_server->start().ok();
}

QList<RequestRecord> HttpServerFixture::records()
{
    std::lock_guard lock(m_recordsMutex);
    return m_records;
}

RawResponse HttpServerFixture::exchange(RawTcpClient &client, const QByteArray &raw, bool expectBody)
{
    if (!client.isConnected() && !client.connectTo(m_server->port()))
        return {};
    if (!client.send(raw))
        return {};
    return next(client, expectBody);
}

RawResponse HttpServerFixture::next(RawTcpClient &client, bool expectBody)
{
    return client.readResponse(5000, expectBody).value_or(RawResponse());
}

bool HttpServerFixture::isClosedWithoutMore(RawTcpClient &client)
{
    const auto rest = client.readUntilClosed();
    return rest && rest->isEmpty();
}

} // namespace ddd::test
