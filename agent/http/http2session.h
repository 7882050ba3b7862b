// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http. nghttp2's own header stays in the .cpp files.
#include "agent/http/floodbucket.h"
#include "agent/http/http2framescanner.h"
#include "agent/http/http2stream.h"
#include "agent/http/response.h"
#include "agent/http/serverlimits.h"

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

struct nghttp2_session;

namespace ddd::agent::http {

// The HTTP/2 framing of one connection, nghttp2 under it: bytes in, frames
// parsed into streams (pseudo-header fields, fields, DATA), answers out as
// frames pulled from each stream's Http2Body while the windows allow. No
// I/O of its own: Http2Connection feeds it and writes what it produces.
// The defences nghttp2 1.52 lacks live here: header list size counted across
// CONTINUATION frames, HPACK bombs cut off by the decoded size, rapid resets
// and PING/SETTINGS floods counted in FloodBuckets.
class Http2Session final
{
public:
    class Listener
    {
    public:
        virtual ~Listener() = default;
        // A stream's head is complete (its body may follow).
        virtual void onRequest(std::shared_ptr<Http2Stream> stream) = 0;
        // The stream ended (answered, reset or the connection going away).
        virtual void onStreamClosed(Http2Stream &stream) = 0;
    };

    Http2Session(const ServerLimits &limits, Listener &listener);
    Http2Session(const Http2Session &) = delete;
    Http2Session &operator=(const Http2Session &) = delete;
    ~Http2Session();

    // Queues our SETTINGS; false when nghttp2 could not be set up.
    bool start();
    // Bytes from the client; false when the connection must end (what is
    // queued, a GOAWAY at least, is still worth sending).
    bool receive(const std::uint8_t *data, std::size_t size);
    // Appends frames to `out` up to about `budget` bytes; false on a fatal error.
    bool produce(std::vector<std::uint8_t> &out, std::size_t budget);
    bool wantsRead() const;
    bool wantsWrite() const;
    // Streams open now (for the idle timeout).
    std::size_t openStreams() const { return m_streams.size(); }

    // Sends `response` on the stream unless it closed meanwhile; `withBody`
    // false answers HEAD. Returns the status actually sent.
    int respond(Http2Stream &stream, Response response, bool withBody);
    // Gives `bytes` of the stream's request body back to the windows.
    void consumed(Http2Stream &stream, std::size_t bytes);
    // Resets a stream we stop serving (body too large once answered).
    void reset(Http2Stream &stream, std::uint32_t errorCode);
    // A live body has more to send.
    void resume(Http2Stream &stream);
    // Interim 100 (Continue) on a stream whose client waits for it before
    // sending the body (Expect: 100-continue, RFC 9110 §10.1.1).
    void sendContinue(Http2Stream &stream);
    // Graceful GOAWAY (NO_ERROR) naming the last stream taken: those finish,
    // later ones are refused for the client to retry elsewhere.
    void goAway();
    // GOAWAY with `errorCode`: no new streams, the connection ends once sent.
    void terminate(std::uint32_t errorCode);

private:
    struct Callbacks;

    Http2Stream *find(std::int32_t id) const;
    bool overFlood(FloodBucket &bucket);

    const ServerLimits &m_limits;
    Listener &m_listener;
    nghttp2_session *m_session = nullptr;
    std::unordered_map<std::int32_t, std::shared_ptr<Http2Stream>> m_streams;
    FloodBucket m_resets;
    FloodBucket m_controlFrames;
    Http2FrameScanner m_frames;
    bool m_failed = false;
};

} // namespace ddd::agent::http
