// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/buildoutcome.h"
#include "core/build/detection.h"
#include "core/model/build.h"
#include "core/model/buildhook.h"
#include "core/model/source.h"
#include "core/util/error.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace ddd::core::wire {

// JSON of sources, builds and build hooks as docs/api.md ("Builds") shows
// them; the detection, phases and error are stored in SQLite in the same form.
QJsonObject detectionToJson(const build::Detection &detection);
std::optional<build::Detection> detectionFromJson(const QJsonObject &json);
QJsonArray phasesToJson(const QList<build::BuildPhase> &phases);
QList<build::BuildPhase> phasesFromJson(const QJsonArray &json);
// {"code", "message", "details"?}: the inner object of an error answer.
QJsonObject errorObjectToJson(const Error &error);
std::optional<Error> errorObjectFromJson(const QJsonObject &json);

// {"url", "branch", "commit", "subject"}: where a fetched source came from.
QJsonObject gitOriginToJson(const model::GitOrigin &origin);
std::optional<model::GitOrigin> gitOriginFromJson(const QJsonObject &json);

QJsonObject sourceToJson(const model::Source &source);
QJsonObject buildToJson(const model::Build &build);
QJsonObject buildHookToJson(const model::BuildHook &hook);

} // namespace ddd::core::wire
