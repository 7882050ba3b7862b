// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "agent/http/response.h"
#include "agent/http/responseserializer.h"
#include "agent/http/serverlimits.h"

#include <memory>

#include <sys/types.h>
#include <vector>

namespace ddd::agent::http {

class Deadline;

// Puts a Response on the wire: head, then bytes from memory or a file range.
// Over plain TCP it writes straight to the non-blocking socket: a file
// above 16 KiB goes from the page cache with sendfile(2) (the head sent with
// MSG_MORE), smaller ones and in-memory bodies leave with their head in one
// sendmsg; over TLS a file is read with pread in bounded chunks and encrypted.
// Every wait for the socket gets its own deadline, so a reader that stops
// reading loses the connection instead of holding it forever.
template<typename Stream>
class ResponseWriter final
{
public:
    struct Result
    {
        bool delivered = false; // false: the connection cannot be used any more
        int status = 0;         // the status actually sent (a broken response becomes 500)
        qint64 bytes = 0;       // head and body bytes of a delivered answer
    };

    static constexpr qint64 fileChunkSize = 64 * 1024;
    // Plain TCP: files up to this size are copied rather than spliced.
    static constexpr qint64 smallFileSize = 16 * 1024;

    ResponseWriter(Stream &stream, Deadline &deadline, const ServerLimits &limits);

    // `withBody` false answers HEAD: Content-Length without content.
    asio::awaitable<Result> write(Response response, ResponseSerializer::Framing framing, bool withBody);
    // The interim "100 Continue" of a request that sent Expect.
    asio::awaitable<bool> writeContinue();

private:
    struct FileWindow
    {
        std::shared_ptr<const FileHandle> file; // null: the body is in memory
        qint64 offset = 0;
        qint64 length = 0;
    };

    // Blocked: the send buffer is full; wait for writability, then retry.
    enum class Progress { Advanced, Retry, Blocked, Failed };

    static core::Result<FileWindow> windowOf(const Response &response);
    asio::awaitable<bool> writeBuffers(const std::vector<asio::const_buffer> &buffers);
    asio::awaitable<bool> streamFile(const QByteArray &head, const FileWindow &window);
    asio::awaitable<bool> sendFile(const QByteArray &head, const FileWindow &window);
    asio::awaitable<bool> sendAll(const QByteArray &head, const char *body, qint64 size, int flags);
    static Progress progressOf(ssize_t result, int error);
    asio::awaitable<bool> awaitWritable();

    Stream &m_stream;
    Deadline &m_deadline;
    const ServerLimits &m_limits;
    std::vector<char> m_chunk; // file reads (TLS, small files); allocated on first use
    bool m_nonBlocking = false; // set on the plain socket before the first direct send
};

} // namespace ddd::agent::http
