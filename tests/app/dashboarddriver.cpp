// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/app/dashboarddriver.h"

#include "app/dashboardactions.h"
#include "core/credentials/filesecretbackend.h"

#include <QAction>
#include <QApplication>
#include <QDropEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QTest>

namespace ddd::test {

namespace {

// A desktop without any keychain service (CI, a bare window manager).
class NoKeychain final : public core::credentials::SecretBackend
{
public:
    void read(const QString &, Done done) override { done({Outcome::Unavailable, {}, u"no secret service"_qs}); }
    void write(const QString &, const QString &, Done done) override
    {
        done({Outcome::Unavailable, {}, u"no secret service"_qs});
    }
    void remove(const QString &, Done done) override { done({Outcome::Unavailable, {}, u"no secret service"_qs}); }
};

} // namespace

DashboardDriver::DashboardDriver()
    : m_settings(std::make_unique<app::AppSettings>(m_home.file(u"dashboard.ini"_qs))),
      m_credentials(std::make_unique<core::credentials::CredentialStore>(std::make_unique<NoKeychain>(),
                                                           std::make_unique<core::credentials::FileSecretBackend>(credentialsFile())))
{
}

DashboardDriver::~DashboardDriver() = default;

app::MainWindow &DashboardDriver::openWindow()
{
    m_window.reset();
    m_window = std::make_unique<app::MainWindow>(*m_settings, *m_credentials);
    m_window->show();
    m_window->restoreAgents();
    return *m_window;
}

void DashboardDriver::closeWindow()
{
    if (m_window)
        m_window->close();
    m_window.reset();
}

QWidget *DashboardDriver::connect(const QUrl &agent, const QString &email, const QString &password)
{
    m_window->actions().connectAgent->trigger();
    QWidget *dialog = m_window->findChild<QWidget *>(u"connectDialog"_qs);
    if (!dialog)
        return nullptr;
    dialog->findChild<QLineEdit *>(u"agentUrl"_qs)->setText(agent.toString());
    dialog->findChild<QLineEdit *>(u"email"_qs)->setText(email);
    dialog->findChild<QLineEdit *>(u"password"_qs)->setText(password);
    dialog->findChild<QPushButton *>(u"connectButton"_qs)->click();
    return dialog;
}

bool DashboardDriver::createProject(const QString &name)
{
    if (!QTest::qWaitFor([this] { return m_window->actions().newProject->isEnabled(); }))
        return false;
    m_window->actions().newProject->trigger();
    QWidget *dialog = m_window->findChild<QWidget *>(u"projectDialog"_qs);
    if (!dialog)
        return false;
    dialog->findChild<QLineEdit *>(u"projectName"_qs)->setText(name);
    dialog->findChild<QPushButton *>(u"createProjectButton"_qs)->click();
    auto *table = m_window->findChild<QTableView *>(u"projectsTable"_qs);
    return QTest::qWaitFor([table, name] {
        for (int row = 0; row < table->model()->rowCount(); ++row)
            if (table->model()->index(row, 0).data().toString() == name)
                return true;
        return false;
    });
}

bool DashboardDriver::dropOnWindow(const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint where = m_window->rect().center();
    QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(where), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    return drop.isAccepted();
}

} // namespace ddd::test
