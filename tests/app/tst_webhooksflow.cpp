// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The Webhooks tab against the real agent and a loopback receiver: adding a
// webhook shows its secret once (and the receiver can verify deliveries
// with it), the list shows receiver, events and state, Disable/Enable flips
// it, Send Test fills the delivery log, Redeliver sends a delivery again,
// Delete removes it, and a refused URL is explained in the dialog.
#include "app/agentview.h"
#include "app/dialogs/webhookdialog.h"
#include "app/pages/webhookspage.h"
#include "tests/agent/webhookreceiver.h"
#include "tests/app/dashboarddriver.h"
#include "tests/support/agentfixture.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageAuthenticationCode>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QMessageBox>
#include <QtTest>

using namespace ddd::app;
using ddd::test::DashboardDriver;
using ddd::test::HttpTestClient;
using ddd::test::WebhookReceiver;

namespace {
const QString Email = u"owner@example.com"_qs;
const QString Password = u"correct horse battery staple"_qs;
} // namespace

class TestWebhooksFlow final : public QObject
{
    Q_OBJECT

    WebhookReceiver m_receiver;
    ddd::test::AgentFixture m_agent;
    std::unique_ptr<DashboardDriver> m_dashboard;
    QString m_secret;

    WebhooksPage *page() { return m_dashboard->window().findChild<WebhooksPage *>(u"webhooksPage"_qs); }
    QPushButton *button(const QString &name) { return page()->findChild<QPushButton *>(name); }
    QString hookCell(int column) { return page()->hooksTable()->item(0, column)->text(); }

    WebhookDialog *addThrough(const QString &url)
    {
        page()->add();
        WebhookDialog *dialog = page()->addDialog();
        if (!dialog)
            return nullptr;
        dialog->findChild<QLineEdit *>(u"webhookUrl"_qs)->setText(url);
        dialog->findChild<QCheckBox *>(u"webhookEvent_build.finished"_qs)->setChecked(false);
        dialog->findChild<QPushButton *>(u"webhookAdd"_qs)->click();
        return dialog;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_receiver.listen());
        m_agent.config.webhooksAllowPrivateTargets = true;
        QVERIFY(m_agent.start());
        QVERIFY(m_agent.addUser(Email, Password));
        HttpTestClient http(m_agent.apiPort());
        http.setToken(m_agent.login(Email, Password));
        QCOMPARE(http.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Shop"_qs}}).status, 201);
        m_dashboard = std::make_unique<DashboardDriver>();
        m_dashboard->openWindow();
        QVERIFY(m_dashboard->connect(QUrl(u"http://127.0.0.1:%1"_qs.arg(m_agent.apiPort())), Email, Password));
        QTRY_VERIFY(m_dashboard->window().currentAgentView());
        QTRY_VERIFY(m_dashboard->window().currentAgentView()->currentProject());
        auto *tabs = m_dashboard->window().findChild<QTabWidget *>(u"projectTabs"_qs);
        tabs->setCurrentWidget(page());
        QTRY_VERIFY(page()->isEnabled());
    }

    void cleanupTestCase() { m_dashboard.reset(); }

    void aRefusedUrlIsExplainedInTheDialog()
    {
        WebhookDialog *dialog = addThrough(u"ftp://example.com/"_qs);
        QVERIFY(dialog);
        auto *problem = dialog->findChild<QLabel *>(u"webhookProblem"_qs);
        QTRY_VERIFY(!problem->text().isEmpty());
        QVERIFY(dialog->shownSecret().isEmpty());
        dialog->close();
        QCOMPARE(page()->hooksTable()->rowCount(), 0);
    }

    void addingShowsTheSecretOnce()
    {
        WebhookDialog *dialog = addThrough(m_receiver.url());
        QVERIFY(dialog);
        QTRY_VERIFY(!dialog->shownSecret().isEmpty());
        m_secret = dialog->shownSecret();
        QVERIFY(m_secret.startsWith(u"whsec_"_qs));
        dialog->findChild<QPushButton *>(u"webhookClose"_qs)->click();
        QTRY_COMPARE(page()->hooksTable()->rowCount(), 1);
        QCOMPARE(hookCell(WebhooksPage::Url), m_receiver.url());
        QVERIFY(!hookCell(WebhooksPage::Events).contains(u"build.finished"_qs));
        QVERIFY(hookCell(WebhooksPage::Events).contains(u"version.activated"_qs));
        QCOMPARE(hookCell(WebhooksPage::State), u"Active"_qs);
    }

    void sendTestFillsTheLogAndVerifies()
    {
        const qsizetype before = m_receiver.count();
        QTRY_VERIFY(button(u"webhookPing"_qs)->isEnabled());
        button(u"webhookPing"_qs)->click();
        QVERIFY(m_receiver.waitForCount(before + 1));
        const WebhookReceiver::Request request = m_receiver.requests().last();
        const QList<QByteArray> parts = request.headers.value("x-ddd-signature").split(',');
        QCOMPARE(parts.size(), 2);
        const QByteArray t = parts[0].mid(2);
        const QByteArray mac = QMessageAuthenticationCode::hash(t + '.' + request.body, m_secret.toUtf8(),
                                                                QCryptographicHash::Sha256).toHex();
        QCOMPARE(parts[1].mid(3), mac);
        QTableWidget *log = page()->deliveriesTable();
        QTRY_VERIFY_WITH_TIMEOUT((button(u"webhookRefresh"_qs)->click(), log->rowCount() == 1
                                  && log->item(0, WebhooksPage::Outcome)->text() == u"Delivered"_qs), 10000);
        QCOMPARE(log->item(0, WebhooksPage::Event)->text(), u"ping"_qs);
        QCOMPARE(log->item(0, WebhooksPage::HttpStatus)->text(), u"200"_qs);
        log->selectRow(0);
        QTRY_VERIFY(button(u"webhookRedeliver"_qs)->isEnabled());
        button(u"webhookRedeliver"_qs)->click();
        QVERIFY(m_receiver.waitForCount(before + 2));
        QTRY_COMPARE(log->rowCount(), 2);
    }

    void disableEnableAndDelete()
    {
        button(u"webhookToggle"_qs)->click();
        QTRY_COMPARE(hookCell(WebhooksPage::State), u"Disabled"_qs);
        QVERIFY(!button(u"webhookPing"_qs)->isEnabled());
        QCOMPARE(button(u"webhookToggle"_qs)->text(), u"&Enable"_qs);
        button(u"webhookToggle"_qs)->click();
        QTRY_COMPARE(hookCell(WebhooksPage::State), u"Active"_qs);
        // Deleting asks first; Cancel keeps the webhook.
        button(u"webhookDelete"_qs)->click();
        auto *box = page()->findChild<QMessageBox *>(u"confirmBox"_qs);
        QVERIFY(box);
        QVERIFY(box->text().contains(m_receiver.url()));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(200); // a delete, had one been sent, would have been answered by now
        QCOMPARE(page()->hooksTable()->rowCount(), 1);
        button(u"webhookDelete"_qs)->click();
        QTRY_VERIFY(page()->findChild<QPushButton *>(u"confirmButton"_qs));
        page()->findChild<QPushButton *>(u"confirmButton"_qs)->click();
        QTRY_COMPARE(page()->hooksTable()->rowCount(), 0);
        QCOMPARE(page()->deliveriesTable()->rowCount(), 0);
    }
};

QTEST_MAIN(TestWebhooksFlow)
#include "tst_webhooksflow.moc"
