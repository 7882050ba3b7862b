// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/s3transport.h"

#include "agent/http/asiostreams.h"
#include "core/blobs/sha256.h"

#include <QDateTime>
#include <QFile>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <limits>
#include <optional>

namespace ddd::agent::http {

namespace {

namespace bhttp = beast::http;
using core::Error;
using core::s3::SigV4Signer;

constexpr std::size_t kMaxBodyInMemory = 1 << 20;
constexpr qint64 kFileChunk = 256 * 1024;
constexpr std::uint64_t kNoBodyLimit = std::numeric_limits<std::uint64_t>::max();

Error unavailable(const S3Endpoint &endpoint, const QString &what, const error_code &ec)
{
    return Error::make(u"objects.unavailable"_qs,
                       u"The object store at %1:%2 cannot be reached: %3 (%4)"_qs.arg(
                           QString::fromUtf8(endpoint.host), QString::number(endpoint.port), what,
                           QString::fromStdString(ec.message())));
}

Error protocolError(const error_code &ec)
{
    return Error::make(u"objects.protocol"_qs,
                       u"The object store's answer is not HTTP: "_qs + QString::fromStdString(ec.message()));
}

// Beast's own parse errors, apart from a connection closed before the
// answer: the peer is not speaking HTTP.
bool isProtocolFailure(const error_code &ec)
{
    return ec.category() == make_error_code(bhttp::error::bad_version).category()
        && ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

bool isCertificateFailure(const error_code &ec)
{
    return ec.category() == asio::error::get_ssl_category()
        && ERR_GET_REASON(ec.value()) == SSL_R_CERTIFICATE_VERIFY_FAILED;
}

} // namespace

struct S3Transport::Impl
{
    explicit Impl(S3Endpoint e)
        : endpoint(std::move(e)), signer(endpoint.credentials, endpoint.region), tlsContext(makeTlsContext())
    {
    }

    std::optional<asio::ssl::context> makeTlsContext() const;
    // Runs one asynchronous step to its end or the step timeout; on a
    // timeout `cancel` (by default: close the connection) ends it and
    // timed_out is returned.
    template<typename Start, typename Cancel>
    error_code await(Start start, Cancel cancel);
    template<typename Start>
    error_code await(Start start)
    {
        return await(start, [this] { disconnect(); });
    }
    core::Result<Reply> failure(const QString &what, const error_code &ec) const;
    core::Status connect();
    void disconnect();
    QByteArray head(const Request &request) const;
    core::Status writeRequest(const Request &request);
    template<typename Buffers>
    error_code write(const Buffers &buffers);
    void acknowledgeAtOnce();
    template<typename Parser>
    error_code readHeader(Parser &parser);
    template<typename Parser>
    error_code readBody(Parser &parser, const std::function<void()> &afterPiece = {});
    core::Result<Reply> exchange(const Request &request, const QString *destination);
    core::Result<Reply> exchangeOnce(const Request &request, const QString *destination, bool &retryable);
    core::Result<Reply> readReply(const Request &request, const QString *destination);

    S3Endpoint endpoint;
    std::function<void()> downloadWritten; // during download() only
    SigV4Signer signer;
    asio::io_context io;
    std::optional<asio::ssl::context> tlsContext;
    std::unique_ptr<PlainStream> plain;
    std::unique_ptr<TlsStream> secure;
    beast::flat_buffer buffer;
    bool connected = false;
};

std::optional<asio::ssl::context> S3Transport::Impl::makeTlsContext() const
{
    if (!endpoint.tls)
        return std::nullopt;
    asio::ssl::context context(asio::ssl::context::tls_client);
    context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2
                        | asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1
                        | asio::ssl::context::no_tlsv1_1);
    context.set_default_verify_paths();
    if (!endpoint.caFile.isEmpty()) {
        error_code ignored; // a missing file shows as a failed verification
        context.load_verify_file(endpoint.caFile.toStdString(), ignored);
    }
    context.set_verify_mode(asio::ssl::verify_peer);
    return context;
}

template<typename Start, typename Cancel>
error_code S3Transport::Impl::await(Start start, Cancel cancel)
{
    std::optional<error_code> result;
    start([&result](error_code ec, auto &&...) { result = ec; });
    io.restart();
    io.run_for(endpoint.stepTimeout);
    if (result)
        return *result;
    cancel(); // completes what is pending with operation_aborted
    io.restart();
    io.run();
    return asio::error::timed_out;
}

core::Status S3Transport::Impl::connect()
{
    tcp::resolver resolver(io);
    tcp::resolver::results_type addresses;
    error_code ec = await([&](auto handler) {
        resolver.async_resolve(endpoint.host.toStdString(), std::to_string(endpoint.port),
                               [&addresses, handler](error_code e, tcp::resolver::results_type r) mutable {
                                   addresses = std::move(r);
                                   handler(e);
                               });
    }, [&resolver] { resolver.cancel(); });
    if (ec)
        return unavailable(endpoint, u"resolving the host"_qs, ec);
    plain = std::make_unique<PlainStream>(io);
    ec = await([&](auto handler) { asio::async_connect(*plain, addresses, handler); });
    if (ec)
        return unavailable(endpoint, u"connecting"_qs, ec);
    plain->set_option(tcp::no_delay(true));
    if (tlsContext) {
        secure = std::make_unique<TlsStream>(std::move(*plain), *tlsContext);
        plain.reset();
        SSL_set_tlsext_host_name(secure->native_handle(), endpoint.host.constData());
        secure->set_verify_callback(asio::ssl::host_name_verification(endpoint.host.toStdString()));
        ec = await([&](auto handler) { secure->async_handshake(asio::ssl::stream_base::client, handler); });
        if (isCertificateFailure(ec))
            return Error::make(u"objects.tls_untrusted"_qs,
                               u"The object store's certificate for %1 did not verify"_qs.arg(
                                   QString::fromUtf8(endpoint.host)));
        if (ec)
            return unavailable(endpoint, u"the TLS handshake"_qs, ec);
    }
    connected = true;
    buffer.clear();
    return {};
}

void S3Transport::Impl::disconnect()
{
    error_code ignored;
    if (secure)
        secure->next_layer().close(ignored);
    if (plain)
        plain->close(ignored);
    connected = false;
}

// Written by hand rather than by Beast's serializer: every header we send
// is one we chose, and what is signed is then exactly what goes out.
QByteArray S3Transport::Impl::head(const Request &request) const
{
    const QByteArray path = SigV4Signer::canonicalPath(request.path);
    const bool defaultPort = endpoint.port == (endpoint.tls ? 443 : 80);
    const QByteArray host = defaultPort ? endpoint.host : endpoint.host + ':' + QByteArray::number(endpoint.port);
    const QByteArray date = SigV4Signer::amzDate(QDateTime::currentDateTimeUtc());
    const QByteArray payloadHash =
        request.payloadHash.isEmpty() ? core::blobs::Sha256::hexOf(request.body) : request.payloadHash;
    SigV4Signer::Request signing{request.method, path, request.query, request.headers, payloadHash};
    signing.headers += {{"Host", host}, {"x-amz-date", date}, {"x-amz-content-sha256", payloadHash}};
    const qint64 length = request.bodyFile.isEmpty() ? request.body.size() : request.bodyLength;
    QByteArray out = request.method + ' ' + path + (request.query.isEmpty() ? "" : "?" + request.query) + " HTTP/1.1\r\n";
    for (const auto &[name, value] : signing.headers)
        out += name + ": " + value + "\r\n";
    out += "Authorization: " + signer.authorization(signing, date) + "\r\n";
    if (length > 0 || request.method == "PUT" || request.method == "POST")
        out += "Content-Length: " + QByteArray::number(length) + "\r\n";
    out += "User-Agent: ddd-agent\r\n\r\n";
    return out;
}

template<typename Buffers>
error_code S3Transport::Impl::write(const Buffers &buffers)
{
    return await([&](auto handler) {
        if (secure)
            asio::async_write(*secure, buffers, handler);
        else
            asio::async_write(*plain, buffers, handler);
    });
}

core::Status S3Transport::Impl::writeRequest(const Request &request)
{
    const QByteArray requestHead = head(request);
    if (error_code ec = write(asio::buffer(requestHead.constData(), requestHead.size())))
        return unavailable(endpoint, u"sending a request"_qs, ec);
    if (request.bodyFile.isEmpty()) {
        if (request.body.isEmpty())
            return {};
        error_code ec = write(asio::buffer(request.body.constData(), request.body.size()));
        return ec ? core::Status(unavailable(endpoint, u"sending a body"_qs, ec)) : core::Status();
    }
    QFile file(request.bodyFile);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(request.bodyOffset))
        return Error::make(u"io.error"_qs, u"Cannot read %1: %2"_qs.arg(request.bodyFile, file.errorString()));
    for (qint64 left = request.bodyLength; left > 0;) {
        const QByteArray chunk = file.read(std::min(left, kFileChunk));
        if (chunk.isEmpty())
            return Error::make(u"io.error"_qs, u"%1 ended early"_qs.arg(request.bodyFile));
        if (error_code ec = write(asio::buffer(chunk.constData(), chunk.size())))
            return unavailable(endpoint, u"sending a body"_qs, ec);
        left -= chunk.size();
    }
    return {};
}

// A server that writes an answer's head and body separately with Nagle's
// algorithm on (radosgw does) holds the body back until the head is
// acknowledged, and on a kept-alive connection Linux delays that ACK by up
// to 40 ms: measured, every fetch after the first took 44 ms instead of 4.
// Quick-ack mode lasts until we send again, so it is asked for before each
// read.
void S3Transport::Impl::acknowledgeAtOnce()
{
#ifdef TCP_QUICKACK
    const int on = 1;
    const int fd = secure ? secure->next_layer().native_handle() : plain->native_handle();
    ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#endif
}

template<typename Parser>
error_code S3Transport::Impl::readHeader(Parser &parser)
{
    acknowledgeAtOnce();
    return await([&](auto handler) {
        if (secure)
            bhttp::async_read_header(*secure, buffer, parser, handler);
        else
            bhttp::async_read_header(*plain, buffer, parser, handler);
    });
}

// A piece at a time, so the step timeout bounds a stall, not the transfer.
template<typename Parser>
error_code S3Transport::Impl::readBody(Parser &parser, const std::function<void()> &afterPiece)
{
    while (!parser.is_done()) {
        acknowledgeAtOnce();
        error_code ec = await([&](auto handler) {
            if (secure)
                bhttp::async_read_some(*secure, buffer, parser, handler);
            else
                bhttp::async_read_some(*plain, buffer, parser, handler);
        });
        if (ec)
            return ec;
        if (afterPiece)
            afterPiece();
    }
    return {};
}

core::Result<S3Transport::Reply> S3Transport::Impl::readReply(const Request &request, const QString *destination)
{
    bhttp::response_parser<bhttp::empty_body> headParser;
    // Not boost::none: Boost 1.74 compares a Content-Length against an empty
    // limit as larger, and refuses every body.
    headParser.body_limit(kNoBodyLimit);
    if (request.method == "HEAD")
        headParser.skip(true);
    if (error_code ec = readHeader(headParser))
        return failure(u"reading an answer"_qs, ec);
    Reply reply;
    const auto &header = headParser.get();
    reply.status = int(header.result_int());
    reply.etag = QByteArray::fromStdString(std::string(header[bhttp::field::etag]));
    if (headParser.content_length())
        reply.contentLength = qint64(*headParser.content_length());
    const bool keepAlive = headParser.keep_alive();
    error_code ec;
    if (destination && reply.status == 200) {
        bhttp::response_parser<bhttp::file_body> fileParser(std::move(headParser));
        fileParser.body_limit(kNoBodyLimit);
        fileParser.get().body().open(destination->toStdString().c_str(), beast::file_mode::write, ec);
        if (ec)
            return Error::make(u"io.error"_qs, u"Cannot write %1: %2"_qs.arg(*destination,
                                                                             QString::fromStdString(ec.message())));
        ec = readBody(fileParser, downloadWritten);
    } else {
        bhttp::response_parser<bhttp::string_body> textParser(std::move(headParser));
        textParser.body_limit(kMaxBodyInMemory);
        ec = readBody(textParser);
        reply.body = QByteArray::fromStdString(textParser.get().body());
    }
    if (ec)
        return failure(u"reading an answer"_qs, ec);
    if (!keepAlive)
        disconnect();
    return reply;
}

core::Result<S3Transport::Reply> S3Transport::Impl::failure(const QString &what, const error_code &ec) const
{
    if (isProtocolFailure(ec))
        return protocolError(ec);
    return unavailable(endpoint, what, ec);
}

core::Result<S3Transport::Reply> S3Transport::Impl::exchangeOnce(const Request &request, const QString *destination,
                                                                 bool &retryable)
{
    const bool reused = connected;
    if (!connected)
        if (core::Status s = connect(); !s)
            return s.error();
    if (core::Status s = writeRequest(request); !s) {
        disconnect();
        retryable = reused && s.error().code == u"objects.unavailable"_qs;
        return s.error();
    }
    core::Result<Reply> reply = readReply(request, destination);
    if (!reply) {
        // A kept-alive connection the server closed before answering.
        retryable = reused && buffer.size() == 0 && reply.error().code == u"objects.unavailable"_qs;
        disconnect();
    }
    return reply;
}

core::Result<S3Transport::Reply> S3Transport::Impl::exchange(const Request &request, const QString *destination)
{
    bool retryable = false;
    core::Result<Reply> reply = exchangeOnce(request, destination, retryable);
    if (!reply && retryable)
        return exchangeOnce(request, destination, retryable);
    return reply;
}

S3Transport::S3Transport(S3Endpoint endpoint) : d(std::make_unique<Impl>(std::move(endpoint)))
{
}

S3Transport::~S3Transport()
{
    d->disconnect();
}

core::Result<S3Transport::Reply> S3Transport::send(const Request &request)
{
    return d->exchange(request, nullptr);
}

core::Result<S3Transport::Reply> S3Transport::download(const Request &request, const QString &destination,
                                                       const std::function<void()> &written)
{
    d->downloadWritten = written;
    core::Result<Reply> reply = d->exchange(request, &destination);
    d->downloadWritten = {};
    return reply;
}

const S3Endpoint &S3Transport::endpoint() const
{
    return d->endpoint;
}

} // namespace ddd::agent::http
