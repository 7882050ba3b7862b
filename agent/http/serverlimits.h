// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/bodyprogress.h"

#include <QtGlobal>

#include <chrono>

namespace ddd::agent::http {

// Per-listener transport limits (security-guide §4). Beast's own defaults are
// never relied on: the connection sets every parser limit from here.
struct ServerLimits final
{
    qsizetype maxTargetBytes = 8 * 1024;       // longer request target: 414
    qsizetype maxHeaderBytes = 16 * 1024;      // request line + fields: 431
    int maxHeaderFields = 100;                 // more fields: 431
    // An absolute deadline, counted from when the server starts waiting for
    // the request, so trickled bytes never extend it: 408 and close.
    std::chrono::milliseconds headerTimeout{30'000};
    // A body has no deadline of its own but must keep arriving, neither
    // stalled nor dripping (BodyProgress): 408 and close otherwise.
    BodyProgress::Rules bodyProgress;
    // Between requests on a kept-alive connection: closed silently.
    std::chrono::milliseconds keepAliveTimeout{15'000};
    // For each write of a response chunk to a reader that stopped reading.
    std::chrono::milliseconds writeTimeout{60'000};
    // How long a closing connection drains unread request bytes, so the
    // kernel does not reset the socket before the client read our answer.
    std::chrono::milliseconds lingerTimeout{2'000};
    // Past either cap a new connection is answered 503 and closed.
    int maxConnections = 4096;
    int maxConnectionsPerAddress = 256;
    // HTTP/2 (negotiated by ALPN on TLS listeners, or prior knowledge on
    // plain ones). The header list cap is maxHeaderBytes/maxHeaderFields, as
    // for HTTP/1.1; these are the limits only HTTP/2 has.
    struct Http2 final
    {
        bool enabled = true;
        int maxConcurrentStreams = 100;    // SETTINGS_MAX_CONCURRENT_STREAMS
        qint32 streamWindow = 256 * 1024;  // request body bytes buffered per stream
        qint32 connectionWindow = 1024 * 1024; // and per connection, all streams together
        // Token buckets against floods (rapid reset, PING and SETTINGS
        // floods): `floodBurst` frames of a kind at once, refilled at
        // `floodRate` a second; past them GOAWAY ENHANCE_YOUR_CALM.
        int floodBurst = 1000;
        int floodRate = 100;
    } http2;
};

} // namespace ddd::agent::http
