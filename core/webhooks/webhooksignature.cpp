// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/webhooks/webhooksignature.h"

#include "core/auth/hmacsha256.h"

#include <QList>

#include <cstdlib>

namespace ddd::core::webhooks {

namespace {

QByteArray mac(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body)
{
    return auth::HmacSha256::sign(secret, timestamp + '.' + body).toHex();
}

} // namespace

QByteArray WebhookSignature::header(const QByteArray &secret, qint64 unixSeconds, const QByteArray &body)
{
    const QByteArray t = QByteArray::number(unixSeconds);
    return "t=" + t + ",v1=" + mac(secret, t, body);
}

bool WebhookSignature::verify(const QByteArray &secret, const QByteArray &header, const QByteArray &body,
                              qint64 nowSeconds, qint64 toleranceSeconds)
{
    QByteArray timestamp;
    QList<QByteArray> signatures;
    for (const QByteArray &part : header.split(',')) {
        const qsizetype equals = part.indexOf('=');
        if (equals <= 0)
            return false;
        const QByteArray key = part.left(equals).trimmed();
        const QByteArray value = part.mid(equals + 1).trimmed();
        if (key == "t")
            timestamp = value;
        else if (key == "v1")
            signatures.append(value);
    }
    bool ok = false;
    const qint64 t = timestamp.toLongLong(&ok);
    if (!ok || signatures.isEmpty() || std::llabs(nowSeconds - t) > toleranceSeconds)
        return false;
    const QByteArray expected = mac(secret, timestamp, body);
    bool matched = false;
    for (const QByteArray &signature : signatures)
        matched = auth::HmacSha256::equal(expected, signature) || matched;
    return matched;
}

} // namespace ddd::core::webhooks
