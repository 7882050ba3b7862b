// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/dialogs/agentstatusdialog.h"

#include "app/displayformat.h"
#include "app/errormessages.h"
#include "app/statuspalette.h"
#include "app/widgets/messagebar.h"
#include "core/client/apiclient.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ddd::app {

using core::client::AgentStatus;

AgentStatusDialog::AgentStatusDialog(core::client::ApiClient &api, QWidget *parent)
    : QDialog(parent), m_api(api), m_summary(new QLabel(this)), m_clusterNote(new QLabel(this)),
      m_agents(new QTreeWidget(this)), m_messages(new MessageBar(this)), m_timer(new QTimer(this))
{
    setObjectName(u"agentStatusDialog"_qs);
    setWindowTitle(tr("Agent Status"));
    buildLayout();
    connect(m_timer, &QTimer::timeout, this, &AgentStatusDialog::refresh);
    m_timer->start(RefreshMs);
    refresh();
}

void AgentStatusDialog::buildLayout()
{
    m_summary->setObjectName(u"statusSummary"_qs);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Asking the agent…"));
    m_clusterNote->setObjectName(u"clusterNote"_qs);
    m_clusterNote->setWordWrap(true);
    m_agents->setObjectName(u"clusterAgents"_qs);
    m_agents->setRootIsDecorated(false);
    m_agents->setHeaderLabels({tr("Agent"), tr("Roles"), tr("Release"), tr("Last heartbeat"), tr("State"),
                               tr("Sites")});
    m_agents->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_agents->setVisible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(m_summary);
    layout->addWidget(m_clusterNote);
    layout->addWidget(m_agents, 1);
    layout->addWidget(buttons);
    resize(760, 360);
}

// One request at a time: a slow agent is not asked again meanwhile.
void AgentStatusDialog::refresh()
{
    if (m_call.isRunning())
        return;
    m_call = m_api.status(this, [this](core::Result<AgentStatus> status) {
        if (!status)
            return m_messages->showError(ErrorMessages::describe(status.error()));
        m_messages->hide();
        display(*status, QDateTime::currentMSecsSinceEpoch());
    });
}

void AgentStatusDialog::display(const AgentStatus &status, qint64 nowMs)
{
    m_summary->setText(summaryText(status));
    if (!status.cluster) {
        m_clusterNote->setText(tr("This agent runs alone: it shares no database with other agents."));
        m_agents->setVisible(false);
        return;
    }
    displayCluster(*status.cluster, nowMs);
}

void AgentStatusDialog::displayCluster(const AgentStatus::Cluster &cluster, qint64 nowMs)
{
    if (!cluster.ok) {
        m_clusterNote->setText(tr("The list of agents cannot be read (%1).").arg(cluster.error));
        m_agents->setVisible(false);
        return;
    }
    m_clusterNote->setText(tr("Agents sharing this agent's database: %1.").arg(cluster.agents.size()));
    m_agents->clear();
    for (const AgentStatus::ClusterAgent &agent : cluster.agents) {
        auto *row = new QTreeWidgetItem(m_agents);
        row->setText(Name, agent.name);
        row->setToolTip(Name, agent.id);
        row->setText(Roles, agent.roles.join(u", "_qs));
        row->setText(Release, agent.version);
        row->setText(Heartbeat, ageText(nowMs - agent.heartbeatAtMs));
        row->setToolTip(Heartbeat, DisplayFormat::time(agent.heartbeatAtMs));
        row->setText(State, agent.alive ? tr("Alive") : tr("Silent"));
        row->setForeground(State, StatusPalette::color(agent.alive ? StatusPalette::Level::Good
                                                                   : StatusPalette::Level::Problem));
        const bool servesSites = agent.roles.contains(u"site"_qs);
        row->setText(Lag, servesSites ? lagText(agent.lagMs) : QString());
        if (agent.lagMs > 0)
            row->setForeground(Lag, StatusPalette::color(StatusPalette::Level::Warning));
    }
    m_agents->setVisible(true);
}

QString AgentStatusDialog::summaryText(const AgentStatus &status)
{
    const QString database = status.databaseOk ? tr("database ok") : tr("database unreachable");
    return tr("ddd-agent %1, up %2; %3; %4 free of %5.")
        .arg(status.version, DisplayFormat::duration(status.uptimeSeconds), database,
             DisplayFormat::bytes(status.diskFreeBytes), DisplayFormat::bytes(status.diskTotalBytes));
}

QString AgentStatusDialog::ageText(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    return seconds < 2 ? tr("just now") : tr("%1 ago").arg(DisplayFormat::duration(seconds));
}

QString AgentStatusDialog::lagText(qint64 ms)
{
    if (ms <= 0)
        return tr("In step");
    return tr("%1 s behind").arg(QString::number(double(ms) / 1000.0, 'f', 1));
}

} // namespace ddd::app
