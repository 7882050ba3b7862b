// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/diffsummary.h"
#include "core/model/version.h"
#include "core/model/versionfile.h"
#include "core/util/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace ddd::core::wire {

// JSON of versions (deploys) as docs/api.md spells it. Decoders refuse a
// missing or mistyped field with `wire.unexpected_json`, details {"field"}.
QJsonObject versionToJson(const model::Version &version);
Result<model::Version> versionFromJson(const QJsonObject &json);
Result<QList<model::Version>> versionsFromJson(const QJsonArray &json);

QJsonObject diffSummaryToJson(const model::DiffSummary &diff);
Result<model::DiffSummary> diffSummaryFromJson(const QJsonObject &json);

QJsonObject versionFileToJson(const model::VersionFile &file);
Result<model::VersionFile> versionFileFromJson(const QJsonObject &json);
// The body of POST /api/v1/projects/{id}/uploads: {"files": [...]}.
QJsonObject manifestToJson(const QList<model::VersionFile> &files);

} // namespace ddd::core::wire
