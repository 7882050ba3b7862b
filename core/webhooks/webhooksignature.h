// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace ddd::core::webhooks {

// The X-DDD-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
// "<t>.<body>" keyed with the webhook's secret>`. Signing the time with the
// body lets a receiver refuse old copies (replays) by the time alone.
class WebhookSignature final
{
public:
    static constexpr qint64 ToleranceSeconds = 300;

    static QByteArray header(const QByteArray &secret, qint64 unixSeconds, const QByteArray &body);
    // What a receiver does (docs/webhooks.md): the header parses, a v1
    // matches in constant time, and t is within the tolerance of `nowSeconds`.
    static bool verify(const QByteArray &secret, const QByteArray &header, const QByteArray &body, qint64 nowSeconds,
                       qint64 toleranceSeconds = ToleranceSeconds);
};

} // namespace ddd::core::webhooks
