// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/blobprogress.h"
#include "core/model/uploadplan.h"
#include "core/util/result.h"

#include <QJsonObject>

namespace ddd::core::wire {

// JSON of the incremental upload protocol (docs/api.md, "Incremental upload").
QJsonObject uploadPlanToJson(const model::UploadPlan &plan);
Result<model::UploadPlan> uploadPlanFromJson(const QJsonObject &json);

QJsonObject blobProgressToJson(const model::BlobProgress &progress);
Result<model::BlobProgress> blobProgressFromJson(const QJsonObject &json);

} // namespace ddd::core::wire
