// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/response.h"
#include "core/util/result.h"

#include <QByteArray>

namespace ddd::agent::http {

// Writes the status line and fields of a Response. The server owns framing:
// whatever the handler set, Content-Length, Transfer-Encoding, Connection and
// Keep-Alive are written here, and a field that could split the response (CR
// or LF in a value, a name that is not a token) refuses the whole head.
class ResponseSerializer final
{
public:
    struct Framing
    {
        qint64 bodyLength = 0;   // announced in Content-Length, also for HEAD
        bool keepAlive = true;
        bool http10Client = false;
        bool untilClose = false; // no Content-Length: the body ends when the connection closes
    };

    // Fails with `internal` naming the offending field or status.
    static core::Result<QByteArray> head(const Response &response, const Framing &framing,
                                         const QByteArray &date);

    // The status line and the handler's fields of `response`, checked as
    // head() checks them: set as Response::preparedHead on later answers
    // that are the same, head() only adds Date and framing to it.
    static core::Result<QByteArray> prepare(const Response &response);
    // The checks head() makes of the status and every field, for framings
    // that encode the head themselves (HTTP/2). Fails with `internal`.
    static core::Status checkHead(const Response &response);

    // 1xx, 204 and 304 answers never carry content (RFC 9110 §6.4.1).
    static bool statusAllowsBody(int status);

private:
    static core::Result<QByteArray> writeHead(const Response &response, const QByteArray &date,
                                              const Framing *framing);
};

} // namespace ddd::agent::http
