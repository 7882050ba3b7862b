// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/http2session.h"

#include "agent/http/http2bodysource_p.h"
#include "agent/http/http2responsehead.h"
#include "agent/http/httpdate.h"
#include "agent/http/httplogging.h"

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>

namespace ddd::agent::http {

namespace {

// RFC 9113 §6.5.2: each field counts its name, its value and 32 bytes.
constexpr qsizetype fieldOverhead = 32;
// A header block whose decoded fields pass this many times the cap is no
// client's honest mistake but an HPACK bomb: the connection ends.
constexpr qsizetype bombFactor = 4;
// HEADERS plus CONTINUATION frames of one block: an honest client needs a
// few; thousands of (even empty) ones are the CONTINUATION flood.
constexpr int maxHeaderBlockFrames = 64;

Http2Session &self(void *user)
{
    return *static_cast<Http2Session *>(user);
}

} // namespace

struct Http2Session::Callbacks
{
    static int beginHeaders(nghttp2_session *, const nghttp2_frame *frame, void *user);
    static int header(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name, size_t nameLength,
                      const uint8_t *value, size_t valueLength, uint8_t flags, void *user);
    static int frameReceived(nghttp2_session *, const nghttp2_frame *frame, void *user);
    static int dataChunk(nghttp2_session *, uint8_t flags, int32_t id, const uint8_t *data, size_t length,
                         void *user);
    static int streamClosed(nghttp2_session *, int32_t id, uint32_t errorCode, void *user);
    static int frameSent(nghttp2_session *, const nghttp2_frame *frame, void *user);
    static void storeField(Http2Stream &stream, QByteArray name, QByteArray value);
};

Http2Session::Http2Session(const ServerLimits &limits, Listener &listener)
    : m_limits(limits),
      m_listener(listener),
      m_resets(limits.http2.floodBurst, limits.http2.floodRate),
      m_controlFrames(limits.http2.floodBurst, limits.http2.floodRate),
      m_frames(bombFactor * limits.maxHeaderBytes, maxHeaderBlockFrames)
{
}

Http2Session::~Http2Session()
{
    nghttp2_session_del(m_session);
}

bool Http2Session::start()
{
    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_session_callbacks_new(&callbacks);
    nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, &Callbacks::beginHeaders);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, &Callbacks::header);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &Callbacks::frameReceived);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, &Callbacks::dataChunk);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, &Callbacks::streamClosed);
    nghttp2_session_callbacks_set_on_frame_send_callback(callbacks, &Callbacks::frameSent);
    nghttp2_option *options = nullptr;
    nghttp2_option_new(&options);
    // Windows open only as the serving coroutine takes body bytes, so a
    // client cannot make us buffer more than the windows.
    nghttp2_option_set_no_auto_window_update(options, 1);
    nghttp2_option_set_max_settings(options, 32);
    nghttp2_option_set_max_outbound_ack(options, 1000);
    const int created = nghttp2_session_server_new2(&m_session, callbacks, this, options);
    nghttp2_option_del(options);
    nghttp2_session_callbacks_del(callbacks);
    if (created != 0)
        return false;
    const auto &h2 = m_limits.http2;
    const nghttp2_settings_entry settings[] = {
        {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, uint32_t(h2.maxConcurrentStreams)},
        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, uint32_t(h2.streamWindow)},
        {NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, uint32_t(m_limits.maxHeaderBytes)},
        {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
    };
    if (nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, std::size(settings)) != 0)
        return false;
    return nghttp2_session_set_local_window_size(m_session, NGHTTP2_FLAG_NONE, 0, h2.connectionWindow) == 0;
}

bool Http2Session::receive(const std::uint8_t *data, std::size_t size)
{
    // Scanned before nghttp2 decodes a byte: a header block too long or cut
    // into too many CONTINUATION frames ends the connection however little
    // its fields decode to.
    if (!m_frames.scan(data, size)) {
        qCDebug(lcHttp) << "HTTP/2 header block flood: GOAWAY ENHANCE_YOUR_CALM";
        terminate(NGHTTP2_ENHANCE_YOUR_CALM);
        m_failed = true;
        return false;
    }
    const ssize_t read = nghttp2_session_mem_recv(m_session, data, size);
    if (read < 0) {
        qCDebug(lcHttp) << "HTTP/2 connection failed:" << nghttp2_strerror(int(read));
        // Flooded or malformed: nghttp2 queued a GOAWAY where it could.
        m_failed = true;
        return false;
    }
    return !m_failed;
}

bool Http2Session::produce(std::vector<std::uint8_t> &out, std::size_t budget)
{
    while (out.size() < budget) {
        const uint8_t *frames = nullptr;
        const ssize_t length = nghttp2_session_mem_send(m_session, &frames);
        if (length < 0)
            return false;
        if (length == 0)
            break;
        out.insert(out.end(), frames, frames + length);
    }
    return true;
}

bool Http2Session::wantsRead() const
{
    return !m_failed && nghttp2_session_want_read(m_session);
}

bool Http2Session::wantsWrite() const
{
    return nghttp2_session_want_write(m_session);
}

int Http2Session::respond(Http2Stream &stream, Response response, bool withBody)
{
    if (stream.closed || stream.responded)
        return 0;
    stream.responded = true;
    Http2ResponseHead::Prepared prepared = Http2ResponseHead::prepare(std::move(response), withBody, HttpDate::now());
    std::vector<nghttp2_nv> fields;
    fields.reserve(std::size_t(prepared.fields.size()));
    for (auto &[name, value] : prepared.fields)
        fields.push_back({reinterpret_cast<uint8_t *>(name.data()), reinterpret_cast<uint8_t *>(value.data()),
                          std::size_t(name.size()), std::size_t(value.size()), NGHTTP2_NV_FLAG_NONE});
    stream.body = std::move(prepared.body);
    nghttp2_data_provider provider;
    provider.source.ptr = &stream;
    provider.read_callback = &Http2BodySource::read;
    const int submitted = nghttp2_submit_response(m_session, stream.id, fields.data(), fields.size(),
                                                  prepared.hasBody ? &provider : nullptr);
    if (submitted != 0) {
        reset(stream, NGHTTP2_INTERNAL_ERROR);
        return 0;
    }
    return prepared.status;
}

void Http2Session::consumed(Http2Stream &stream, std::size_t bytes)
{
    nghttp2_session_consume_connection(m_session, bytes);
    if (!stream.closed)
        nghttp2_session_consume_stream(m_session, stream.id, bytes);
}

void Http2Session::reset(Http2Stream &stream, std::uint32_t errorCode)
{
    if (!stream.closed)
        nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, stream.id, errorCode);
}

void Http2Session::resume(Http2Stream &stream)
{
    if (!stream.closed)
        nghttp2_session_resume_data(m_session, stream.id);
}

void Http2Session::sendContinue(Http2Stream &stream)
{
    static const char name[] = ":status";
    static const char value[] = "100";
    nghttp2_nv field{reinterpret_cast<uint8_t *>(const_cast<char *>(name)),
                     reinterpret_cast<uint8_t *>(const_cast<char *>(value)), sizeof name - 1, sizeof value - 1,
                     NGHTTP2_NV_FLAG_NO_COPY_NAME | NGHTTP2_NV_FLAG_NO_COPY_VALUE};
    if (!stream.closed)
        nghttp2_submit_headers(m_session, NGHTTP2_FLAG_NONE, stream.id, nullptr, &field, 1, nullptr);
}

void Http2Session::goAway()
{
    nghttp2_submit_goaway(m_session, NGHTTP2_FLAG_NONE, nghttp2_session_get_last_proc_stream_id(m_session),
                          NGHTTP2_NO_ERROR, nullptr, 0);
}

void Http2Session::terminate(std::uint32_t errorCode)
{
    nghttp2_session_terminate_session(m_session, errorCode);
}

Http2Stream *Http2Session::find(std::int32_t id) const
{
    const auto found = m_streams.find(id);
    return found == m_streams.end() ? nullptr : found->second.get();
}

bool Http2Session::overFlood(FloodBucket &bucket)
{
    if (bucket.take())
        return false;
    qCDebug(lcHttp) << "HTTP/2 flood: GOAWAY ENHANCE_YOUR_CALM";
    terminate(NGHTTP2_ENHANCE_YOUR_CALM);
    return true;
}

int Http2Session::Callbacks::beginHeaders(nghttp2_session *, const nghttp2_frame *frame, void *user)
{
    if (frame->hd.type != NGHTTP2_HEADERS || frame->headers.cat != NGHTTP2_HCAT_REQUEST)
        return 0;
    auto stream = std::make_shared<Http2Stream>();
    stream->id = frame->hd.stream_id;
    stream->self = stream;
    self(user).m_streams.emplace(stream->id, std::move(stream));
    return 0;
}

int Http2Session::Callbacks::header(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name,
                                    size_t nameLength, const uint8_t *value, size_t valueLength, uint8_t,
                                    void *user)
{
    Http2Session &session = self(user);
    Http2Stream *stream = session.find(frame->hd.stream_id);
    if (!stream || frame->headers.cat != NGHTTP2_HCAT_REQUEST)
        return 0; // trailers: not used by any route, dropped
    stream->headerBytes += qsizetype(nameLength + valueLength) + fieldOverhead;
    ++stream->fieldCount;
    if (stream->headerBytes > bombFactor * session.m_limits.maxHeaderBytes) {
        qCDebug(lcHttp) << "HTTP/2 HPACK bomb: GOAWAY ENHANCE_YOUR_CALM";
        session.terminate(NGHTTP2_ENHANCE_YOUR_CALM);
        session.m_failed = true;
        return NGHTTP2_ERR_CALLBACK_FAILURE;
    }
    // Past the cap the head is answered 431 like HTTP/1.1's, once complete.
    if (stream->headerBytes > session.m_limits.maxHeaderBytes || stream->headerTooLarge) {
        stream->headerTooLarge = true;
        return 0;
    }
    storeField(*stream, QByteArray(reinterpret_cast<const char *>(name), qsizetype(nameLength)),
               QByteArray(reinterpret_cast<const char *>(value), qsizetype(valueLength)));
    return 0;
}

void Http2Session::Callbacks::storeField(Http2Stream &stream, QByteArray name, QByteArray value)
{
    if (name == ":method")
        stream.method = std::move(value);
    else if (name == ":path")
        stream.path = std::move(value);
    else if (name == ":authority")
        stream.authority = std::move(value);
    else if (name == ":scheme")
        stream.scheme = std::move(value);
    else if (!name.startsWith(':'))
        stream.headers.add(std::move(name), std::move(value));
}

int Http2Session::Callbacks::frameReceived(nghttp2_session *, const nghttp2_frame *frame, void *user)
{
    Http2Session &session = self(user);
    switch (frame->hd.type) {
    case NGHTTP2_RST_STREAM:
        session.overFlood(session.m_resets);
        return 0;
    case NGHTTP2_PING:
    case NGHTTP2_SETTINGS:
        if (!(frame->hd.flags & NGHTTP2_FLAG_ACK))
            session.overFlood(session.m_controlFrames);
        return 0;
    case NGHTTP2_HEADERS:
    case NGHTTP2_DATA:
        break;
    default:
        return 0;
    }
    const auto found = session.m_streams.find(frame->hd.stream_id);
    if (found == session.m_streams.end())
        return 0;
    const std::shared_ptr<Http2Stream> stream = found->second;
    const bool ended = frame->hd.flags & NGHTTP2_FLAG_END_STREAM;
    if (frame->hd.type == NGHTTP2_HEADERS && frame->headers.cat == NGHTTP2_HCAT_REQUEST) {
        stream->requestEnded = ended;
        session.m_listener.onRequest(stream);
    } else if (ended) {
        stream->requestEnded = true;
        if (stream->wake)
            stream->wake();
    }
    return 0;
}

int Http2Session::Callbacks::dataChunk(nghttp2_session *, uint8_t, int32_t id, const uint8_t *data, size_t length,
                                       void *user)
{
    Http2Session &session = self(user);
    Http2Stream *stream = session.find(id);
    if (!stream) {
        nghttp2_session_consume_connection(session.m_session, length);
        return 0;
    }
    stream->bodyReceived += qint64(length);
    if (stream->ignoreBody) {
        session.consumed(*stream, length);
        return 0;
    }
    stream->pendingBody.append(reinterpret_cast<const char *>(data), qsizetype(length));
    if (stream->wake)
        stream->wake();
    return 0;
}

int Http2Session::Callbacks::streamClosed(nghttp2_session *, int32_t id, uint32_t, void *user)
{
    Http2Session &session = self(user);
    const auto found = session.m_streams.find(id);
    if (found == session.m_streams.end())
        return 0;
    const std::shared_ptr<Http2Stream> stream = found->second;
    session.m_streams.erase(found);
    stream->closed = true;
    if (stream->body.live)
        stream->body.live->setWake({});
    // Body bytes the coroutine never took go back to the connection window.
    if (!stream->pendingBody.isEmpty())
        nghttp2_session_consume_connection(session.m_session, std::size_t(stream->pendingBody.size()));
    stream->pendingBody.clear();
    session.m_listener.onStreamClosed(*stream);
    if (stream->wake)
        stream->wake();
    return 0;
}

int Http2Session::Callbacks::frameSent(nghttp2_session *, const nghttp2_frame *frame, void *user)
{
    if (frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA)
        return 0;
    if (Http2Stream *stream = self(user).find(frame->hd.stream_id))
        stream->bytesSent += qint64(frame->hd.length) + 9; // 9: the frame header
    return 0;
}

} // namespace ddd::agent::http
