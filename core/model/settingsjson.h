// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

// The field readers every part of a project's settings JSON uses, so that
// ProjectSettings and SitePasswordSettings refuse alike: always
// `project.invalid_settings` with details {"field", "reason"(, "index")}.
namespace ddd::core::model::settingsjson {

Error invalidSetting(const QString &field, const QString &reason, std::optional<qsizetype> index = {});
// Refuses the first key of `json` not in `known`, naming it `prefix + key`.
Status checkKnownFields(const QJsonObject &json, const QStringList &known, const QString &prefix,
                        std::optional<qsizetype> index = {});
Result<bool> readBool(const QJsonValue &value, const QString &field);
Result<QString> readString(const QJsonValue &value, const QString &field);

} // namespace ddd::core::model::settingsjson
