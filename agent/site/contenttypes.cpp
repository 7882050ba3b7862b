// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/contenttypes.h"

#include "core/deploy/contenttypetable.h"

#include <cstring>

namespace ddd::agent::site {

QByteArray ContentTypes::forId(quint8 contentTypeId)
{
    const char *type = core::deploy::ContentTypeTable::type(contentTypeId);
    return QByteArray::fromRawData(type, qsizetype(std::strlen(type)));
}

bool ContentTypes::isHtml(const QByteArray &contentType)
{
    return contentType.startsWith("text/html") || contentType.startsWith("application/xhtml+xml");
}

} // namespace ddd::agent::site
