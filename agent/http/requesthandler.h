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
// body byte: answer now (a refusal, or an answer already known), or read a
// body of at most `bodyLimit` bytes (into Request::body, or into `sink` when
// one is given) and then call `respond`.
struct RequestPlan final
{
    // Sent as it is, without reading a body (the connection then closes if
    // one was announced) and without calling `respond`.
    std::optional<Response> answer;
    qint64 bodyLimit = 0;                 // Content-Length above this: 413 before reading
    std::unique_ptr<BodySink> sink;       // null: collect into Request::body
    std::function<Response(Request &)> respond;
    QString routeLabel;                   // metrics label, e.g. "GET /api/v1/projects/{id}"
    // `respond` never blocks (no SQLite, no password hash, no lock held for
    // long, no file read beyond open and stat): the server calls it on the
    // I/O thread and skips the two hops to a worker and back, which cost
    // more than a small file's whole answer. Leave it false when in doubt:
    // a blocking call here stalls every connection of that I/O thread.
    bool inlineSafe = false;
    // The answer never depends on a body (the site listener): a request that
    // carries one is answered without reading it, and the connection closes
    // after the answer, since its framing was left unread. No body deadline
    // is ever waited for.
    bool ignoresBody = false;
    // For per-host metrics: the host the request was for, set only when the
    // handler knows that host (so the label set stays bounded); empty ones
    // are counted together as "unknown".
    QString metricsHost;
};

// Implemented by the API router and the site pipeline. Both calls run on the
// server's worker pool, so they may block on SQLite, unless the handler says
// otherwise (plansInline(), RequestPlan::inlineSafe). An exception escaping
// either is logged and answered 500 `internal`.
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    virtual RequestPlan plan(Request &head) = 0;
    // True when plan() never blocks, so the server calls it on the I/O thread.
    virtual bool plansInline() const { return false; }
};

// Reported for every request the server finishes, refused or not.
struct RequestRecord final
{
    QString routeLabel;  // "unmatched" or the transport's own refusal ("http.header_too_large")
    QByteArray method;
    int status = 0;      // 499 when the client left before the answer (nothing was sent)
    double seconds = 0;  // from the request's first byte to the end of the answer
    QString host;        // RequestPlan::metricsHost, empty when unknown
    qint64 bytesSent = 0; // head and body of a delivered answer
    // For the access log: never header values, credentials or the query.
    QString clientAddress; // after trusted-proxy resolution; the peer when the head was refused
    QString requestHost;   // Host field (lower-cased, no port); empty when unknown
    QString path;          // percent-decoded path without its query; empty when the head was refused
    QByteArray protocol;   // "HTTP/1.1" or "HTTP/1.0"
    bool secure = false;   // arrived over TLS
    QString errorCode;     // a refusal's stable code (Response::errorCode), else empty
    qint64 projectId = 0;  // site listener: the project that answered (Response::projectId)
    int versionNumber = 0; // site listener: the version it served
    // The request's fields for the Combined Log Format (Referer, User-Agent);
    // valid during the observer call only, null when the head was refused.
    const Headers *headers = nullptr;
};
// Called on an I/O thread: keep it cheap and thread-safe (metric counters).
using RequestObserver = std::function<void(const RequestRecord &)>;

} // namespace ddd::agent::http
