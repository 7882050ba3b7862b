// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/responsewriter.h"

#include "agent/http/deadline.h"
#include "agent/http/errorresponse.h"
#include "agent/http/httpdate.h"

#include <boost/asio/write.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ddd::agent::http {

namespace {

core::Error unreadableFile(const QString &reason)
{
    return core::Error::make(u"internal"_qs, u"response file unreadable: "_qs + reason);
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
    QFile file;
    auto length = openBody(response, file);
    if (!length) {
        response = errorResponse(length.error());
        length = response.body.size();
    }
    framing.bodyLength = *length;
    const QByteArray date = HttpDate::format(QDateTime::currentDateTimeUtc());
    auto head = ResponseSerializer::head(response, framing, date);
    if (!head) {
        response = errorResponse(head.error());
        framing.bodyLength = response.body.size();
        head = ResponseSerializer::head(response, framing, date);
    }
    const bool sendBody = withBody && !response.headOnly && ResponseSerializer::statusAllowsBody(response.status);
    std::vector<asio::const_buffer> buffers{asio::buffer(head->constData(), std::size_t(head->size()))};
    if (sendBody && response.filePath.isEmpty())
        buffers.push_back(asio::buffer(response.body.constData(), std::size_t(response.body.size())));
    bool delivered = co_await writeBuffers(buffers);
    if (delivered && sendBody && !response.filePath.isEmpty())
        delivered = co_await streamFile(file, framing.bodyLength);
    co_return Result{delivered, response.status};
}

template<typename Stream>
asio::awaitable<bool> ResponseWriter<Stream>::writeContinue()
{
    static constexpr std::string_view interim = "HTTP/1.1 100 Continue\r\n\r\n";
    const std::vector<asio::const_buffer> buffers{asio::buffer(interim.data(), interim.size())};
    const bool written = co_await writeBuffers(buffers);
    co_return written;
}

template<typename Stream>
core::Result<qint64> ResponseWriter<Stream>::openBody(const Response &response, QFile &file)
{
    if (response.filePath.isEmpty())
        return qint64(response.body.size());
    // Served files are agent-owned regular files: never follow a symlink or
    // block on a FIFO that took a checked file's place since the handler looked.
    const int fd = ::open(QFile::encodeName(response.filePath).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    struct stat info {};
    if (fd < 0 || ::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        if (fd >= 0)
            ::close(fd);
        return unreadableFile(u"not a regular file"_qs);
    }
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return unreadableFile(file.errorString());
    }
    const qint64 available = file.size() - response.fileOffset;
    if (response.fileOffset < 0 || available < 0 || response.fileLength > available)
        return unreadableFile(u"range outside the file"_qs);
    if (!file.seek(response.fileOffset))
        return unreadableFile(file.errorString());
    return response.fileLength < 0 ? available : response.fileLength;
}

template<typename Stream>
asio::awaitable<bool> ResponseWriter<Stream>::writeBuffers(const std::vector<asio::const_buffer> &buffers)
{
    m_deadline.expireAfter(m_limits.writeTimeout);
    error_code ec;
    co_await asio::async_write(m_stream, buffers, awaitableWith(ec));
    co_return !ec;
}

template<typename Stream>
asio::awaitable<bool> ResponseWriter<Stream>::streamFile(QFile &file, qint64 length)
{
    QByteArray chunk(qsizetype(std::min(length, fileChunkSize)), Qt::Uninitialized);
    for (qint64 remaining = length; remaining > 0;) {
        const qint64 read = file.read(chunk.data(), std::min(remaining, fileChunkSize));
        // A file that shrank since the head went out leaves the announced
        // length unmet: only closing the connection tells the client.
        if (read <= 0)
            co_return false;
        const std::vector<asio::const_buffer> buffers{asio::buffer(chunk.constData(), std::size_t(read))};
        const bool written = co_await writeBuffers(buffers);
        if (!written)
            co_return false;
        remaining -= read;
    }
    co_return true;
}

template class ResponseWriter<PlainStream>;
template class ResponseWriter<TlsStream>;

} // namespace ddd::agent::http
