// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

#include <chrono>
#include <functional>

namespace ddd::agent::http {

// A body produced while it is sent (a live build log as Server-Sent
// Events, a blob still arriving from the bucket). The connection writes the
// head, with length() as Content-Length when it is known and without one
// otherwise, then pulls next() on its I/O thread whenever woken, until a
// chunk says end; the connection closes afterwards, which ends the body for
// the client. A chunk that says failed cuts the body short instead: the
// connection (HTTP/1.1) or the stream (HTTP/2) is reset, so the client
// sees an incomplete answer rather than a wrong one. When nothing arrives
// for a while it writes idleBytes(), so a client that left is noticed by
// the failing write and the stream is dropped.
class ResponseStream
{
public:
    struct Chunk final
    {
        QByteArray data;
        bool end = false;
        bool failed = false; // with end: the body stops short of what was announced
    };

    virtual ~ResponseStream() = default;
    // Never blocks: what is ready now, possibly nothing.
    virtual Chunk next() = 0;
    // `wake` may be called from any thread, at any time, also after the
    // connection is gone; an empty function unregisters.
    virtual void setWake(std::function<void()> wake) = 0;
    virtual QByteArray idleBytes() const { return {}; }
    // The body's length when it is known in advance, else -1.
    virtual qint64 length() const { return -1; }
    // How long the HTTP/1.1 writer waits for a wake before it asks next()
    // again anyway: a bound on what a lost wake could cost.
    virtual std::chrono::milliseconds recheckAfter() const { return std::chrono::seconds(15); }
};

} // namespace ddd::agent::http
