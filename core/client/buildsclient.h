// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/buildhook.h"
#include "core/client/callhandle.h"
#include "core/client/remotebuild.h"
#include "core/client/remotesource.h"
#include "core/model/uploadplan.h"
#include "core/model/versionfile.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QObject;

namespace ddd::core::client {

class ApiTransport;
class BuildLogStream;
class ReplyDelivery;

// The build calls of the agent's API (docs/api.md, "Sources", "Builds" and
// "Build hooks"), reached through ApiClient::builds(). Same rules as every
// ApiClient call: callbacks run on `context` once the answer is in, never
// inside the call, and never after `context` is gone.
class BuildsClient final
{
public:
    BuildsClient(ApiTransport &transport, const ReplyDelivery &delivery);
    ~BuildsClient();
    BuildsClient(const BuildsClient &) = delete;
    BuildsClient &operator=(const BuildsClient &) = delete;

    // A source tree travels by the incremental protocol with kind "source";
    // its finalize may start a build whose version goes live when `activate` is set.
    CallHandle startSourceUpload(qint64 projectId, const QList<model::VersionFile> &manifest, QObject *context,
                                 Callback<model::UploadPlan> done);
    CallHandle finalizeSource(const QString &uploadId, bool build, bool activate, QObject *context,
                              Callback<SourceBuild> done);
    // Without `sourceId` the newest source; without `activate` the project's
    // setting. An active build of the project is answered instead of a new one.
    CallHandle startBuild(qint64 projectId, std::optional<qint64> sourceId, std::optional<bool> activate,
                          QObject *context, Callback<RemoteBuild> done);
    // Clones the project's saved Git repository and branch, then builds it.
    CallHandle startGitBuild(qint64 projectId, std::optional<bool> activate, QObject *context,
                             Callback<RemoteBuild> done);
    // The newest builds: the agent's first page (50), which is what the
    // builds page shows.
    CallHandle listBuilds(qint64 projectId, QObject *context, Callback<QList<RemoteBuild>> done);
    CallHandle getBuild(qint64 buildId, QObject *context, Callback<RemoteBuild> done);
    // The last `tail` lines of the log (all without), as text.
    CallHandle buildLog(qint64 buildId, std::optional<int> tail, QObject *context, Callback<QString> done);
    CallHandle cancelBuild(qint64 buildId, QObject *context, Callback<RemoteBuild> done);
    // The live log; the stream belongs to `parent` and ends with the build.
    BuildLogStream *streamBuildLog(qint64 buildId, QObject *parent);

    // The hook's URL carries its secret and comes back only here.
    CallHandle createBuildHook(qint64 projectId, const QString &name, QObject *context, Callback<BuildHook> done);
    CallHandle listBuildHooks(qint64 projectId, QObject *context, Callback<QList<BuildHook>> done);
    CallHandle revokeBuildHook(qint64 hookId, QObject *context, Callback<void> done);

private:
    ApiTransport &m_transport;
    std::unique_ptr<ReplyDelivery> m_delivery;
};

} // namespace ddd::core::client
