// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace ddd::core::model {

// One event on its way to one webhook: pending until a 2xx answer
// (succeeded) or the retry schedule is used up (failed). The fields of the
// last attempt say how it went. Times are Unix milliseconds (UTC).
struct WebhookDelivery final
{
    qint64 id = 0;
    qint64 webhookId = 0;
    QString eventId;    // the payload's id: the same on every attempt and redelivery
    QString event;      // the event type, or "ping"
    QByteArray payload; // the JSON body sent, signed anew on every attempt
    qint64 createdAt = 0;
    QString state = u"pending"_qs; // pending, succeeded, failed
    int attempts = 0;
    std::optional<qint64> nextAttemptAt;
    std::optional<qint64> lastAttemptAt;
    std::optional<qint64> statusCode;
    std::optional<qint64> durationMs;
    QString error;           // why the last attempt failed, empty when it did not
    QString responseExcerpt; // the first bytes of the last answer's body
};

} // namespace ddd::core::model
