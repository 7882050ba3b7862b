// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/detection.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::client {

// A build as a client sees it (docs/api.md, "Builds").
struct RemoteBuild final
{
    enum class Status { Queued, Running, Succeeded, Failed, Cancelled, Interrupted };

    struct Phase final
    {
        QString name;
        qint64 durationMs = 0;
        std::optional<int> exitCode;
        bool operator==(const Phase &) const = default;
    };

    qint64 id = 0;
    qint64 projectId = 0;
    qint64 number = 0;
    Status status = Status::Queued;
    QString trigger; // upload, rebuild, hook, git
    qint64 sourceId = 0;
    bool activate = false;
    std::optional<build::Detection> detection;
    QList<Phase> phases;
    std::optional<Error> error;
    std::optional<qint64> versionId;
    qint64 createdAt = 0; // Unix ms, UTC
    std::optional<qint64> startedAt;
    std::optional<qint64> finishedAt;
    std::optional<qint64> durationMs;
    QString authorEmail;
    qint64 logBytes = 0;

    // Queued or running: the log still grows and the build can be cancelled.
    bool isActive() const { return status == Status::Queued || status == Status::Running; }

    static Result<RemoteBuild> fromJson(const QJsonObject &json);
    static QString statusName(Status status);
    static std::optional<Status> statusFromName(const QString &name);
};

} // namespace ddd::core::client
