// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/responsewriter.h"

#include "agent/http/deadline.h"
#include "agent/http/errorresponse.h"
#include "agent/http/httpdate.h"

#include <boost/asio/write.hpp>

#include <array>
#include <cerrno>

#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace ddd::agent::http {

namespace {

core::Error unreadableFile(const QString &reason)
{
    return core::Error::make(u"internal"_qs, u"response file unreadable: "_qs + reason);
}

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK;
}

} // namespace

template<typename Stream>
ResponseWriter<Stream>::ResponseWriter(Stream &stream, Deadline &deadline, const ServerLimits &limits)
    : m_stream(stream), m_deadline(deadline), m_limits(limits)
{
}

template<typename Stream>
asio::awaitable<typename ResponseWriter<Stream>::Result>
ResponseWriter<Stream>::write(Response response, ResponseSerializer::Framing framing, bool withBody)
{
    auto window = windowOf(response);
    if (!window) {
        response = errorResponse(window.error());
        window = FileWindow{nullptr, 0, response.body.size()};
    }
    framing.bodyLength = window->length;
    auto head = ResponseSerializer::head(response, framing, HttpDate::now());
    if (!head) {
        response = errorResponse(head.error());
        window = FileWindow{nullptr, 0, response.body.size()};
        framing.bodyLength = window->length;
        head = ResponseSerializer::head(response, framing, HttpDate::now());
    }
    const bool sendBody = withBody && !response.headOnly && ResponseSerializer::statusAllowsBody(response.status);
    bool delivered = false;
    if (sendBody && window->file) {
        if constexpr (isTlsStream<Stream>)
            delivered = co_await streamFile(*head, *window);
        else
            delivered = co_await sendFile(*head, *window);
    } else if constexpr (!isTlsStream<Stream>) {
        const QByteArray &body = sendBody ? response.body : QByteArray();
        delivered = co_await sendAll(*head, body.constData(), body.size(), 0);
    } else {
        std::vector<asio::const_buffer> buffers{asio::buffer(head->constData(), std::size_t(head->size()))};
        if (sendBody)
            buffers.push_back(asio::buffer(response.body.constData(), std::size_t(response.body.size())));
        delivered = co_await writeBuffers(buffers);
    }
    const qint64 bytes = delivered ? head->size() + (sendBody ? window->length : 0) : 0;
    co_return Result{delivered, response.status, bytes};
}

template<typename Stream>
asio::awaitable<bool> ResponseWriter<Stream>::writeContinue()
{
    static constexpr std::string_view interim = "HTTP/1.1 100 Continue\r\n\r\n";
    const std::vector<asio::const_buffer> buffers{asio::buffer(interim.data(), interim.size())};
    const bool written = co_await writeBuffers(buffers);
    co_return written;
}

// The body's file and window, opened here only when the handler gave a path
// instead of an open handle. The window is checked against the file's size:
// a handler's range can never read past the end.
template<typename Stream>
core::Result<typename ResponseWriter<Stream>::FileWindow> ResponseWriter<Stream>::windowOf(const Response &response)
{
    if (!response.file && response.filePath.isEmpty())
        return FileWindow{nullptr, 0, response.body.size()};
    std::shared_ptr<const FileHandle> file = response.file;
    if (!file) {
        auto opened = FileHandle::openRegular(response.filePath);
        if (!opened)
            return opened.error();
        file = std::move(*opened);
    }
    const qint64 available = file->size() - response.fileOffset;
    if (response.fileOffset < 0 || available < 0 || response.fileLength > available)
        return unreadableFile(u"range outside the file"_qs);
    const qint64 length = response.fileLength < 0 ? available : response.fileLength;
    return FileWindow{std::move(file), response.fileOffset, length};
}

template<typename Stream>
asio::awaitable<bool> ResponseWriter<Stream>::writeBuffers(const std::vector<asio::const_buffer> &buffers)
{
    m_deadline.expireAfter(m_limits.writeTimeout);
    error_code ec;
    co_await asio::async_write(m_stream, buffers, awaitableWith(ec));
    co_return !ec;
}

// TLS: the bytes must pass through user space to be encrypted. The first
// chunk goes out with the head in one write.
template<typename Stream>
asio::awaitable<bool> ResponseWriter<Stream>::streamFile(const QByteArray &head, const FileWindow &window)
{
    if (m_chunk.empty())
        m_chunk.resize(std::size_t(fileChunkSize));
    std::vector<asio::const_buffer> buffers{asio::buffer(head.constData(), std::size_t(head.size()))};
    qint64 position = window.offset;
    for (qint64 remaining = window.length; remaining > 0;) {
        const qint64 read = window.file->read(m_chunk.data(), std::min(remaining, fileChunkSize), position);
        // A file that shrank since the head was built leaves the announced
        // length unmet: only closing the connection tells the client.
        if (read <= 0)
            co_return false;
        buffers.push_back(asio::buffer(m_chunk.data(), std::size_t(read)));
        const bool written = co_await writeBuffers(buffers);
        if (!written)
            co_return false;
        buffers.clear();
        position += read;
        remaining -= read;
    }
    if (buffers.empty())
        co_return true;
    const bool written = co_await writeBuffers(buffers);
    co_return written;
}

// Plain TCP, straight on the non-blocking socket (no completion to wait
// for while the send buffer has room): a small file leaves with its head in
// one sendmsg, from the copy its handle holds (no read at all) or read into
// memory here, as copying a few KiB costs less than setting up a splice; a
// larger one goes from the page cache with
// sendfile(2), its head sent first with MSG_MORE so they share segments.
template<typename Stream>
asio::awaitable<bool> ResponseWriter<Stream>::sendFile(const QByteArray &head, const FileWindow &window)
{
    if (const char *memory = window.file->memory()) {
        const bool sent = co_await sendAll(head, memory + window.offset, window.length, 0);
        co_return sent;
    }
    if (window.length <= smallFileSize) {
        if (m_chunk.size() < std::size_t(smallFileSize))
            m_chunk.resize(std::size_t(smallFileSize));
        const qint64 read = window.file->read(m_chunk.data(), window.length, window.offset);
        // A file that shrank since the head was built: see streamFile.
        if (read != window.length)
            co_return false;
        const bool sent = co_await sendAll(head, m_chunk.data(), window.length, 0);
        co_return sent;
    }
    const bool headSent = co_await sendAll(head, nullptr, 0, MSG_MORE);
    if (!headSent)
        co_return false;
    const int fd = socketOf(m_stream).native_handle();
    off_t position = off_t(window.offset);
    for (qint64 remaining = window.length; remaining > 0;) {
        const ssize_t n = ::sendfile(fd, window.file->fd(), &position, std::size_t(std::min<qint64>(remaining, 1 << 30)));
        // 0 bytes: the file shrank since the head was built (see streamFile).
        Progress progress = n == 0 ? Progress::Failed : progressOf(n, errno);
        if (progress == Progress::Blocked) {
            // Not a conditional expression: GCC 12 mishandles co_await inside one.
            const bool writable = co_await awaitWritable();
            progress = writable ? Progress::Retry : Progress::Failed;
        }
        if (progress == Progress::Failed)
            co_return false;
        remaining -= progress == Progress::Advanced ? n : 0;
    }
    co_return true;
}

// Sends `head` and then `size` bytes at `body` with sendmsg(2), waiting for
// writability only when the socket's buffer is full.
template<typename Stream>
asio::awaitable<bool> ResponseWriter<Stream>::sendAll(const QByteArray &head, const char *body, qint64 size,
                                                      int flags)
{
    tcp::socket &socket = socketOf(m_stream);
    if (!m_nonBlocking) {
        error_code ignored;
        socket.native_non_blocking(true, ignored);
        m_nonBlocking = true;
    }
    std::array<iovec, 2> parts{iovec{const_cast<char *>(head.constData()), std::size_t(head.size())},
                               iovec{const_cast<char *>(body), std::size_t(size)}};
    std::size_t first = 0;
    while (first < parts.size()) {
        msghdr message{};
        message.msg_iov = parts.data() + first;
        message.msg_iovlen = parts.size() - first;
        const ssize_t n = ::sendmsg(socket.native_handle(), &message, flags | MSG_NOSIGNAL);
        Progress progress = progressOf(n, errno);
        if (progress == Progress::Blocked) {
            // Not a conditional expression: GCC 12 mishandles co_await inside one.
            const bool writable = co_await awaitWritable();
            progress = writable ? Progress::Retry : Progress::Failed;
        }
        if (progress == Progress::Failed)
            co_return false;
        for (std::size_t sent = progress == Progress::Advanced ? std::size_t(n) : 0; first < parts.size();) {
            const std::size_t taken = std::min(sent, parts[first].iov_len);
            parts[first].iov_base = static_cast<char *>(parts[first].iov_base) + taken;
            parts[first].iov_len -= taken;
            sent -= taken;
            if (parts[first].iov_len > 0)
                break;
            ++first;
        }
    }
    co_return true;
}

// What a non-blocking send or sendfile that returned `result` (and set
// `error`) means for the loop. Not a coroutine: most sends complete at once,
// and a coroutine frame per send was a cost of every answer.
template<typename Stream>
typename ResponseWriter<Stream>::Progress ResponseWriter<Stream>::progressOf(ssize_t result, int error)
{
    if (result >= 0)
        return Progress::Advanced;
    if (error == EINTR)
        return Progress::Retry;
    return wouldBlock(error) ? Progress::Blocked : Progress::Failed;
}

template<typename Stream>
asio::awaitable<bool> ResponseWriter<Stream>::awaitWritable()
{
    m_deadline.expireAfter(m_limits.writeTimeout);
    error_code ec;
    co_await socketOf(m_stream).async_wait(tcp::socket::wait_write, awaitableWith(ec));
    co_return !ec;
}

template class ResponseWriter<PlainStream>;
template class ResponseWriter<TlsStream>;

} // namespace ddd::agent::http
