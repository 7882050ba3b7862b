// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/http2bodysource_p.h"

#include "agent/http/http2stream.h"

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>

namespace ddd::agent::http {

namespace {

ssize_t readLive(Http2Body &body, std::uint8_t *buffer, std::size_t length, std::uint32_t *flags)
{
    while (body.liveBuffer.isEmpty() && !body.liveEnded) {
        ResponseStream::Chunk chunk = body.live->next();
        if (chunk.failed)
            return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE; // resets this stream: the body stops short
        body.liveEnded = chunk.end;
        body.liveBuffer = std::move(chunk.data);
        if (body.liveBuffer.isEmpty() && !chunk.end)
            return NGHTTP2_ERR_DEFERRED; // resumed when the stream wakes us
    }
    const std::size_t size = std::min(length, std::size_t(body.liveBuffer.size()));
    std::memcpy(buffer, body.liveBuffer.constData(), size);
    body.liveBuffer.remove(0, qsizetype(size));
    if (body.liveBuffer.isEmpty() && body.liveEnded)
        *flags |= NGHTTP2_DATA_FLAG_EOF;
    return ssize_t(size);
}

ssize_t readFixed(Http2Body &body, std::uint8_t *buffer, std::size_t length, std::uint32_t *flags)
{
    std::size_t size = std::size_t(std::min<qint64>(qint64(length), body.remaining));
    if (body.file && size > 0) {
        const qint64 got = body.file->read(reinterpret_cast<char *>(buffer), qint64(size), body.offset);
        if (got <= 0)
            return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE; // the file shrank: reset this stream
        size = std::size_t(got);
    } else if (size > 0) {
        std::memcpy(buffer, body.memory.constData() + body.offset, size);
    }
    body.offset += qint64(size);
    body.remaining -= qint64(size);
    if (body.remaining == 0)
        *flags |= NGHTTP2_DATA_FLAG_EOF;
    return ssize_t(size);
}

} // namespace

ssize_t Http2BodySource::read(nghttp2_session *, std::int32_t, std::uint8_t *buffer, std::size_t length,
                              std::uint32_t *flags, nghttp2_data_source *source, void *)
{
    Http2Body &body = static_cast<Http2Stream *>(source->ptr)->body;
    if (body.live)
        return readLive(body, buffer, length, flags);
    return readFixed(body, buffer, length, flags);
}

} // namespace ddd::agent::http
