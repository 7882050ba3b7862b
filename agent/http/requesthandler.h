// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/bodysink.h"
#include "agent/http/request.h"
#include "agent/http/response.h"

#include <functional>
#include <memory>
#include <optional>

namespace ddd::agent::http {

// The server's decision about one request once its header is read, before any
// body byte: refuse now, or read a body of at most `bodyLimit` bytes (into
// Request::body, or into `sink` when one is given) and then call `respond`.
struct RequestPlan final
{
    std::optional<Response> refusal;
    qint64 bodyLimit = 0;                 // Content-Length above this: 413 before reading
    std::unique_ptr<BodySink> sink;       // null: collect into Request::body
    std::function<Response(Request &)> respond;
    QString routeLabel;                   // metrics label, e.g. "GET /api/v1/projects/{id}"
};

// Implemented by the API router and the site pipeline. Both calls run on the
// server's worker pool, never on an I/O thread, so they may block on SQLite.
// An exception escaping either is logged and answered 500 `internal`.
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    virtual RequestPlan plan(Request &head) = 0;
};

// Reported for every request the server finishes, refused or not.
struct RequestRecord final
{
    QString routeLabel;  // "unmatched" or the transport's own refusal ("http.header_too_large")
    QByteArray method;
    int status = 0;      // 499 when the client left before the answer (nothing was sent)
    double seconds = 0;  // from the request's first byte to the end of the answer
};
// Called on an I/O thread: keep it cheap and thread-safe (metric counters).
using RequestObserver = std::function<void(const RequestRecord &)>;

} // namespace ddd::agent::http
