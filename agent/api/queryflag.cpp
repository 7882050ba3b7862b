// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/queryflag.h"

#include <QJsonObject>

namespace ddd::agent::api {

core::Result<bool> QueryFlag::read(const http::Request &request, const QString &name)
{
    const QString value = request.query.queryItemValue(name);
    if (value.isEmpty() || value == u"false" || value == u"0")
        return false;
    if (value == u"true" || value == u"1")
        return true;
    return core::Error::make(u"request.invalid_field"_qs, name + u" must be true or false"_qs,
                             QJsonObject{{u"field"_qs, name}});
}

} // namespace ddd::agent::api
