// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The real main window against the real agent, in-process: connect and log
// in, keep the token (here in the 0600 file, as no keychain runs), create a
// project, change its settings, and come back after a restart still signed in.
#include "app/agentview.h"
#include "app/appsettings.h"
#include "app/credentialstore.h"
#include "app/dashboardactions.h"
#include "app/errormessages.h"
#include "app/filesecretbackend.h"
#include "app/mainwindow.h"
#include "app/models/projecttablemodel.h"
#include "app/widgets/messagebar.h"
#include "tests/support/agentfixture.h"
#include "tests/support/tempdataroot.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace ddd::app;

namespace {

const QString Email = u"owner@example.com"_qs;
const QString Password = u"correct horse battery staple"_qs;

// Stands in for a desktop without any keychain service (CI, a bare window manager).
class NoKeychain final : public SecretBackend
{
public:
    void read(const QString &, Done done) override { done({Outcome::Unavailable, {}, u"no secret service"_qs}); }
    void write(const QString &, const QString &, Done done) override { done({Outcome::Unavailable, {}, u"no secret service"_qs}); }
    void remove(const QString &, Done done) override { done({Outcome::Unavailable, {}, u"no secret service"_qs}); }
};

template<typename T>
T *find(QWidget &root, const QString &name)
{
    return root.findChild<T *>(name);
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

    ddd::test::AgentFixture m_agent;
    ddd::test::TempDataRoot m_home;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<CredentialStore> m_credentials;

    QUrl agentUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_agent.apiPort())); }

    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>(*m_settings, *m_credentials);
        window->show();
        window->restoreAgents();
        return window;
    }

    void connectWith(MainWindow &window, const QString &password)
    {
        window.actions().connectAgent->trigger();
        QWidget *dialog = window.findChild<QWidget *>(u"connectDialog"_qs);
        QVERIFY(dialog);
        find<QLineEdit>(*dialog, u"agentUrl"_qs)->setText(agentUrl().toString());
        find<QLineEdit>(*dialog, u"email"_qs)->setText(Email);
        find<QLineEdit>(*dialog, u"password"_qs)->setText(password);
        find<QPushButton>(*dialog, u"connectButton"_qs)->click();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_agent.start());
        QVERIFY(m_agent.addUser(Email, Password));
        m_settings = std::make_unique<AppSettings>(m_home.file(u"dashboard.ini"_qs));
        m_credentials = std::make_unique<CredentialStore>(
            std::make_unique<NoKeychain>(), std::make_unique<FileSecretBackend>(m_home.file(u"credentials.json"_qs)));
    }

    void wrongPasswordSaysSoAndAddsNoAgent()
    {
        auto window = openWindow();
        QVERIFY(find<QWidget>(*window, u"welcomePage"_qs)->isVisible());
        connectWith(*window, u"not the password"_qs);
        auto *dialog = window->findChild<QWidget *>(u"connectDialog"_qs);
        const QString expected = ErrorMessages::describe(ddd::core::Error::make(u"auth.invalid_credentials"_qs, {})).text();
        QTRY_COMPARE(find<MessageBar>(*dialog, u"messageBar"_qs)->text(), expected);
        QVERIFY(!window->currentAgentView());
        QVERIFY(m_settings->agents().isEmpty());
    }

    void logInKeepsTheTokenInAnOwnerOnlyFileAndWarns()
    {
        auto window = openWindow();
        connectWith(*window, Password);
        QTRY_VERIFY(window->currentAgentView());
        auto *account = find<QLabel>(*window, u"accountLabel"_qs);
        QTRY_VERIFY2(account->text().contains(Email), qPrintable(account->text()));
        QCOMPARE(m_settings->agents().size(), 1);
        auto *banner = find<MessageBar>(*window, u"credentialBanner"_qs);
        QTRY_VERIFY(banner->text().contains(m_home.file(u"credentials.json"_qs)));
        QTRY_VERIFY(QFile::exists(m_home.file(u"credentials.json"_qs)));
        QCOMPARE(QFile::permissions(m_home.file(u"credentials.json"_qs))
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QFile stored(m_home.file(u"credentials.json"_qs));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QVERIFY2(stored.readAll().contains("ddd_"), "the login became a scoped API token");
    }

    void createProjectAndChangeItsSettings()
    {
        auto window = openWindow();
        QTRY_VERIFY(find<QLabel>(*window, u"accountLabel"_qs)->text().contains(Email));
        QTRY_VERIFY(window->actions().newProject->isEnabled());
        window->actions().newProject->trigger();
        QWidget *dialog = window->findChild<QWidget *>(u"projectDialog"_qs);
        QVERIFY(dialog);
        find<QLineEdit>(*dialog, u"projectName"_qs)->setText(u"Docs"_qs);
        find<QPushButton>(*dialog, u"createProjectButton"_qs)->click();
        auto *table = find<QTableView>(*window, u"projectsTable"_qs);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), u"Docs"_qs);
        QTRY_VERIFY(window->actions().deployFolder->isEnabled());

        window->actions().showSettings->trigger();
        find<QLineEdit>(*window, u"settingsDomain"_qs)->setText(u"docs.example.com"_qs);
        find<QPushButton>(*window, u"settingsSave"_qs)->click();
        QTRY_COMPARE(table->model()->index(0, ProjectTableModel::Domain).data().toString(), u"docs.example.com"_qs);
    }

    void refusedSettingExplainsWhatToDo()
    {
        auto window = openWindow();
        auto *table = find<QTableView>(*window, u"projectsTable"_qs);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QTRY_VERIFY(find<QLineEdit>(*window, u"settingsName"_qs)->text() == u"Docs"_qs);
        find<QLineEdit>(*window, u"settingsDomain"_qs)->setText(u"not a domain"_qs);
        find<QPushButton>(*window, u"settingsSave"_qs)->click();
        const QString expected = ErrorMessages::describe(ddd::core::Error::make(u"project.invalid_domain"_qs, {})).text();
        auto *messages = window->currentAgentView()->findChild<MessageBar *>(u"messageBar"_qs);
        QTRY_COMPARE(messages->text(), expected);
    }

    void restartRestoresAgentsAndLayout()
    {
        {
            auto window = openWindow();
            QTRY_VERIFY(window->currentAgentView());
            window->resize(1000, 640);
            window->close();
        }
        auto window = openWindow();
        QCOMPARE(window->size(), QSize(1000, 640));
        QTRY_VERIFY(find<QLabel>(*window, u"accountLabel"_qs)->text().contains(Email));
        QTRY_COMPARE(find<QTableView>(*window, u"projectsTable"_qs)->model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
