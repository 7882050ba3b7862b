// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/agentstatus.h"
#include "core/client/callhandle.h"

#include <QDialog>

class QLabel;
class QTimer;
class QTreeWidget;

namespace ddd::core::client {
class ApiClient;
}

namespace ddd::app {

class MessageBar;

// Agent > Agent Status (operators only): what GET /api/v1/status says, read
// again every few seconds while the dialog is open. The agent's release,
// uptime, database and disk; with a shared database every agent of the
// cluster with its roles, release, last heartbeat, whether it is alive and
// how far its sites lag behind the database.
class AgentStatusDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentStatusDialog)

public:
    enum Column { Name, Roles, Release, Heartbeat, State, Lag, ColumnCount };
    static constexpr int RefreshMs = 5000;

    explicit AgentStatusDialog(core::client::ApiClient &api, QWidget *parent = nullptr);

    // Shows an answer of the agent, timed against `nowMs`.
    void display(const core::client::AgentStatus &status, qint64 nowMs);
    QLabel *summary() const { return m_summary; }
    QLabel *clusterNote() const { return m_clusterNote; }
    QTreeWidget *agents() const { return m_agents; }

private:
    void buildLayout();
    void refresh();
    void displayCluster(const core::client::AgentStatus::Cluster &cluster, qint64 nowMs);
    static QString summaryText(const core::client::AgentStatus &status);
    static QString ageText(qint64 ms);
    static QString lagText(qint64 ms);

    core::client::ApiClient &m_api;
    QLabel *m_summary;
    QLabel *m_clusterNote;
    QTreeWidget *m_agents;
    MessageBar *m_messages;
    QTimer *m_timer;
    core::client::CallHandle m_call;
};

} // namespace ddd::app
