// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/dialogs/deploydialog.h"

#include "app/asynctask.h"
#include "app/deployrunner.h"
#include "app/displayformat.h"
#include "app/errormessages.h"
#include "app/siteinspector.h"
#include "app/widgets/difftree.h"
#include "app/widgets/preflightlist.h"
#include "core/client/apiclient.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ddd::app {

using core::Result;
using core::model::Version;
using core::model::VersionFile;

namespace {

QLabel *wrappingLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

} // namespace

DeployDialog::DeployDialog(Target target, QString sourcePath, PendingUploads &pending, QWidget *parent)
    : QDialog(parent),
      m_target(std::move(target)),
      m_sourcePath(std::move(sourcePath)),
      m_pending(pending),
      m_cancelled(std::make_shared<std::atomic_bool>(false)),
      m_pages(new QStackedWidget(this))
{
    setObjectName(u"deployDialog"_qs);
    setWindowTitle(tr("Deploy to %1").arg(m_target.project.name));
    m_pages->addWidget(buildCheckingPage());
    m_pages->addWidget(buildReportPage());
    m_pages->addWidget(buildUploadPage());
    m_pages->addWidget(buildResultPage());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    resize(720, 560);
}

DeployDialog::~DeployDialog()
{
    *m_cancelled = true;
}

QWidget *DeployDialog::buildCheckingPage()
{
    auto *page = new QWidget(this);
    m_checking = wrappingLabel(page, u"checkingLabel"_qs);
    m_checking->setText(tr("Checking %1 with the agent's rules and comparing it with the live version…")
                            .arg(QDir::toNativeSeparators(m_sourcePath)));
    auto *busy = new QProgressBar(page);
    busy->setRange(0, 0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeployDialog::reject);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(m_checking);
    layout->addWidget(busy);
    layout->addStretch();
    layout->addWidget(buttons);
    return page;
}

QWidget *DeployDialog::buildReportPage()
{
    auto *page = new QWidget(this);
    m_summary = wrappingLabel(page, u"deploySummary"_qs);
    m_preflight = new PreflightList(page);
    m_diff = new DiffTree(page);
    auto *split = new QSplitter(Qt::Vertical, page);
    split->addWidget(m_preflight);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    m_uploadOnly = buttons->addButton(tr("&Upload Only"), QDialogButtonBox::ActionRole);
    m_uploadOnly->setObjectName(u"uploadOnlyButton"_qs);
    m_uploadOnly->setToolTip(tr("Store the new version without making it live"));
    m_goLive = buttons->addButton(tr("&Go Live"), QDialogButtonBox::AcceptRole);
    m_goLive->setObjectName(u"goLiveButton"_qs);
    m_goLive->setDefault(true);
    m_deployAsIs = buttons->addButton(tr("&Deploy as Is"), QDialogButtonBox::ActionRole);
    m_deployAsIs->setObjectName(u"deployAsIsButton"_qs);
    m_deployAsIs->setToolTip(tr("Publish the folder as it is, without building it"));
    m_buildDeploy = buttons->addButton(tr("&Build && Deploy"), QDialogButtonBox::AcceptRole);
    m_buildDeploy->setObjectName(u"buildDeployButton"_qs);
    m_buildDeploy->setToolTip(tr("Send the source to the agent, build it there and publish the result"));
    m_detection = wrappingLabel(page, u"buildDetection"_qs);
    m_detection->setTextFormat(Qt::RichText);
    m_detection->setFrameShape(QFrame::StyledPanel);
    m_detection->setMargin(8);
    for (QWidget *widget : {static_cast<QWidget *>(m_detection), static_cast<QWidget *>(m_deployAsIs),
                            static_cast<QWidget *>(m_buildDeploy)})
        widget->hide();
    connect(m_uploadOnly, &QPushButton::clicked, this, [this] { upload(false); });
    connect(m_goLive, &QPushButton::clicked, this, [this] { upload(true); });
    connect(m_deployAsIs, &QPushButton::clicked, this, [this] { upload(true); });
    connect(m_buildDeploy, &QPushButton::clicked, this, &DeployDialog::buildAndDeploy);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeployDialog::reject);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_detection);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    return page;
}

QWidget *DeployDialog::buildUploadPage()
{
    auto *page = new QWidget(this);
    m_uploadTitle = wrappingLabel(page, u"uploadTitle"_qs);
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(u"uploadProgress"_qs);
    m_progressText = wrappingLabel(page, u"uploadProgressText"_qs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelUploadButton"_qs);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeployDialog::reject);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(m_uploadTitle);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressText);
    layout->addStretch();
    layout->addWidget(buttons);
    return page;
}

QWidget *DeployDialog::buildResultPage()
{
    auto *page = new QWidget(this);
    m_result = wrappingLabel(page, u"deployResult"_qs);
    m_result->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_result->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, page);
    m_openSite = buttons->addButton(tr("&Open Site"), QDialogButtonBox::ActionRole);
    m_retry = buttons->addButton(tr("&Resume"), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(u"resumeButton"_qs);
    connect(m_openSite, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(m_target.siteAddress); });
    connect(m_retry, &QPushButton::clicked, this, [this] { m_buildSource ? buildAndDeploy() : upload(m_activate); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(m_result);
    layout->addStretch();
    layout->addWidget(buttons);
    return page;
}

void DeployDialog::start()
{
    m_pages->setCurrentIndex(0);
    if (!m_target.live)
        return inspect({});
    // Every file of the live version, a page at a time: the diff needs them all.
    m_target.api->fetchAllDeployFiles(m_target.live->id, this, [this](Result<QList<VersionFile>> liveFiles) {
        if (!liveFiles.ok())
            return showFailure(ErrorMessages::describe(liveFiles.error()).text());
        inspect(*liveFiles);
    });
}

void DeployDialog::inspect(const QList<VersionFile> &liveFiles)
{
    runThenCallback(
        this,
        [path = m_sourcePath, liveFiles, liveId = m_target.live ? m_target.live->id : 0, cancelled = m_cancelled,
         choice = SiteInspector::buildChoice(m_target.project)] {
            SiteInspection inspection = SiteInspector::inspect(path, liveFiles, *cancelled);
            inspection.liveVersionId = liveFiles.isEmpty() ? 0 : liveId;
            inspection.liveFiles = liveFiles;
            // A source shows what will run before anything is sent (issue 8).
            SiteInspector::detectSource(inspection, path, choice);
            return inspection;
        },
        [this](const SiteInspection &inspection) { showReport(inspection); });
}

void DeployDialog::showReport(const SiteInspection &inspection)
{
    m_inspection = inspection;
    m_preflight->setFindings(inspection.findings);
    m_diff->setInspection(inspection);
    m_summary->setText(summary(inspection));
    m_diff->setVisible(!inspection.blocked());
    m_goLive->setEnabled(!inspection.blocked());
    m_uploadOnly->setEnabled(!inspection.blocked());
    if (inspection.detection)
        showDetection(*inspection.detection);
    m_pages->setCurrentIndex(1);
}

void DeployDialog::showDetection(const core::build::Detection &detection)
{
    const auto row = [](const QString &name, const QString &value) {
        return u"<tr><td>"_qs + name + u"&nbsp;&nbsp;</td><td><b>"_qs + value.toHtmlEscaped() + u"</b></td></tr>"_qs;
    };
    const QString root = detection.siteRoot.isEmpty() ? QString() : detection.siteRoot + u'/';
    // A plain site one folder down runs nothing: the agent publishes that folder.
    const bool plain = detection.generator == core::build::Generator::Plain;
    m_detection->setText((plain ? tr("The site is in the folder %1. The agent publishes that folder, without running "
                                     "anything:").arg(detection.siteRoot.toHtmlEscaped())
                                : tr("This folder is the source of a site. The agent builds it in its sandbox:"))
                         + u"<table>"_qs + row(tr("Generator"), DisplayFormat::generator(detection.generator))
                         + (plain ? QString() : row(tr("Command"), detection.command))
                         + row(tr("Output folder"), root + detection.outputDir) + u"</table>"_qs);
    m_summary->setText(tr("Build & Deploy sends the source (only the files the agent lacks) and publishes what the "
                          "build produces. Deploy as Is publishes the folder unchanged."));
    m_diff->hide(); // the source's files are not the site's, so a diff would mislead
    for (QWidget *widget : {static_cast<QWidget *>(m_detection), static_cast<QWidget *>(m_deployAsIs),
                            static_cast<QWidget *>(m_buildDeploy)})
        widget->show();
    m_goLive->hide();
    m_uploadOnly->hide();
    m_buildDeploy->setDefault(true);
}

QString DeployDialog::summary(const SiteInspection &inspection) const
{
    if (inspection.blocked())
        return tr("<b>This site cannot be deployed yet.</b> Fix the problems marked red, then drop it again.");
    const QString against = m_target.live ? tr("Compared with the live version %1:")
                                                .arg(DisplayFormat::version(m_target.live->number))
                                          : tr("%1 has no live version yet:").arg(m_target.project.name);
    if (inspection.unchanged())
        return against + u' ' + tr("nothing changed.");
    return against + u' '
        + tr("%1 added, %2 changed, %3 removed (%4 new, %5 gone).")
              .arg(inspection.added.size())
              .arg(inspection.changed.size())
              .arg(inspection.removed.size())
              .arg(DisplayFormat::bytes(inspection.bytesAdded), DisplayFormat::bytes(inspection.bytesRemoved));
}

DeployRunner *DeployDialog::runner()
{
    if (!m_runner) {
        const DeployRunner::Target target{m_target.api, m_target.agentId, m_target.project.id, m_target.project.name};
        m_runner = new DeployRunner(target, *m_inspection, m_pending, this);
        connect(m_runner, &DeployRunner::progress, this, &DeployDialog::onProgress);
        connect(m_runner, &DeployRunner::finished, this, &DeployDialog::onFinished);
        connect(m_runner, &DeployRunner::retrying, this, [this](const core::Error &error, int attempt) {
            m_progressText->setText(tr("Connection lost (%1). Trying again, attempt %2…")
                                        .arg(ErrorMessages::describe(error).what)
                                        .arg(attempt));
        });
        connect(m_runner, &DeployRunner::sourceFinished, this, &DeployDialog::onSourceFinished);
    }
    return m_runner;
}

void DeployDialog::upload(bool activate)
{
    m_activate = activate;
    m_buildSource = false;
    runner();
    m_uploadTitle->setText(activate ? tr("Uploading to %1; it goes live when every file has arrived.")
                                          .arg(m_target.project.name)
                                    : tr("Uploading to %1…").arg(m_target.project.name));
    m_progress->setRange(0, 0);
    m_bytesSent = 0;
    m_progressText->setText(tr("Asking the agent which files it already has…"));
    m_pages->setCurrentIndex(2);
    m_uploadClock.start();
    m_runner->start(activate);
}

void DeployDialog::buildAndDeploy()
{
    m_buildSource = true;
    runner();
    m_uploadTitle->setText(tr("Sending the source of %1; the agent builds it once every file has arrived.")
                               .arg(m_target.project.name));
    m_progress->setRange(0, 0);
    m_bytesSent = 0;
    m_progressText->setText(tr("Asking the agent which files it already has…"));
    m_pages->setCurrentIndex(2);
    m_runner->startSourceBuild(true);
}

void DeployDialog::onSourceFinished(const Result<core::client::SourceBuild> &result)
{
    if (!result.ok()) {
        const bool cancelled = result.error().code == u"client.cancelled";
        return showFailure(cancelled ? tr("The upload of the source was stopped. Build & Deploy again sends only the "
                                          "files the agent still lacks.")
                                     : ErrorMessages::describe(result.error()).text());
    }
    if (!result->build)
        return showFailure(tr("The source is stored, but the agent started no build."));
    emit buildStarted(*result->build);
    accept(); // the Builds tab shows the live log from here
}

void DeployDialog::onProgress(qint64 sent, qint64 total)
{
    m_bytesSent = sent;
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(sent * 1000 / total) : 1000);
    QString text = tr("%1 of %2").arg(DisplayFormat::bytes(sent), DisplayFormat::bytes(total));
    if (const auto rate = m_runner->meter().bytesPerSecond())
        text += u" · "_qs + DisplayFormat::rate(*rate);
    if (const auto left = m_runner->meter().secondsLeft(total))
        text += u" · "_qs + tr("about %1 left").arg(DisplayFormat::duration(*left));
    m_progressText->setText(text);
}

void DeployDialog::onFinished(const Result<Version> &result)
{
    if (!result.ok()) {
        const bool cancelled = result.error().code == u"client.cancelled";
        if (!cancelled)
            emit uploadEnded(m_uploadClock.elapsed(), false,
                             tr("The upload to %1 failed: %2").arg(m_target.project.name,
                                                                   ErrorMessages::describe(result.error()).what));
        return showFailure(cancelled ? tr("The upload is paused. Resume continues where it stopped, "
                                          "even after the dashboard or the agent restarts.")
                                     : ErrorMessages::describe(result.error()).text());
    }
    const Version &version = *result;
    const QString link = QStringLiteral("<a href=\"%1\">%1</a>").arg(m_target.siteAddress.toString().toHtmlEscaped());
    const QString headline = version.status == core::model::VersionStatus::Live
        ? tr("<b>%1 is live</b> at %2.").arg(DisplayFormat::version(version.number), link)
        : tr("<b>%1 is uploaded.</b> It goes live when you choose Go Live in the version list.")
              .arg(DisplayFormat::version(version.number));
    // "Already had the rest" only when it had something: not on a first deploy.
    const bool allSent = m_bytesSent >= version.totalBytes;
    const QString traffic = (m_inspection->isArchive ? tr("%1 files, %2 in all, from an archive of %3.")
                             : allSent ? tr("%1 files, %2 in all; all %3 sent.")
                                       : tr("%1 files, %2 in all; %3 sent, the agent already had the rest."))
                                .arg(version.fileCount)
                                .arg(DisplayFormat::bytes(version.totalBytes), DisplayFormat::bytes(m_bytesSent));
    m_result->setText(headline + u"<br><br>"_qs + traffic);
    m_openSite->setVisible(version.status == core::model::VersionStatus::Live && m_target.siteAddress.isValid());
    m_retry->hide();
    m_pages->setCurrentIndex(3);
    emit uploadEnded(m_uploadClock.elapsed(), true,
                     version.status == core::model::VersionStatus::Live
                         ? tr("%1 of %2 is live.").arg(DisplayFormat::version(version.number), m_target.project.name)
                         : tr("%1 of %2 is uploaded.").arg(DisplayFormat::version(version.number), m_target.project.name));
    emit deployed(version);
}

void DeployDialog::showFailure(const QString &text)
{
    m_result->setText(text);
    m_openSite->hide();
    m_retry->setVisible(m_inspection.has_value() && !m_inspection->blocked());
    m_retry->setText(m_inspection && !m_inspection->isArchive && !m_buildSource ? tr("&Resume") : tr("&Retry"));
    m_pages->setCurrentIndex(3);
}

void DeployDialog::reject()
{
    *m_cancelled = true;
    if (m_runner && m_runner->isRunning()) {
        m_runner->cancel(); // the result page then offers to resume
        return;
    }
    QDialog::reject();
}

} // namespace ddd::app
