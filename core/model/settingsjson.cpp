// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/settingsjson.h"

namespace ddd::core::model::settingsjson {

Error invalidSetting(const QString &field, const QString &reason, std::optional<qsizetype> index)
{
    QJsonObject details{{u"field"_qs, field}, {u"reason"_qs, reason}};
    if (index)
        details.insert(u"index"_qs, qint64(*index));
    return Error::make(u"project.invalid_settings"_qs,
                       QStringLiteral("Invalid project setting %1: %2").arg(field, reason), details);
}

Status checkKnownFields(const QJsonObject &json, const QStringList &known, const QString &prefix,
                        std::optional<qsizetype> index)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return invalidSetting(prefix + it.key(), u"unknown_field"_qs, index);
    }
    return {};
}

Result<bool> readBool(const QJsonValue &value, const QString &field)
{
    if (!value.isBool())
        return invalidSetting(field, u"not_boolean"_qs);
    return value.toBool();
}

Result<QString> readString(const QJsonValue &value, const QString &field)
{
    if (!value.isString())
        return invalidSetting(field, u"not_string"_qs);
    return value.toString();
}

} // namespace ddd::core::model::settingsjson
