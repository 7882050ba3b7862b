// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/connectionrefusal.h"

#include "agent/http/deadline.h"
#include "agent/http/errorresponse.h"
#include "agent/http/httpdate.h"
#include "agent/http/httplogging.h"
#include "agent/http/responseserializer.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/write.hpp>

#include <QDateTime>

#include <array>

namespace ddd::agent::http {

namespace {

constexpr std::size_t maxDrainBytes = 64 * 1024;

QByteArray cannedAnswer()
{
    Response response = errorResponse(core::Error::make(u"http.too_many_connections"_qs,
                                                        u"too many open connections; retry shortly"_qs,
                                                        QJsonObject{{u"retryAfterSeconds"_qs, 1}}));
    const ResponseSerializer::Framing framing{response.body.size(), false, false};
    const auto head = ResponseSerializer::head(response, framing, HttpDate::now());
    return head ? *head + response.body : QByteArray();
}

} // namespace

ConnectionRefusal::ConnectionRefusal(std::chrono::milliseconds linger) : m_linger(linger)
{
}

void ConnectionRefusal::refuse(tcp::socket socket, const QHostAddress &peer, bool canAnswer)
{
    if (!canAnswer || m_inFlight.fetch_add(1) >= maxInFlight) {
        if (canAnswer)
            --m_inFlight;
        error_code ignored;
        socket.close(ignored);
        logClosed(peer);
        return;
    }
    qCDebug(lcHttp) << "connection cap reached, answering 503 to" << peer.toString();
    const auto executor = socket.get_executor();
    asio::co_spawn(executor, answerAndClose(std::move(socket)), asio::detached);
}

asio::awaitable<void> ConnectionRefusal::answerAndClose(tcp::socket socket)
{
    Deadline deadline(socket);
    deadline.expireAfter(m_linger);
    const QByteArray answer = cannedAnswer();
    error_code ec;
    co_await asio::async_write(socket, asio::buffer(answer.constData(), std::size_t(answer.size())),
                               awaitableWith(ec));
    // Unread request bytes make the kernel reset the connection on close,
    // which can destroy the answer before the client read it: read them first.
    socket.shutdown(tcp::socket::shutdown_send, ec);
    std::array<char, 4096> discarded;
    for (std::size_t drained = 0; !ec && drained < maxDrainBytes && !deadline.expired();)
        drained += co_await socket.async_read_some(asio::buffer(discarded), awaitableWith(ec));
    socket.close(ec);
    --m_inFlight;
}

void ConnectionRefusal::logClosed(const QHostAddress &peer)
{
    const int unlogged = ++m_unlogged;
    const qint64 second = QDateTime::currentSecsSinceEpoch();
    qint64 last = m_lastLogSecond.load();
    if (second == last || !m_lastLogSecond.compare_exchange_strong(last, second))
        return;
    m_unlogged -= unlogged;
    qCWarning(lcHttp).noquote() << "connection cap reached: closed" << unlogged
                                << "connection(s) without an answer, the latest from" << peer.toString();
}

} // namespace ddd::agent::http
