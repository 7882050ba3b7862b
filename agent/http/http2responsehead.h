// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/http2stream.h"
#include "agent/http/response.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>

#include <utility>

namespace ddd::agent::http {

// A Response as HTTP/2 sends it: the same status, fields and body the
// HTTP/1.1 serializer would send, with names in lower case, :status first,
// and without the connection-specific fields HTTP/2 forbids (Connection,
// Keep-Alive, Proxy-Connection, Transfer-Encoding, Upgrade; RFC 9113
// §8.2.2). Content-Length and Date are ours, as on HTTP/1.1. A response
// the serializer would refuse becomes the same 500.
class Http2ResponseHead final
{
public:
    struct Prepared
    {
        int status = 0;
        QList<std::pair<QByteArray, QByteArray>> fields; // :status first
        Http2Body body;
        bool hasBody = false; // false: END_STREAM on the HEADERS frame
    };

    static Prepared prepare(Response response, bool withBody, const QByteArray &date);

private:
    static core::Status fillBody(Response &response, Http2Body &body);
    static bool isConnectionSpecific(const QByteArray &lowerName);
};

} // namespace ddd::agent::http
