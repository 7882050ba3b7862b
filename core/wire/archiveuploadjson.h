// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/archiveuploadstatus.h"
#include "core/util/result.h"

#include <QJsonObject>

namespace ddd::core::wire {

// JSON of archive upload sessions (docs/api.md, "Archive upload sessions").
QJsonObject archiveUploadToJson(const model::ArchiveUploadStatus &upload);
Result<model::ArchiveUploadStatus> archiveUploadFromJson(const QJsonObject &json);

} // namespace ddd::core::wire
