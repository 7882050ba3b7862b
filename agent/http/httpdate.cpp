// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/httpdate.h"

#include <QLocale>

#include <ctime>

namespace ddd::agent::http {

QByteArray HttpDate::format(const QDateTime &time)
{
    // The C locale gives English day and month names whatever the system's.
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_qs).toLatin1();
}

QByteArray HttpDate::now()
{
    thread_local std::time_t cachedSecond = -1;
    thread_local QByteArray cachedText;
    const std::time_t second = std::time(nullptr);
    if (second != cachedSecond) {
        cachedText = format(QDateTime::fromSecsSinceEpoch(qint64(second), Qt::UTC));
        cachedSecond = second;
    }
    return cachedText;
}

} // namespace ddd::agent::http
