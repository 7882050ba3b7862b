// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/siteinspection.h"
#include "core/client/remotebuild.h"
#include "core/client/remoteproject.h"
#include "core/client/remotesource.h"
#include "core/model/version.h"
#include "core/util/result.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace ddd::core::client {
class ApiClient;
}

namespace ddd::app {

class DeployRunner;
class DiffTree;
class PendingUploads;
class PreflightList;

// Drop -> pre-flight -> diff -> upload. Checks the dropped folder or archive
// on a worker thread with the agent's own rules, shows red / amber / green
// findings and the diff against the live version, and only then offers
// "Go Live" or "Upload Only"; a generator's source folder shows what will
// run (generator, command, output folder) and offers "Build & Deploy" or
// "Deploy as is". The upload shows progress, speed and time left,
// can be cancelled, and resumes. Not modal: the window stays usable.
class DeployDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployDialog)

public:
    struct Target
    {
        core::client::ApiClient *api = nullptr;
        QString agentId;
        core::client::RemoteProject project;
        std::optional<core::model::Version> live;
        QUrl siteAddress;
    };

    DeployDialog(Target target, QString sourcePath, PendingUploads &pending, QWidget *parent = nullptr);
    ~DeployDialog() override;

    void start();

signals:
    void deployed(const ddd::core::model::Version &version);
    // The source arrived and its build started (Build & Deploy).
    void buildStarted(const ddd::core::client::RemoteBuild &build);
    // An upload ended after `durationMs`, well or not (not when paused by the
    // user); `summary` says so in a sentence (desktop notifications).
    void uploadEnded(qint64 durationMs, bool ok, const QString &summary);

protected:
    void reject() override;

private:
    QWidget *buildCheckingPage();
    QWidget *buildReportPage();
    QWidget *buildUploadPage();
    QWidget *buildResultPage();
    void inspect(const QList<core::model::VersionFile> &liveFiles);
    void showReport(const SiteInspection &inspection);
    void upload(bool activate);
    void buildAndDeploy();
    DeployRunner *runner();
    void showDetection(const core::build::Detection &detection);
    void onSourceFinished(const core::Result<core::client::SourceBuild> &result);
    void onProgress(qint64 sent, qint64 total);
    void onFinished(const core::Result<core::model::Version> &result);
    void showFailure(const QString &text);
    QString summary(const SiteInspection &inspection) const;

    Target m_target;
    QString m_sourcePath;
    PendingUploads &m_pending;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    std::optional<SiteInspection> m_inspection;
    DeployRunner *m_runner = nullptr;
    bool m_activate = false;
    bool m_buildSource = false;
    qint64 m_bytesSent = 0;
    QElapsedTimer m_uploadClock;
    QStackedWidget *m_pages;
    QLabel *m_checking;
    QLabel *m_summary;
    PreflightList *m_preflight;
    DiffTree *m_diff;
    QPushButton *m_goLive;
    QPushButton *m_uploadOnly;
    QLabel *m_detection;
    QPushButton *m_buildDeploy;
    QPushButton *m_deployAsIs;
    QLabel *m_uploadTitle;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QLabel *m_result;
    QPushButton *m_openSite;
    QPushButton *m_retry;
};

} // namespace ddd::app
