// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/s3endpoint.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

namespace ddd::agent::http {

// One keep-alive connection to an S3 endpoint, plain or TLS (the peer's
// certificate checked against the host name), used by one thread at a
// time. Every request is signed with SigV4 as it goes out. A request on a
// kept-alive connection the server has meanwhile closed is sent once more
// on a new one. Calls block, each step bounded by the endpoint's
// stepTimeout.
//
// Errors: objects.unavailable (resolve, connect, timeout, a connection
// lost), objects.tls_untrusted (the certificate did not verify),
// objects.protocol (not HTTP), io.error (a local file).
class S3Transport final
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path; // "/bucket" or "/bucket/key", raw: encoded here
        QByteArray query; // encoded, as it goes out
        QList<std::pair<QByteArray, QByteArray>> headers; // signed too
        // The body: these bytes, or bodyFile's bytes [bodyOffset, +bodyLength).
        QByteArray body;
        QString bodyFile;
        qint64 bodyOffset = 0;
        qint64 bodyLength = 0;
        // Hex SHA-256 of the body: worked out here for `body` when empty,
        // required with bodyFile.
        QByteArray payloadHash;
    };

    struct Reply
    {
        int status = 0;
        QByteArray etag;
        qint64 contentLength = -1;
        QByteArray body; // empty when it went to a file
    };

    explicit S3Transport(S3Endpoint endpoint);
    ~S3Transport();
    S3Transport(const S3Transport &) = delete;
    S3Transport &operator=(const S3Transport &) = delete;

    // The answer's body is kept in memory (up to 1 MiB: lists and errors).
    core::Result<Reply> send(const Request &request);
    // A 200 answer's body goes to `destination` instead (created or
    // truncated), `written` (may be empty) running after each piece; any
    // other answer's body stays in memory.
    core::Result<Reply> download(const Request &request, const QString &destination,
                                 const std::function<void()> &written);

    const S3Endpoint &endpoint() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ddd::agent::http
