// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/buildcommands.h"

#include "app/agentconnection.h"
#include "app/displayformat.h"
#include "app/errormessages.h"
#include "app/models/buildtablemodel.h"
#include "app/pages/buildlogpage.h"
#include "app/widgets/buildlogview.h"
#include "app/widgets/messagebar.h"
#include "core/client/apiclient.h"
#include "core/client/buildlogstream.h"

namespace ddd::app {

using core::Result;
using core::client::BuildLogStream;
using core::client::RemoteBuild;
using core::model::Version;

BuildCommands::BuildCommands(AgentConnection &connection, MessageBar &messages, BuildTableModel &model,
                             BuildLogPage &page, ReloadVersions reloadVersions, QObject *parent)
    : QObject(parent),
      m_connection(connection),
      m_messages(messages),
      m_model(model),
      m_page(page),
      m_reloadVersions(std::move(reloadVersions))
{
    connect(&m_page, &BuildLogPage::currentBuildChanged, this, &BuildCommands::openLog);
    connect(&m_page, &BuildLogPage::rebuildRequested, this, &BuildCommands::rebuild);
    connect(&m_page, &BuildLogPage::cancelRequested, this, &BuildCommands::cancel);
    connect(&m_page, &BuildLogPage::goLiveRequested, this, &BuildCommands::goLive);
    connect(&m_page, &BuildLogPage::buildFromGitRequested, this, &BuildCommands::buildFromGit);
}

BuildCommands::~BuildCommands()
{
    closeLog();
}

void BuildCommands::load(qint64 projectId)
{
    const bool sameProject = projectId == m_projectId;
    m_projectId = projectId;
    if (!sameProject) {
        closeLog();
        m_model.clear();
    }
    if (!projectId)
        return;
    m_connection.api().builds().listBuilds(projectId, this, [this, projectId](Result<QList<RemoteBuild>> builds) {
        if (projectId != m_projectId)
            return; // the user moved on
        if (!builds.ok())
            return showError(builds.error());
        const RemoteBuild *current = m_page.currentBuild();
        const qint64 pending = std::exchange(m_pendingSelection, 0);
        const qint64 keep = pending ? pending : current ? current->id : 0;
        m_model.setBuilds(*builds);
        m_page.selectBuild(m_model.rowOf(keep) >= 0 ? keep : builds->isEmpty() ? 0 : builds->first().id);
    });
}

void BuildCommands::follow(const RemoteBuild &build)
{
    if (build.projectId != m_projectId) {
        m_pendingSelection = build.id; // selected once the project's list is in
        return;
    }
    m_model.update(build);
    m_page.selectBuild(build.id);
    m_page.logView()->setFollowing(true);
}

void BuildCommands::openLog()
{
    const RemoteBuild *build = m_page.currentBuild();
    if (build && build->id == m_logBuildId)
        return m_page.setLogTitle(logTitle(*build)); // the same build, only its row changed
    closeLog();
    m_page.logView()->clear();
    if (!build) {
        m_page.setLogTitle(QString());
        return;
    }
    const qint64 buildId = build->id;
    m_logBuildId = buildId;
    m_page.setLogTitle(logTitle(*build));
    m_stream = m_connection.api().builds().streamBuildLog(buildId, this);
    connect(m_stream, &BuildLogStream::lines, m_page.logView(), &BuildLogView::appendLines);
    connect(m_stream, &BuildLogStream::ended, this,
            [this, buildId](const Result<RemoteBuild> &result) { onLogEnded(buildId, result); });
}

void BuildCommands::closeLog()
{
    m_logBuildId = 0;
    if (m_stream) {
        m_stream->disconnect(); // not a line more into the next build's log
        m_stream->deleteLater();
    }
    m_stream = nullptr;
}

void BuildCommands::onLogEnded(qint64 buildId, const Result<RemoteBuild> &result)
{
    m_page.logView()->flush();
    if (m_stream) {
        m_stream->deleteLater();
        m_stream = nullptr;
    }
    if (!result.ok()) {
        if (result.error().code != u"client.cancelled")
            showError(result.error());
        return;
    }
    const bool wasActive = m_model.rowOf(buildId) >= 0 && m_model.build(m_model.rowOf(buildId))->isActive();
    m_model.update(*result);
    if (const RemoteBuild *current = m_page.currentBuild(); current && current->id == buildId)
        m_page.setLogTitle(logTitle(*current));
    // A build that finished while we watched may have made (and published) a version.
    if (wasActive && result->versionId)
        m_reloadVersions(result->projectId, *result->versionId);
    if (wasActive && !result->isActive())
        emit buildEnded(*result);
}

void BuildCommands::rebuild()
{
    const RemoteBuild *build = m_page.currentBuild();
    if (!build || !m_projectId)
        return;
    m_connection.api().builds().startBuild(m_projectId, build->sourceId, std::nullopt, this, [this](Result<RemoteBuild> started) {
        if (!started.ok())
            return showError(started.error());
        m_messages.hide();
        follow(*started);
    });
}

void BuildCommands::buildFromGit()
{
    if (!m_projectId)
        return;
    // The project's setting decides whether the version goes live.
    m_connection.api().builds().startGitBuild(m_projectId, std::nullopt, this, [this](Result<RemoteBuild> started) {
        if (!started.ok())
            return showError(started.error());
        m_messages.hide();
        follow(*started);
    });
}

void BuildCommands::cancel()
{
    const RemoteBuild *build = m_page.currentBuild();
    if (!build || !build->isActive())
        return;
    m_connection.api().builds().cancelBuild(build->id, this, [this](Result<RemoteBuild> cancelled) {
        if (!cancelled.ok())
            return showError(cancelled.error());
        m_model.update(*cancelled);
        // A running build stops a moment later; its log's end then updates the row.
        m_messages.showMessage(StatusPalette::Level::Warning,
                               cancelled->isActive()
                                   ? tr("Build #%1 is being stopped. Nothing from it goes live.").arg(cancelled->number)
                                   : tr("Build #%1 is cancelled. Nothing from it goes live.").arg(cancelled->number));
    });
}

void BuildCommands::goLive()
{
    const RemoteBuild *build = m_page.currentBuild();
    if (!build || !build->versionId)
        return;
    const qint64 projectId = build->projectId;
    m_connection.api().activate(*build->versionId, this, [this, projectId](Result<Version> live) {
        if (!live.ok())
            return showError(live.error());
        m_reloadVersions(projectId, live->id);
        m_messages.showMessage(StatusPalette::Level::Good, tr("%1 is live.").arg(DisplayFormat::version(live->number)));
    });
}

QString BuildCommands::logTitle(const RemoteBuild &build) const
{
    const QString status = BuildTableModel::statusText(build.status);
    if (!build.detection || build.detection->command.isEmpty())
        return tr("Build #%1 · %2").arg(build.number).arg(status);
    return tr("Build #%1 · %2 · %3").arg(build.number).arg(status, build.detection->command);
}

void BuildCommands::showError(const core::Error &error)
{
    m_messages.showError(ErrorMessages::describe(error));
}

} // namespace ddd::app
