// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/buildhook.h"

#include "core/client/buildwire.h"

namespace ddd::core::client {

Result<BuildHook> BuildHook::fromJson(const QJsonObject &json)
{
    BuildHook hook;
    bool ok = json[u"id"_qs].isDouble() && json[u"name"_qs].isString();
    hook.id = json[u"id"_qs].toInteger();
    hook.name = json[u"name"_qs].toString();
    if (json[u"url"_qs].isString()) {
        hook.url = QUrl(json[u"url"_qs].toString(), QUrl::StrictMode);
        ok = ok && hook.url.isValid() && !hook.url.host().isEmpty();
    }
    hook.createdAt = BuildWire::time(json[u"createdAt"_qs], ok).value_or(0);
    hook.lastUsedAt = BuildWire::time(json[u"lastUsedAt"_qs], ok);
    if (!ok)
        return BuildWire::unexpected(u"hook"_qs);
    return hook;
}

} // namespace ddd::core::client
