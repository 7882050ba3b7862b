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
};

} // namespace ddd::agent::http
