// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/activityjson.h"

#include "core/wire/jsonfields.h"
#include "core/wire/timestampjson.h"

namespace ddd::core::wire {

namespace {

QJsonValue optionalNumber(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

std::optional<qint64> numberOrNull(const QJsonObject &json, const QString &key, JsonFields &fields)
{
    const QJsonValue value = json.value(key);
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (!value.isDouble())
        fields.fail(key);
    return value.toInteger();
}

} // namespace

QJsonObject activityEntryToJson(const model::ActivityEntry &entry)
{
    return QJsonObject{
        {u"id"_qs, entry.id},
        {u"at"_qs, timestampToJson(entry.at)},
        {u"kind"_qs, entry.kind},
        {u"actor"_qs, QJsonObject{{u"id"_qs, optionalNumber(entry.actorId)},
                                  {u"email"_qs, entry.actor},
                                  {u"via"_qs, entry.via}}},
        {u"version"_qs, optionalNumber(entry.versionNumber)},
        {u"outcome"_qs, entry.refused ? u"refused"_qs : u"ok"_qs},
        {u"code"_qs, entry.code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(entry.code)},
        {u"detail"_qs, entry.detail},
    };
}

Result<model::ActivityEntry> activityEntryFromJson(const QJsonObject &json)
{
    JsonFields fields(json);
    model::ActivityEntry entry;
    entry.id = fields.id(u"id"_qs);
    entry.at = fields.timestamp(u"at"_qs);
    entry.kind = fields.string(u"kind"_qs);
    JsonFields actor = fields.nested(u"actor"_qs);
    entry.actor = actor.string(u"email"_qs);
    entry.via = actor.string(u"via"_qs);
    fields.adopt(actor);
    entry.actorId = numberOrNull(json.value(u"actor"_qs).toObject(), u"id"_qs, fields);
    entry.versionNumber = numberOrNull(json, u"version"_qs, fields);
    entry.refused = fields.string(u"outcome"_qs) == u"refused";
    entry.code = fields.optionalString(u"code"_qs).value_or(QString());
    entry.detail = json.value(u"detail"_qs).toObject();
    if (auto error = fields.error())
        return *error;
    return entry;
}

} // namespace ddd::core::wire
