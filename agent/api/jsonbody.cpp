// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/jsonbody.h"

#include "core/util/strictjson.h"

namespace ddd::agent::api {

using core::Error;

core::Result<QJsonObject> JsonBody::parse(const http::Request &request, const QStringList &allowed)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    core::Result<QJsonObject> object = core::StrictJson::parseObject(request.body);
    if (!object)
        return Error::make(u"request.invalid_json"_qs, u"the body must be one JSON object: "_qs + object.error().message,
                           object.error().details);
    for (auto it = object->constBegin(); it != object->constEnd(); ++it)
        if (!allowed.contains(it.key()))
            return Error::make(u"request.unknown_field"_qs, u"unknown field '%1'"_qs.arg(it.key()),
                               QJsonObject{{u"field"_qs, it.key()}});
    return object;
}

core::Result<QString> JsonBody::requiredString(const QJsonObject &body, const QString &key)
{
    const QJsonValue value = body.value(key);
    if (!value.isString())
        return Error::make(u"request.invalid_field"_qs, u"'%1' must be a string"_qs.arg(key),
                           QJsonObject{{u"field"_qs, key}});
    return value.toString();
}

core::Result<qint64> JsonBody::id(const QString &text, const QString &notFoundCode)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value <= 0 || text.startsWith(u'+') || text.startsWith(u'0'))
        return Error::make(notFoundCode, u"no such id: "_qs + text.left(40));
    return value;
}

} // namespace ddd::agent::api
