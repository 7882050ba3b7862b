// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

#include <functional>

namespace ddd::agent::http {

// A body produced while it is sent (a live build log as Server-Sent
// Events). The connection writes the head without a length, then pulls
// next() on its I/O thread whenever woken, until a chunk says end; the
// connection closes afterwards, which ends the body for the client. When
// nothing arrives for a while it writes idleBytes(), so a client that left
// is noticed by the failing write and the stream is dropped.
class ResponseStream
{
public:
    struct Chunk final
    {
        QByteArray data;
        bool end = false;
    };

    virtual ~ResponseStream() = default;
    // Never blocks: what is ready now, possibly nothing.
    virtual Chunk next() = 0;
    // `wake` may be called from any thread, at any time, also after the
    // connection is gone; an empty function unregisters.
    virtual void setWake(std::function<void()> wake) = 0;
    virtual QByteArray idleBytes() const { return {}; }
};

} // namespace ddd::agent::http
