// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Agent > Agent Status against the real agent, in-process: an operator
// sees the agent's release, uptime, database and disk, and a cluster's
// agents with their heartbeats and lag; an account that is not an operator
// does not see the entry at all.
#include "app/agentconnection.h"
#include "app/agentview.h"
#include "app/dashboardactions.h"
#include "app/dialogs/agentstatusdialog.h"
#include "app/displayformat.h"
#include "app/mainwindow.h"
#include "app/widgets/messagebar.h"
#include "core/client/agentstatus.h"
#include "tests/app/dashboarddriver.h"
#include "tests/support/agentfixture.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QTreeWidget>
#include <QtTest>

using namespace ddd::app;
using ddd::core::client::AgentStatus;
using ddd::test::DashboardDriver;

namespace {

const QString Password = u"correct horse battery staple"_qs;
const QString Operator = u"ops@example.com"_qs;
const QString User = u"owner@example.com"_qs;
constexpr qint64 Now = 1'800'000'000'000;

QJsonObject clusterAgent(const QString &name, const QStringList &roles, qint64 heartbeatAgoMs, bool alive, qint64 lagMs)
{
    return {{u"id"_qs, u"3f0c-"_qs + name}, {u"name"_qs, name}, {u"roles"_qs, QJsonArray::fromStringList(roles)},
            {u"version"_qs, u"0.1.0"_qs}, {u"startedAt"_qs, u"2027-01-15T08:00:00.000Z"_qs},
            {u"heartbeatAt"_qs, QDateTime::fromMSecsSinceEpoch(Now - heartbeatAgoMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {u"alive"_qs, alive}, {u"lagMs"_qs, lagMs}};
}

} // namespace

class TestAgentStatus final : public QObject
{
    Q_OBJECT

    ddd::test::AgentFixture m_agent;

    static bool signIn(DashboardDriver &dashboard, quint16 port, const QString &email)
    {
        dashboard.openWindow();
        if (!dashboard.connect(QUrl(u"http://127.0.0.1:%1"_qs.arg(port)), email, Password))
            return false;
        return QTest::qWaitFor([&] {
            AgentView *view = dashboard.window().currentAgentView();
            return view && view->connection().state() == AgentConnection::State::SignedIn;
        });
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_agent.start());
        QVERIFY(m_agent.addUser(Operator, Password, u"operator"_qs));
        QVERIFY(m_agent.addUser(User, Password));
    }

    void anOperatorSeesTheAgent()
    {
        DashboardDriver dashboard;
        QVERIFY(signIn(dashboard, m_agent.apiPort(), Operator));
        QAction *entry = dashboard.window().actions().agentStatus;
        QTRY_VERIFY(entry->isVisible());
        entry->trigger();
        auto *dialog = dashboard.window().findChild<AgentStatusDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY2(dialog->summary()->text().startsWith(u"ddd-agent "_qs + QStringLiteral(DDD_VERSION)),
                     qPrintable(dialog->findChild<MessageBar *>()->text()));
        QVERIFY(dialog->summary()->text().contains(u"database ok"_qs));
        QVERIFY(dialog->summary()->text().contains(u"free of"_qs));
        QVERIFY(dialog->clusterNote()->text().contains(u"runs alone"_qs));
        QVERIFY(!dialog->agents()->isVisibleTo(dialog));
    }

    void aUserDoesNotSeeTheEntry()
    {
        DashboardDriver dashboard;
        QVERIFY(signIn(dashboard, m_agent.apiPort(), User));
        QVERIFY(!dashboard.window().actions().agentStatus->isVisible());
    }

    // Every agent of a cluster, as /api/v1/status lists it: a silent one
    // and one whose sites lag stand out.
    void aClusterIsListed()
    {
        DashboardDriver dashboard;
        QVERIFY(signIn(dashboard, m_agent.apiPort(), Operator));
        dashboard.window().actions().agentStatus->trigger();
        auto *dialog = dashboard.window().findChild<AgentStatusDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->summary()->text().startsWith(u"ddd-agent"_qs)); // its own answer came first
        const QJsonObject json{
            {u"service"_qs, u"ddd-agent"_qs}, {u"version"_qs, u"0.1.0"_qs},
            {u"startedAt"_qs, u"2027-01-15T08:00:00.000Z"_qs}, {u"uptimeSeconds"_qs, 7500},
            {u"database"_qs, QJsonObject{{u"ok"_qs, true}}},
            {u"disk"_qs, QJsonObject{{u"freeBytes"_qs, 41LL << 30}, {u"totalBytes"_qs, 80LL << 30}}},
            {u"cluster"_qs, QJsonObject{{u"ok"_qs, true},
                                        {u"agents"_qs, QJsonArray{
                                             clusterAgent(u"writer"_qs, {u"api"_qs, u"build"_qs, u"site"_qs}, 1200, true, 0),
                                             clusterAgent(u"edge-1"_qs, {u"site"_qs}, 3000, true, 4200),
                                             clusterAgent(u"edge-2"_qs, {u"site"_qs}, 95000, false, 0)}}}}};
        const ddd::core::Result<AgentStatus> status = AgentStatus::fromJson(json);
        QVERIFY(status);
        dialog->display(*status, Now);
        QVERIFY(dialog->summary()->text().contains(u"up 2 h 5 min"_qs));
        QVERIFY(dialog->clusterNote()->text().endsWith(u": 3."_qs));
        QTreeWidget *agents = dialog->agents();
        QVERIFY(agents->isVisibleTo(dialog));
        QCOMPARE(agents->topLevelItemCount(), 3);
        const auto cell = [&](int row, int column) { return agents->topLevelItem(row)->text(column); };
        QCOMPARE(cell(0, AgentStatusDialog::Roles), u"api, build, site"_qs);
        QCOMPARE(cell(0, AgentStatusDialog::Heartbeat), u"just now"_qs);
        QCOMPARE(cell(0, AgentStatusDialog::Lag), u"In step"_qs);
        QCOMPARE(cell(1, AgentStatusDialog::Lag), u"4.2 s behind"_qs);
        QCOMPARE(cell(1, AgentStatusDialog::State), u"Alive"_qs);
        QCOMPARE(cell(2, AgentStatusDialog::State), u"Silent"_qs);
        QCOMPARE(cell(2, AgentStatusDialog::Heartbeat), DisplayFormat::duration(95) + u" ago"_qs);
        if (!qEnvironmentVariableIsEmpty("DDD_SCREENSHOT_DIR"))
            dialog->grab().save(qEnvironmentVariable("DDD_SCREENSHOT_DIR") + u"/agent-status.png"_qs);

        QJsonObject broken = json;
        broken[u"cluster"_qs] = QJsonObject{{u"ok"_qs, false}, {u"error"_qs, u"storage.unavailable"_qs}};
        dialog->display(AgentStatus::fromJson(broken).value(), Now);
        QVERIFY(dialog->clusterNote()->text().contains(u"storage.unavailable"_qs));
        QVERIFY(!agents->isVisibleTo(dialog));

        // An answer that is not what the agent sends is refused, not shown half.
        QJsonObject nameless = clusterAgent(u"edge-3"_qs, {u"site"_qs}, 0, true, 0);
        nameless.remove(u"name"_qs);
        QJsonObject odd = json;
        odd[u"cluster"_qs] = QJsonObject{{u"ok"_qs, true}, {u"agents"_qs, QJsonArray{nameless}}};
        const ddd::core::Result<AgentStatus> refused = AgentStatus::fromJson(odd);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"name"_qs), qPrintable(refused.error().message));
        odd.remove(u"version"_qs);
        QVERIFY(!AgentStatus::fromJson(odd));
    }
};

QTEST_MAIN(TestAgentStatus)
#include "tst_agentstatus.moc"
