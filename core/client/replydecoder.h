// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonValue>

class QNetworkReply;

namespace ddd::core::client {

// Turns a finished reply into its JSON body or a core::Error. Agent refusals
// keep their code; the rest become client codes:
//   client.cancelled    the caller cancelled the call
//   client.tls          the TLS handshake failed; details {host, fingerprint, errors}
//   client.network      no answer (refused, unknown host, timeout, dropped); details {reason, url}
//   client.http_status  an error status without our error body; details {status}
//   client.bad_response a success status whose body is not JSON
class ReplyDecoder final
{
public:
    static Result<QJsonValue> decode(QNetworkReply &reply);
    // The body as it is, for text answers (a build log); errors as decode().
    static Result<QByteArray> decodeBytes(QNetworkReply &reply);
    static bool isCancelled(const QNetworkReply &reply);

    // Marks a reply the caller aborts on purpose, so it decodes as cancelled
    // rather than as a timeout.
    static void markCancelled(QNetworkReply &reply);
    // Remembers what the TLS layer complained about for the error details.
    static void recordTlsProblem(QNetworkReply &reply, const QString &fingerprint, const QStringList &problems);

private:
    static Error httpError(QNetworkReply &reply, int status, const QByteArray &body);
    static Error transportError(QNetworkReply &reply);
};

} // namespace ddd::core::client
