// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslSocket>

#include <cstdint>
#include <optional>
#include <utility>

namespace ddd::test {

// A blocking HTTP/2 client that sends exactly the frames a test builds,
// well-formed or hostile, over TLS with ALPN "h2" or over plain TCP (prior
// knowledge), and reads back the server's frames without judging them.
// Header blocks are encoded and decoded with nghttp2's HPACK coder.
class Http2RawClient final
{
public:
    using Fields = QList<std::pair<QByteArray, QByteArray>>;

    struct Frame
    {
        std::uint8_t type = 0;
        std::uint8_t flags = 0;
        std::int32_t stream = 0;
        QByteArray payload;
    };

    enum Type : std::uint8_t { Data = 0, Headers = 1, RstStream = 3, Settings = 4, Ping = 6, GoAway = 7,
                               WindowUpdate = 8, Continuation = 9 };
    enum Flag : std::uint8_t { EndStream = 1, Ack = 1, EndHeaders = 4 };

    Http2RawClient();
    ~Http2RawClient();

    // Connects, sends the preface and an empty SETTINGS frame.
    bool connectTls(quint16 port, const QByteArray &alpn = "h2");
    bool connectPlain(quint16 port);
    QByteArray negotiatedProtocol() const;

    static QByteArray frame(std::uint8_t type, std::uint8_t flags, std::int32_t stream, const QByteArray &payload);
    // HPACK, literal fields without indexing (or with, when `index`).
    QByteArray encode(const Fields &fields);
    static Fields request(const QByteArray &method, const QByteArray &path, const QByteArray &authority);

    bool send(const QByteArray &bytes);
    // The next frame, nullopt on timeout or when the server closed.
    std::optional<Frame> next(int timeoutMs = 10000);
    // Frames until one of `type` (answering nothing); nullopt when none came.
    std::optional<Frame> waitFor(std::uint8_t type, int timeoutMs = 10000);
    // The GOAWAY error code the server ended with, or -1.
    int goAwayCode(int timeoutMs = 10000);
    // Reads a whole answer on `stream`: decoded fields, then the DATA.
    struct Answer
    {
        Fields fields;
        QByteArray body;
        int status() const;
    };
    std::optional<Answer> answer(std::int32_t stream, int timeoutMs = 10000);
    bool closedByServer(int timeoutMs = 10000);
    // Decodes one complete header block; blocks must be decoded in the order
    // they came, as HPACK's table carries over.
    Fields decode(const QByteArray &block);

private:
    bool startHttp2();
    void giveBack(std::int32_t stream, qsizetype bytes);

    QSslSocket m_socket;
    QByteArray m_buffer;
    struct Coders;
    Coders *m_coders;
};

} // namespace ddd::test
