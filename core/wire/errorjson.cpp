// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/errorjson.h"

namespace ddd::core::wire {

QJsonObject errorToJson(const Error &error)
{
    const QJsonObject body{
        {u"code"_qs, error.code},
        {u"message"_qs, error.message},
        {u"details"_qs, error.details},
    };
    return QJsonObject{{u"error"_qs, body}};
}

std::optional<Error> errorFromJson(const QJsonObject &json)
{
    const QJsonValue body = json.value(u"error"_qs);
    if (!body.isObject())
        return std::nullopt;
    const QJsonObject error = body.toObject();
    const QJsonValue details = error.value(u"details"_qs);
    if (!error.value(u"code"_qs).isString() || !error.value(u"message"_qs).isString()
        || !(details.isObject() || details.isUndefined()))
        return std::nullopt;
    return Error::make(error.value(u"code"_qs).toString(), error.value(u"message"_qs).toString(), details.toObject());
}

} // namespace ddd::core::wire
