// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The real main window against the real agent, in-process: connect and log
// in, keep the token (here in the 0600 file, as no keychain runs), create a
// project, change its settings, and come back after a restart still signed in.
#include "app/agentview.h"
#include "app/dashboardactions.h"
#include "app/errormessages.h"
#include "app/models/projecttablemodel.h"
#include "app/widgets/messagebar.h"
#include "tests/app/dashboarddriver.h"
#include "tests/support/agentfixture.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace ddd::app;
using ddd::test::DashboardDriver;

namespace {

const QString Email = u"owner@example.com"_qs;
const QString Password = u"correct horse battery staple"_qs;

template<typename T>
T *find(QWidget &root, const QString &name)
{
    return root.findChild<T *>(name);
}

QString describe(const QString &code)
{
    return ErrorMessages::describe(ddd::core::Error::make(code, {})).text();
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

    ddd::test::AgentFixture m_agent;
    std::unique_ptr<DashboardDriver> m_dashboard;

    QUrl agentUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_agent.apiPort())); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_agent.start());
        QVERIFY(m_agent.addUser(Email, Password));
        m_dashboard = std::make_unique<DashboardDriver>();
    }

    // A keyboard path through every version action, and no key doing two
    // things.
    void versionActionsHaveDistinctShortcuts()
    {
        const DashboardActions &actions = m_dashboard->openWindow().actions();
        for (const QAction *action : {actions.goLive, actions.rollBack, actions.togglePin, actions.deleteVersion,
                                      actions.openSite, actions.copySiteUrl, actions.openPreview,
                                      actions.copyPreviewUrl, actions.versionActivity})
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
        QHash<QKeySequence, QString> seen;
        for (const QAction *action : actions.findChildren<QAction *>()) {
            for (const QKeySequence &key : action->shortcuts()) {
                QVERIFY2(!seen.contains(key), qPrintable(seen.value(key) + u" and "_qs + action->objectName()));
                seen.insert(key, action->objectName());
            }
        }
    }

    void wrongPasswordSaysSoAndAddsNoAgent()
    {
        MainWindow &window = m_dashboard->openWindow();
        QVERIFY(find<QWidget>(window, u"welcomePage"_qs)->isVisible());
        QWidget *dialog = m_dashboard->connect(agentUrl(), Email, u"not the password"_qs);
        QVERIFY(dialog);
        QTRY_COMPARE(find<MessageBar>(*dialog, u"messageBar"_qs)->text(), describe(u"auth.invalid_credentials"_qs));
        QVERIFY(!window.currentAgentView());
        QVERIFY(m_dashboard->settings().agents().isEmpty());
    }

    void logInKeepsTheTokenInAnOwnerOnlyFileAndWarns()
    {
        MainWindow &window = m_dashboard->openWindow();
        QVERIFY(m_dashboard->connect(agentUrl(), Email, Password));
        QTRY_VERIFY(window.currentAgentView());
        auto *account = find<QLabel>(window, u"accountLabel"_qs);
        QTRY_VERIFY2(account->text().contains(Email), qPrintable(account->text()));
        QCOMPARE(m_dashboard->settings().agents().size(), 1);
        const QString file = m_dashboard->credentialsFile();
        QTRY_VERIFY(find<MessageBar>(window, u"credentialBanner"_qs)->text().contains(file));
        QTRY_VERIFY(QFile::exists(file));
        QCOMPARE(QFile::permissions(file)
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QFile stored(file);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QVERIFY2(stored.readAll().contains("ddd_"), "the login became a scoped API token");
    }

    void createProjectAndChangeItsSettings()
    {
        MainWindow &window = m_dashboard->openWindow();
        QTRY_VERIFY(find<QLabel>(window, u"accountLabel"_qs)->text().contains(Email));
        QVERIFY(m_dashboard->createProject(u"Docs"_qs));
        auto *table = find<QTableView>(window, u"projectsTable"_qs);
        QCOMPARE(table->model()->rowCount(), 1);
        QTRY_VERIFY(window.actions().deployFolder->isEnabled());

        window.actions().showSettings->trigger();
        find<QLineEdit>(window, u"settingsDomain"_qs)->setText(u"docs.example.com"_qs);
        find<QPushButton>(window, u"settingsSave"_qs)->click();
        QTRY_COMPARE(table->model()->index(0, ProjectTableModel::Domain).data().toString(), u"docs.example.com"_qs);
    }

    void refusedSettingExplainsWhatToDo()
    {
        MainWindow &window = m_dashboard->openWindow();
        QTRY_VERIFY(find<QLineEdit>(window, u"settingsName"_qs)->text() == u"Docs"_qs);
        find<QLineEdit>(window, u"settingsDomain"_qs)->setText(u"not a domain"_qs);
        find<QPushButton>(window, u"settingsSave"_qs)->click();
        auto *messages = window.currentAgentView()->findChild<MessageBar *>(u"messageBar"_qs);
        QTRY_COMPARE(messages->text(), describe(u"project.invalid_domain"_qs));
    }

    void restartRestoresAgentsAndLayout()
    {
        MainWindow &first = m_dashboard->openWindow();
        QTRY_VERIFY(first.currentAgentView());
        first.resize(1000, 640);
        m_dashboard->closeWindow();
        MainWindow &window = m_dashboard->openWindow();
        QCOMPARE(window.size(), QSize(1000, 640));
        QTRY_VERIFY(find<QLabel>(window, u"accountLabel"_qs)->text().contains(Email));
        QTRY_COMPARE(find<QTableView>(window, u"projectsTable"_qs)->model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
