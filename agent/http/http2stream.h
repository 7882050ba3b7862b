// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/filehandle.h"
#include "agent/http/headers.h"
#include "agent/http/requesthandler.h"
#include "agent/http/responsestream.h"

#include <QByteArray>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

namespace ddd::agent::http {

// The body of an answer on one HTTP/2 stream, pulled by nghttp2's data
// provider as the flow-control windows open: bytes in memory, a range of a
// file read in frame-sized pieces (never the whole file), or a live stream.
struct Http2Body final
{
    QByteArray memory;
    std::shared_ptr<const FileHandle> file;
    qint64 offset = 0;    // next byte: into memory, or of the file
    qint64 remaining = 0; // memory and file bodies
    std::shared_ptr<ResponseStream> live;
    QByteArray liveBuffer; // a live chunk larger than one frame
    bool liveEnded = false;
};

// One request stream of an HTTP/2 connection: its header fields as they
// arrive, its body as DATA frames bring it, and its answer. Shared by the
// session (until the stream closes) and the coroutine serving it.
struct Http2Stream final
{
    using Clock = std::chrono::steady_clock;

    std::int32_t id = 0;
    std::weak_ptr<Http2Stream> self; // for wakes that arrive from other threads
    Clock::time_point start = Clock::now();
    // The request head: pseudo-header fields apart, the rest in order.
    QByteArray method, scheme, authority, path;
    Headers headers;
    qsizetype headerBytes = 0; // RFC 9113 §6.5.2 size: name + value + 32 each
    int fieldCount = 0;
    bool headerTooLarge = false; // answered 431 once the head is complete
    bool requestEnded = false;   // END_STREAM seen: the body is complete
    bool ignoreBody = false;     // DATA is counted and returned to the window, not kept
    bool closed = false;         // reset or finished: nothing more is sent
    QByteArray pendingBody;      // received, not yet taken by the serving coroutine
    qint64 bodyReceived = 0;
    Http2Body body;
    bool responded = false;
    // For the access log and metrics (RequestRecord), filled as it goes.
    RequestRecord record;
    qint64 bytesSent = 0;
    // Wakes the serving coroutine when body bytes arrive or the stream closes.
    std::function<void()> wake;
};

} // namespace ddd::agent::http
