// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>

namespace ddd::agent::http {

// IMF-fixdate (RFC 9110 §5.6.7), the one date format HTTP senders use.
class HttpDate final
{
public:
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    static QByteArray format(const QDateTime &time);
    // The current time, formatted once per second per thread: every answer
    // carries a Date field, and formatting is not free.
    static QByteArray now();
};

} // namespace ddd::agent::http
