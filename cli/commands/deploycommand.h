// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"
#include "cli/progressreport.h"
#include "core/client/localsite.h"
#include "core/client/remoteproject.h"
#include "core/client/remotesource.h"
#include "core/model/uploadplan.h"
#include "core/model/version.h"
#include "core/util/result.h"

#include <QPointer>

#include <memory>
#include <optional>

namespace ddd::core::client {
class ApiClient;
class ResumableUpload;
}

namespace ddd::cli {

// `ddd deploy DIR|ARCHIVE`: a folder is checked and hashed like the
// dashboard does (LocalSite: the agent's rules, .dddignore and the
// defaults), then sent by the incremental protocol against the live version
// (ResumableUpload: only what the agent lacks; a dropped connection is
// retried and resumed where the agent's byte count says). An archive is
// streamed as it is. --build sends the folder as a build source instead.
class DeployCommand final : public Command
{
public:
    explicit DeployCommand(CliContext &context);
    ~DeployCommand() override;

    QString name() const override { return u"deploy"_qs; }
    QString arguments() const override { return u"DIR|ARCHIVE"_qs; }
    QString summary() const override { return u"Upload a folder (only what changed) or an archive as a new version."_qs; }
    QList<QCommandLineOption> options() const override;
    void run(const QCommandLineParser &parser, const QStringList &positional) override;

private:
    void deployTo(core::client::ApiClient &api, const core::client::RemoteProject &project);
    void sendArchive(core::client::ApiClient &api);
    void sendFolder(core::client::ApiClient &api, const std::optional<core::model::Version> &live,
                    const QList<core::model::VersionFile> &liveFiles);
    void onPlanned(const core::model::UploadPlan &plan);
    void report(const core::Result<core::model::Version> &version);
    void reportBuild(const core::Result<core::client::SourceBuild> &answer);

    QString m_path;
    bool m_goLive = false;
    bool m_build = false;
    std::optional<core::client::LocalSite> m_site;
    core::client::RemoteProject m_project;
    ProgressReport m_progress;
    QPointer<core::client::ResumableUpload> m_upload;
    qint64 m_filesToSend = 0;
    qint64 m_bytesToSend = 0;
};

} // namespace ddd::cli
