// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/sitelocation.h"

#include <QUrl>

namespace ddd::agent::site {

QByteArray SiteLocation::forPath(const QString &path, const QByteArray &rawQuery)
{
    QByteArray location = QUrl::toPercentEncoding(path, "/!$&'()*+,;=:@~");
    if (!rawQuery.isEmpty())
        location += '?' + rawQuery;
    return location;
}

} // namespace ddd::agent::site
