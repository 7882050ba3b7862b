// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/remotetoken.h"

#include "core/client/buildwire.h"

#include <QJsonArray>

namespace ddd::core::client {

Result<RemoteToken> RemoteToken::fromJson(const QJsonObject &json)
{
    RemoteToken token;
    bool ok = json[u"id"_qs].isDouble() && json[u"name"_qs].isString() && json[u"capabilities"_qs].isArray();
    token.id = json[u"id"_qs].toInteger();
    token.name = json[u"name"_qs].toString();
    for (const QJsonValue &capability : json[u"capabilities"_qs].toArray())
        token.capabilities.append(capability.toString());
    token.projectId = BuildWire::integer(json[u"projectId"_qs], ok);
    token.expiresAt = BuildWire::time(json[u"expiresAt"_qs], ok);
    token.createdAt = BuildWire::time(json[u"createdAt"_qs], ok).value_or(0);
    token.lastUsedAt = BuildWire::time(json[u"lastUsedAt"_qs], ok);
    if (!ok)
        return BuildWire::unexpected(u"token"_qs);
    return token;
}

} // namespace ddd::core::client
