// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/http2rawclient.h"

#include <QDeadlineTimer>
#include <QSslConfiguration>

#include <nghttp2/nghttp2.h>

#include <vector>

namespace ddd::test {

struct Http2RawClient::Coders
{
    nghttp2_hd_deflater *deflater = nullptr;
    nghttp2_hd_inflater *inflater = nullptr;
};

Http2RawClient::Http2RawClient() : m_coders(new Coders)
{
    nghttp2_hd_deflate_new(&m_coders->deflater, 4096);
    nghttp2_hd_inflate_new(&m_coders->inflater);
}

Http2RawClient::~Http2RawClient()
{
    nghttp2_hd_deflate_del(m_coders->deflater);
    nghttp2_hd_inflate_del(m_coders->inflater);
    delete m_coders;
}

bool Http2RawClient::connectTls(quint16 port, const QByteArray &alpn)
{
    QSslConfiguration config = m_socket.sslConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.setAllowedNextProtocols({alpn});
    m_socket.setSslConfiguration(config);
    m_socket.connectToHostEncrypted(u"127.0.0.1"_qs, port);
    return m_socket.waitForEncrypted(10000) && startHttp2();
}

bool Http2RawClient::connectPlain(quint16 port)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return m_socket.waitForConnected(10000) && startHttp2();
}

QByteArray Http2RawClient::negotiatedProtocol() const
{
    return m_socket.sslConfiguration().nextNegotiatedProtocol();
}

bool Http2RawClient::startHttp2()
{
    return send(QByteArrayLiteral("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") + frame(Settings, 0, 0, {}));
}

QByteArray Http2RawClient::frame(std::uint8_t type, std::uint8_t flags, std::int32_t stream,
                                 const QByteArray &payload)
{
    QByteArray out;
    const quint32 length = quint32(payload.size());
    out.append(char(length >> 16)).append(char(length >> 8)).append(char(length));
    out.append(char(type)).append(char(flags));
    out.append(char(stream >> 24)).append(char(stream >> 16)).append(char(stream >> 8)).append(char(stream));
    return out + payload;
}

QByteArray Http2RawClient::encode(const Fields &fields)
{
    std::vector<nghttp2_nv> nva;
    for (const auto &[name, value] : fields)
        nva.push_back({reinterpret_cast<uint8_t *>(const_cast<char *>(name.constData())),
                       reinterpret_cast<uint8_t *>(const_cast<char *>(value.constData())), size_t(name.size()),
                       size_t(value.size()), NGHTTP2_NV_FLAG_NONE});
    QByteArray out(qsizetype(nghttp2_hd_deflate_bound(m_coders->deflater, nva.data(), nva.size())), '\0');
    const ssize_t written = nghttp2_hd_deflate_hd(m_coders->deflater, reinterpret_cast<uint8_t *>(out.data()),
                                                  size_t(out.size()), nva.data(), nva.size());
    out.truncate(written < 0 ? 0 : qsizetype(written));
    return out;
}

Http2RawClient::Fields Http2RawClient::request(const QByteArray &method, const QByteArray &path,
                                               const QByteArray &authority)
{
    return {{":method", method}, {":scheme", "https"}, {":authority", authority}, {":path", path}};
}

bool Http2RawClient::send(const QByteArray &bytes)
{
    if (m_socket.write(bytes) != bytes.size())
        return false;
    const QDeadlineTimer deadline(10000);
    while (m_socket.bytesToWrite() > 0 || m_socket.encryptedBytesToWrite() > 0)
        if (!m_socket.waitForBytesWritten(int(deadline.remainingTime())))
            return false;
    return true;
}

std::optional<Http2RawClient::Frame> Http2RawClient::next(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (m_buffer.size() >= 9) {
            const auto byte = [&](int i) { return quint32(quint8(m_buffer[i])); };
            const qsizetype length = qsizetype(byte(0) << 16 | byte(1) << 8 | byte(2));
            if (m_buffer.size() >= 9 + length) {
                Frame frame{quint8(m_buffer[3]), quint8(m_buffer[4]),
                            std::int32_t((byte(5) & 0x7f) << 24 | byte(6) << 16 | byte(7) << 8 | byte(8)),
                            m_buffer.mid(9, length)};
                m_buffer.remove(0, 9 + length);
                return frame;
            }
        }
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(int(deadline.remainingTime())))
            return std::nullopt;
        m_buffer.append(m_socket.readAll());
    }
}

std::optional<Http2RawClient::Frame> Http2RawClient::waitFor(std::uint8_t type, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (auto frame = next(int(deadline.remainingTime())))
        if (frame->type == type)
            return frame;
    return std::nullopt;
}

int Http2RawClient::goAwayCode(int timeoutMs)
{
    const auto goAway = waitFor(GoAway, timeoutMs);
    if (!goAway || goAway->payload.size() < 8)
        return -1;
    const auto byte = [&](int i) { return quint32(quint8(goAway->payload[i])); };
    return int(byte(4) << 24 | byte(5) << 16 | byte(6) << 8 | byte(7));
}

std::optional<Http2RawClient::Answer> Http2RawClient::answer(std::int32_t stream, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    Answer answer;
    QByteArray block;
    while (auto frame = next(int(deadline.remainingTime()))) {
        if (frame->stream != stream)
            continue;
        if (frame->type == Headers || frame->type == Continuation) {
            block += frame->payload; // no padding or priority: nghttp2 sends neither here
            if (frame->flags & EndHeaders)
                answer.fields += decode(std::exchange(block, {}));
        } else if (frame->type == Data) {
            answer.body += frame->payload;
            giveBack(stream, frame->payload.size());
        } else if (frame->type == RstStream) {
            return std::nullopt;
        }
        if (frame->flags & EndStream && (frame->type == Headers || frame->type == Data))
            return answer;
    }
    return std::nullopt;
}

void Http2RawClient::giveBack(std::int32_t stream, qsizetype bytes)
{
    if (bytes <= 0)
        return;
    QByteArray increment(4, '\0');
    for (int i = 0; i < 4; ++i)
        increment[i] = char(quint32(bytes) >> (24 - 8 * i));
    send(frame(WindowUpdate, 0, 0, increment) + frame(WindowUpdate, 0, stream, increment));
}

bool Http2RawClient::closedByServer(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        m_socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        m_buffer.append(m_socket.readAll());
    }
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

Http2RawClient::Fields Http2RawClient::decode(const QByteArray &block)
{
    Fields fields;
    auto *in = reinterpret_cast<const uint8_t *>(block.constData());
    size_t left = size_t(block.size());
    for (;;) {
        nghttp2_nv nv;
        int flags = 0;
        const ssize_t used = nghttp2_hd_inflate_hd2(m_coders->inflater, &nv, &flags, in, left, 1);
        if (used < 0)
            return fields;
        in += used;
        left -= size_t(used);
        if (flags & NGHTTP2_HD_INFLATE_EMIT)
            fields.append({QByteArray(reinterpret_cast<const char *>(nv.name), qsizetype(nv.namelen)),
                           QByteArray(reinterpret_cast<const char *>(nv.value), qsizetype(nv.valuelen))});
        if (flags & NGHTTP2_HD_INFLATE_FINAL) {
            nghttp2_hd_inflate_end_headers(m_coders->inflater);
            return fields;
        }
        if (used == 0 && left == 0)
            return fields;
    }
}

int Http2RawClient::Answer::status() const
{
    for (const auto &[name, value] : fields)
        if (name == ":status")
            return value.toInt();
    return 0;
}

} // namespace ddd::test
