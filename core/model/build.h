// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/buildoutcome.h"
#include "core/build/detection.h"
#include "core/model/buildstatus.h"
#include "core/util/error.h"

#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::model {

// One build job as persisted in `builds` and shown by the API. Times are
// Unix milliseconds. The log lives in <data root>/builds/<id>.log.
struct Build final
{
    qint64 id = 0;
    qint64 projectId = 0;
    qint64 number = 0;
    BuildStatus status = BuildStatus::Queued;
    BuildTrigger trigger = BuildTrigger::Upload;
    std::optional<qint64> sourceId; // null once the source was pruned
    bool activate = false;
    std::optional<build::Detection> detection;
    QList<build::BuildPhase> phases;
    std::optional<Error> error;
    std::optional<qint64> versionId;
    std::optional<qint64> authorId;
    QString authorEmail;
    qint64 createdAt = 0;
    std::optional<qint64> startedAt;
    std::optional<qint64> finishedAt;
    qint64 logBytes = 0;
    // The job's first phase clones the project's Git repository into a new
    // source (sourceId is null until then); never shown in the API.
    bool fetchGit = false;
};

} // namespace ddd::core::model
