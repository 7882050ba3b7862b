// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The whole HTTP/1.1 transport through a real socket: one http::Server on
// 127.0.0.1 for the process, and per input one connection that sends the
// input's bytes as they are, finishes sending (half-close) and reads until
// the server closes. So Beast's parser, body framing (Content-Length,
// chunked, trailers), pipelining, Expect, the refusals and, after the
// prior-knowledge preface, the HTTP/2 frame path all see fuzzed bytes, with
// sanitizers watching the server's threads. Every blocking call retries or
// waits out EINTR (libFuzzer's timeout alarm). Properties: the server closes
// a connection whose client has finished sending (no hang); every HTTP/1.1
// answer is framed so a client can read it; none is a 500 (this handler
// never fails, so a 500 is the transport's own fault).
#include "agent/http/errorresponse.h"
#include "agent/http/server.h"
#include "tests/fuzz/fuzzsupport.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace ddd::agent::http;
using ddd::fuzz::violated;

namespace {

// /echo reads a body and sends it back, /inline answers on the I/O thread,
// /site ignores any body as the site listener does, anything else is 404.
class FuzzHandler final : public RequestHandler
{
public:
    RequestPlan plan(Request &head) override
    {
        RequestPlan plan;
        plan.routeLabel = head.path;
        if (head.path == u"/echo"_qs) {
            plan.bodyLimit = 4096;
            plan.respond = [](Request &request) { return Response::text(200, request.body); };
        } else if (head.path == u"/inline"_qs || head.path == u"/site"_qs) {
            plan.inlineSafe = true;
            plan.ignoresBody = head.path == u"/site"_qs;
            plan.respond = [](Request &) { return Response::text(200, "ok"); };
        } else {
            plan.answer = errorResponse(ddd::core::Error::make(u"route.not_found"_qs, u"no route"_qs));
        }
        return plan;
    }
};

ServerOptions fuzzOptions()
{
    ServerOptions options;
    options.ioThreads = 1;
    options.workerThreads = 2;
    // Short waits: the client always finishes sending, so none should be
    // reached, and one that is shows as a slow input rather than a hang.
    options.limits.headerTimeout = std::chrono::seconds(2);
    options.limits.bodyProgress.idleTimeout = std::chrono::seconds(2);
    options.limits.keepAliveTimeout = std::chrono::seconds(2);
    options.limits.lingerTimeout = std::chrono::milliseconds(200);
    return options;
}

struct Fixture final
{
    FuzzHandler handler;
    Server server{fuzzOptions(), handler};
    Fixture()
    {
        if (const auto started = server.start(); !started.ok())
            violated("the server starts", started.error().message);
    }
};

Fixture &fixture()
{
    static Fixture shared;
    return shared;
}

// libFuzzer's timeout alarm can interrupt a blocking connect(), which then
// goes on in the background: wait for it to finish and ask how it went.
bool awaitConnected(int fd)
{
    pollfd writable{fd, POLLOUT, 0};
    int ready = 0;
    while ((ready = ::poll(&writable, 1, 10000)) < 0 && errno == EINTR) {
    }
    int error = 0;
    socklen_t length = sizeof error;
    if (ready == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0)
        return true;
    errno = ready == 1 ? error : ETIMEDOUT;
    return false;
}

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Longer than every server wait above: reaching it means a hang.
    const timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
        && (errno != EINTR || !awaitConnected(fd)))
        violated("the server accepts a connection", QString::fromLocal8Bit(strerror(errno)));
    return fd;
}

// Sends what the server takes (it may close early after a refusal), then
// half-closes and reads to the end. `reset` is set when the connection was
// reset, which may drop answers already sent.
QByteArray converse(const QByteArray &input, bool &reset)
{
    const int fd = connectTo(fixture().server.port());
    for (qsizetype sent = 0; sent < input.size();) {
        const ssize_t n = ::send(fd, input.constData() + sent, std::size_t(input.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        sent += n;
    }
    ::shutdown(fd, SHUT_WR);
    QByteArray received;
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n > 0) {
            received.append(buffer, n);
            continue;
        }
        reset = n < 0 && errno == ECONNRESET;
        if (n < 0 && !reset)
            violated("the server closes a connection whose client finished sending",
                     QString::fromLocal8Bit(strerror(errno)));
        break;
    }
    ::close(fd);
    return received;
}

qint64 contentLength(const QByteArray &head)
{
    const qsizetype at = head.toLower().indexOf("\r\ncontent-length: ");
    if (at < 0)
        return -1;
    const qsizetype start = at + 18;
    bool ok = false;
    const qint64 length = head.mid(start, head.indexOf("\r\n", start) - start).toLongLong(&ok);
    return ok ? length : -1;
}

// Reads the answers one after another. Every one has a status line and,
// unless 1xx, a Content-Length (the server never sends chunked HTTP/1.1
// answers); with `complete`, none may be cut short. `firstOnly` when a HEAD
// may be among the requests: its answer names a length but has no body, so
// where the next answer starts is not known.
void checkAnswers(const QByteArray &received, bool complete, bool firstOnly)
{
    qsizetype at = 0;
    while (at < received.size()) {
        const qsizetype headEnd = received.indexOf("\r\n\r\n", at);
        if (headEnd < 0) {
            if (complete)
                violated("every answer has a whole head", QString::fromLatin1(received.mid(at, 200).toHex()));
            return;
        }
        const QByteArray head = received.mid(at, headEnd + 4 - at);
        if (!head.startsWith("HTTP/1.1 ") || head.size() < 12)
            violated("every answer starts with a status line", QString::fromLatin1(head.left(64)));
        const int status = head.mid(9, 3).toInt();
        if (status < 100 || status > 599 || status == 500)
            violated("no answer is malformed or a 500", QString::fromLatin1(head));
        at = headEnd + 4;
        if (status < 200)
            continue;
        const qint64 length = contentLength(head);
        if (length < 0)
            violated("every final answer has a Content-Length", QString::fromLatin1(head));
        if (firstOnly)
            return;
        if (complete && received.size() - at < length)
            violated("no answer is cut short", QString::fromLatin1(head));
        at += length;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = ddd::fuzz::bytes(data, size);
    bool reset = false;
    const QByteArray received = converse(input, reset);
    // After the prior-knowledge request line the server speaks HTTP/2:
    // frames, not HTTP/1.1 answers (even when the rest of the preface is
    // wrong, which it answers with SETTINGS and GOAWAY).
    const bool http2 = input.contains("PRI * HTTP/2.0\r\n\r\n") && !received.startsWith("HTTP/");
    if (http2 || received.isEmpty())
        return 0;
    checkAnswers(received, !reset, input.contains("HEAD"));
    return 0;
}
