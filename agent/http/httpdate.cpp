// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/httpdate.h"

#include <QLocale>

namespace ddd::agent::http {

QByteArray HttpDate::format(const QDateTime &time)
{
    // The C locale gives English day and month names whatever the system's.
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_qs).toLatin1();
}

} // namespace ddd::agent::http
