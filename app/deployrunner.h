// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/pendinguploads.h"
#include "app/siteinspection.h"
#include "app/transfermeter.h"
#include "core/client/callhandle.h"
#include "core/client/remotesource.h"
#include "core/model/version.h"
#include "core/util/clock.h"
#include "core/util/result.h"

#include <QObject>
#include <QPointer>

namespace ddd::core::client {
class ApiClient;
class ArchiveUpload;
class ResumableUpload;
}

namespace ddd::app {

// Sends an inspected site to the agent. A folder goes by the incremental
// protocol: only the blobs the agent lacks, resumable; its session is saved
// in PendingUploads until it ends, so a restart of the dashboard resumes it.
// An archive goes by an archive upload session (ArchiveUpload), resumable
// too; the agent unpacks it itself.
class DeployRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployRunner)

public:
    struct Target
    {
        core::client::ApiClient *api = nullptr;
        QString agentId;
        qint64 projectId = 0;
        QString projectName;
    };

    DeployRunner(Target target, SiteInspection inspection, PendingUploads &pending, QObject *parent = nullptr);
    ~DeployRunner() override;

    // Resumes the saved session of this project when it was for the same files.
    void start(bool activate);
    // Sends the folder as a build source (only what the agent lacks) and
    // starts its build; `activate` publishes the version the build makes.
    // Not saved for resuming: a new drop plans again and sends only the rest.
    void startSourceBuild(bool activate);
    void cancel();
    bool isRunning() const { return m_running; }
    const TransferMeter &meter() const { return m_meter; }

signals:
    void progress(qint64 sent, qint64 total);
    void retrying(const ddd::core::Error &error, int attempt);
    void finished(const ddd::core::Result<ddd::core::model::Version> &result);
    void sourceFinished(const ddd::core::Result<ddd::core::client::SourceBuild> &result);

private:
    void startIncremental(bool activate);
    void makeUpload();
    void startArchive(bool activate);
    std::optional<PendingUploads::Entry> resumableEntry() const;
    void remember(bool activate);
    void onProgress(qint64 sent, qint64 total);
    void onFinished(const core::Result<core::model::Version> &result);

    Target m_target;
    SiteInspection m_inspection;
    PendingUploads &m_pending;
    core::SystemClock m_clock;
    TransferMeter m_meter;
    QPointer<core::client::ResumableUpload> m_upload;
    QPointer<core::client::ArchiveUpload> m_archive;
    bool m_running = false;
};

} // namespace ddd::app
