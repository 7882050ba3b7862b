// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/remotebuild.h"
#include "core/util/result.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace ddd::core::client {
class BuildLogStream;
}

namespace ddd::app {

class AgentConnection;
class BuildLogPage;
class BuildTableModel;
class MessageBar;

// What the Builds tab does with the agent: loads a project's builds, streams
// the selected build's log into the view (its end updates the row), and
// carries out Rebuild, Build from Git, Cancel and Go Live. One stream at a time: selecting
// another build closes the previous one.
class BuildCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildCommands)

public:
    // Reloads the project's versions and selects one (a build made it).
    using ReloadVersions = std::function<void(qint64 projectId, qint64 selectVersionId)>;

    BuildCommands(AgentConnection &connection, MessageBar &messages, BuildTableModel &model, BuildLogPage &page,
                  ReloadVersions reloadVersions, QObject *parent = nullptr);
    ~BuildCommands() override;

    // Lists the project's builds (0: none selected) and opens the newest log.
    void load(qint64 projectId);
    // Shows a build that just started (Build & Deploy) and follows its log.
    void follow(const core::client::RemoteBuild &build);
    void rebuild();
    // Clones the project's saved Git repository on the agent and builds it.
    void buildFromGit();
    void cancel();
    void goLive();

signals:
    // A build this dashboard watched has finished, failed or was cancelled.
    void buildEnded(const ddd::core::client::RemoteBuild &build);

private:
    void openLog();
    void closeLog();
    void onLogEnded(qint64 buildId, const core::Result<core::client::RemoteBuild> &result);
    QString logTitle(const core::client::RemoteBuild &build) const;
    void showError(const core::Error &error);

    AgentConnection &m_connection;
    MessageBar &m_messages;
    BuildTableModel &m_model;
    BuildLogPage &m_page;
    ReloadVersions m_reloadVersions;
    qint64 m_projectId = 0;
    qint64 m_logBuildId = 0;
    qint64 m_pendingSelection = 0;
    QPointer<core::client::BuildLogStream> m_stream;
};

} // namespace ddd::app
