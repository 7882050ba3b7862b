// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/detection.h"
#include "core/client/remotebuild.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ddd::core::client {

// A retained source tree as a client sees it (docs/api.md, "Sources"), with
// what the agent detected in it or why it could not.
struct RemoteSource final
{
    qint64 id = 0;
    qint64 projectId = 0;
    qint64 number = 0;
    qint64 fileCount = 0;
    qint64 totalBytes = 0;
    qint64 createdAt = 0; // Unix ms, UTC
    QString authorEmail;
    std::optional<build::Detection> detection;
    std::optional<Error> detectionError;

    static Result<RemoteSource> fromJson(const QJsonObject &json);
};

// The answer of an upload that asked for a build: the stored source and the
// build it started (absent when only the source was stored).
struct SourceBuild final
{
    RemoteSource source;
    std::optional<RemoteBuild> build;

    // {"source","build"}, or a bare source.
    static Result<SourceBuild> fromJson(const QJsonObject &json);
};

} // namespace ddd::core::client
