// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/contenttypes.h"

#include "core/deploy/contenttypetable.h"

namespace ddd::agent::site {

// The table lives in core (ContentTypeTable) so version indexes can store
// each file's type id once, at deploy time.
QByteArray ContentTypes::forPath(const QString &path)
{
    return core::deploy::ContentTypeTable::type(core::deploy::ContentTypeTable::idForPath(path));
}

bool ContentTypes::isHtml(const QByteArray &contentType)
{
    return contentType.startsWith("text/html") || contentType.startsWith("application/xhtml+xml");
}

} // namespace ddd::agent::site
