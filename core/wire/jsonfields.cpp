// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/jsonfields.h"

#include "core/wire/timestampjson.h"

namespace ddd::core::wire {

JsonFields::JsonFields(QJsonObject json, QString prefix) : m_json(std::move(json)), m_prefix(std::move(prefix)) {}

qint64 JsonFields::id(const QString &key)
{
    const qint64 value = require(key, QJsonValue::Double).toInteger(0);
    if (value <= 0)
        fail(key);
    return value;
}

QString JsonFields::string(const QString &key)
{
    return require(key, QJsonValue::String).toString();
}

std::optional<QString> JsonFields::optionalString(const QString &key)
{
    const QJsonValue value = m_json.value(key);
    if (value.isNull())
        return std::nullopt;
    return string(key);
}

bool JsonFields::boolean(const QString &key)
{
    return require(key, QJsonValue::Bool).toBool();
}

qint64 JsonFields::timestamp(const QString &key)
{
    const std::optional<qint64> ms = timestampFromJson(require(key, QJsonValue::String).toString());
    if (!ms)
        fail(key);
    return ms.value_or(0);
}

QJsonObject JsonFields::object(const QString &key)
{
    return require(key, QJsonValue::Object).toObject();
}

QJsonArray JsonFields::array(const QString &key)
{
    return require(key, QJsonValue::Array).toArray();
}

JsonFields JsonFields::nested(const QString &key)
{
    return JsonFields(object(key), m_prefix + key + u'.');
}

JsonFields JsonFields::element(const QJsonValue &value, const QString &key)
{
    if (!value.isObject())
        fail(key);
    return JsonFields(value.toObject(), m_prefix + key + u'.');
}

void JsonFields::adopt(const JsonFields &nested)
{
    if (!m_failedField)
        m_failedField = nested.m_failedField;
}

void JsonFields::fail(const QString &key)
{
    if (!m_failedField)
        m_failedField = m_prefix + key;
}

std::optional<Error> JsonFields::error() const
{
    if (!m_failedField)
        return std::nullopt;
    return Error::make(u"wire.unexpected_json"_qs, u"Unexpected JSON from the agent in field "_qs + *m_failedField,
                       QJsonObject{{u"field"_qs, *m_failedField}});
}

QJsonValue JsonFields::require(const QString &key, QJsonValue::Type type)
{
    const QJsonValue value = m_json.value(key);
    if (value.type() != type) {
        fail(key);
        return QJsonValue(type);
    }
    return value;
}

} // namespace ddd::core::wire
