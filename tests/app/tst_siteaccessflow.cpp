// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Who may see a site, set from the dashboard against the real agent,
// in-process: the project view shows the addresses and the protection; a
// version uploaded only is seen at its preview address; the Settings page
// turns on a password for staging and previews only; a share link made in
// its dialog lets a visitor in, and Revoke All Share Links shuts it out
// again; aliases are saved, redirect, and their refusals read as words.
#include "app/agentconnection.h"
#include "app/agentview.h"
#include "app/dashboardactions.h"
#include "app/dialogs/deploydialog.h"
#include "app/dialogs/sharelinkdialog.h"
#include "app/errormessages.h"
#include "app/models/versiontablemodel.h"
#include "app/siteprotection.h"
#include "app/widgets/messagebar.h"
#include "core/client/apiclient.h"
#include "core/client/remoteproject.h"
#include "tests/app/dashboarddriver.h"
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QUrlQuery>
#include <QtTest>

using namespace ddd::app;
using ddd::test::DashboardDriver;
using ddd::test::RawResponse;

namespace {

const QString Email = u"owner@example.com"_qs;
const QString Password = u"correct horse battery staple"_qs;

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestSiteAccessFlow final : public QObject
{
    Q_OBJECT

    ddd::test::AgentFixture m_agent;
    std::unique_ptr<DashboardDriver> m_dashboard;
    ddd::test::TempDataRoot m_sites;

    MainWindow &window() { return m_dashboard->window(); }
    template<typename T>
    T *find(const QString &name) { return window().findChild<T *>(name); }
    QByteArray stagingHost() { return window().currentAgentView()->currentProject()->stagingHost.toLatin1(); }

    RawResponse visit(const QByteArray &target, const QByteArray &fields = {}, QByteArray host = {})
    {
        ddd::test::RawTcpClient client;
        host = host.isEmpty() ? stagingHost() : host;
        const QByteArray request = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + fields + "\r\n";
        if (!client.connectTo(m_agent.sitePort()) || !client.send(request))
            return {};
        return client.readResponse(10000).value_or(RawResponse());
    }

    void goLive(const QString &folder, const QString &button = u"goLiveButton"_qs)
    {
        QVERIFY(m_dashboard->dropOnWindow(folder));
        auto *dialog = window().findChild<DeployDialog *>();
        QVERIFY(dialog);
        auto *goLiveButton = dialog->findChild<QPushButton *>(button);
        QTRY_VERIFY(goLiveButton->isVisible() && goLiveButton->isEnabled());
        goLiveButton->click();
        QTRY_VERIFY(dialog->findChild<QLabel *>(u"deployResult"_qs)->isVisible());
        dialog->accept();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_agent.start());
        QVERIFY(m_agent.addUser(Email, Password));
        m_dashboard = std::make_unique<DashboardDriver>();
        m_dashboard->openWindow();
        QVERIFY(m_dashboard->connect(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_agent.apiPort())), Email, Password));
        QTRY_VERIFY(window().currentAgentView());
        QTRY_VERIFY(find<QLabel>(u"accountLabel"_qs)->text().contains(Email));
        QVERIFY(m_dashboard->createProject(u"Secret launch"_qs));
        writeFile(m_sites.file(u"v1/index.html"_qs), "<h1>soon</h1>");
        goLive(m_sites.file(u"v1"_qs));
        QCOMPARE(visit("/").body, QByteArray("<h1>soon</h1>"));
    }

    void projectViewShowsStagingAddressAndThatTheSiteIsPublic()
    {
        window().actions().showVersions->trigger();
        const QString staging = find<QLabel>(u"addressStaging"_qs)->text();
        QVERIFY2(staging.startsWith(u"http://"_qs + QString::fromLatin1(stagingHost())), qPrintable(staging));
        QVERIFY(!find<QPushButton>(u"addressOpenLive"_qs)->isVisible()); // no domain yet
        const auto *project = window().currentAgentView()->currentProject();
        QCOMPARE(find<QLabel>(u"addressProtection"_qs)->text(), SiteProtection::describe(*project));
        QCOMPARE(SiteProtection::of(*project), SiteProtection::State::Public);
    }

    void openingWithoutABrowserOffersTheAddress()
    {
        const QString staging = find<QLabel>(u"addressStaging"_qs)->text();
        find<QPushButton>(u"addressOpenStaging"_qs)->click(); // offscreen: no browser starts
        auto *messages = window().currentAgentView()->findChild<MessageBar *>(u"messageBar"_qs);
        QTRY_VERIFY2(messages->text().contains(staging), qPrintable(messages->text()));
        messages->findChild<QPushButton *>(u"messageAction"_qs)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), staging);
    }

    void versionUploadedOnlyIsPreviewedBeforeItGoesLive()
    {
        writeFile(m_sites.file(u"v2/index.html"_qs), "<h1>next</h1>");
        goLive(m_sites.file(u"v2"_qs), u"uploadOnlyButton"_qs);
        auto *table = find<QTableView>(u"versionsTable"_qs);
        QTRY_COMPARE(table->model()->rowCount(), 2);
        table->selectRow(0); // the new version, ready but not live
        QTRY_VERIFY(window().actions().openPreview->isEnabled());
        // The selected version's preview address is shown above the table, with its own Copy.
        const QUrl preview(find<QLabel>(u"addressPreview"_qs)->text());
        QVERIFY2(preview.host().startsWith(u"2--"_qs), qPrintable(preview.toString()));
        QVERIFY(find<QPushButton>(u"addressCopyPreview"_qs)->isVisible());
        QCOMPARE(visit("/", {}, preview.host().toLatin1()).body, QByteArray("<h1>next</h1>"));
        QCOMPARE(visit("/").body, QByteArray("<h1>soon</h1>")); // staging still serves the live one
        window().actions().copyPreviewUrl->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), preview.toString());
    }

    void passwordOnStagingOnlyIsSavedAndEnforced()
    {
        window().actions().showSettings->trigger();
        auto *box = find<QGroupBox>(u"settingsSitePassword"_qs);
        box->setChecked(true);
        const auto edits = box->findChildren<QLineEdit *>();
        edits.at(0)->setText(u"preview"_qs);
        edits.at(1)->setText(u"a long site password"_qs);
        box->findChildren<QPushButton *>().at(0)->click();
        find<QCheckBox>(u"settingsSiteScope"_qs)->setChecked(true);
        find<QPushButton>(u"settingsSave"_qs)->click();
        QTRY_COMPARE(SiteProtection::of(*window().currentAgentView()->currentProject()),
                     SiteProtection::State::StagingAndPreviews);
        QCOMPARE(find<QLabel>(u"addressProtection"_qs)->text(),
                 SiteProtection::describe(*window().currentAgentView()->currentProject()));
        QCOMPARE(visit("/").status, 401); // no domain: staging is the only address, and it asks
        const QByteArray basic = "Authorization: Basic " + QByteArray("preview:a long site password").toBase64() + "\r\n";
        QCOMPARE(visit("/", basic).body, QByteArray("<h1>soon</h1>"));
        find<QTableView>(u"versionsTable"_qs)->selectRow(0);
        const QUrl preview(find<QLabel>(u"addressPreview"_qs)->text());
        QCOMPARE(visit("/", {}, preview.host().toLatin1()).status, 401); // previews are protected like staging
    }

    void shareLinkLetsAVisitorInUntilRevoked()
    {
        auto *create = find<QPushButton>(u"settingsCreateShareLink"_qs);
        QTRY_VERIFY(create->isEnabled());
        create->click();
        auto *dialog = window().findChild<ShareLinkDialog *>();
        QVERIFY(dialog);
        dialog->findChild<QComboBox *>(u"shareLifetime"_qs)->setCurrentIndex(0); // 1 hour
        dialog->findChild<QPushButton *>(u"shareCreate"_qs)->click();
        auto *link = dialog->findChild<QLineEdit *>(u"shareUrl"_qs);
        QTRY_VERIFY(!link->text().isEmpty());
        QVERIFY(dialog->findChild<QLabel *>(u"shareExpiry"_qs)->text().contains(u"until"_qs));
        dialog->findChild<QPushButton *>(u"shareCopy"_qs)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), link->text());
        const QByteArray token = QUrlQuery(QUrl(link->text())).queryItemValue(u"ddd_share"_qs).toLatin1();
        QVERIFY(!token.isEmpty());
        dialog->close();

        const RawResponse arrival = visit("/?ddd_share=" + token);
        QCOMPARE(arrival.status, 303);
        QCOMPARE(visit("/", "Cookie: ddd_share=" + token + "\r\n").body, QByteArray("<h1>soon</h1>"));

        find<QPushButton>(u"settingsRevokeShareLinks"_qs)->click();
        auto *confirm = window().findChild<QPushButton *>(u"confirmButton"_qs);
        QVERIFY(confirm);
        confirm->click();
        auto *messages = window().currentAgentView()->findChild<MessageBar *>(u"messageBar"_qs);
        QTRY_VERIFY2(messages->text().contains(u"stopped working"_qs), qPrintable(messages->text()));
        QCOMPARE(visit("/", "Cookie: ddd_share=" + token + "\r\n").status, 401);
    }

    void aliasesAreSavedAndTheirRefusalsReadAsWords()
    {
        window().actions().showSettings->trigger();
        auto *aliases = find<QWidget>(u"aliasList"_qs);
        QTRY_VERIFY(aliases->isVisible()); // this agent lists aliases
        aliases->findChild<QLineEdit *>(u"aliasEntry"_qs)->setText(u"www.launch.test"_qs);
        aliases->findChild<QPushButton *>(u"aliasAdd"_qs)->click();
        find<QPushButton>(u"settingsSave"_qs)->click();
        auto *messages = window().currentAgentView()->findChild<MessageBar *>(u"messageBar"_qs);
        QTRY_VERIFY2(messages->text().contains(u"set the domain first"_qs), qPrintable(messages->text()));

        find<QLineEdit>(u"settingsDomain"_qs)->setText(u"launch.test"_qs);
        find<QPushButton>(u"settingsSave"_qs)->click();
        QTRY_VERIFY(find<QLabel>(u"addressAliases"_qs)->text().contains(u"www.launch.test"_qs));
        QVERIFY(find<QLabel>(u"addressLive"_qs)->text().startsWith(u"http://launch.test"_qs));
        const RawResponse redirect = visit("/page?x=1", {}, "www.launch.test");
        QCOMPARE(redirect.status, 301);
        QVERIFY2(redirect.header("Location").startsWith("http://launch.test"), redirect.header("Location").constData());
    }

    void lifetimeOutsideTheAgentsRangeReadsAsWords()
    {
        // The dialog offers only lifetimes the agent accepts; its refusal of
        // any other still reads as words, not as a code.
        ddd::core::client::ApiClient &api = window().currentAgentView()->connection().api();
        std::optional<ddd::core::Error> refused;
        api.createShareLink(window().currentAgentView()->currentProject()->id, std::chrono::seconds(5), this,
                            [&refused](ddd::core::Result<ddd::core::client::ShareLink> link) {
                                refused = link.ok() ? ddd::core::Error() : link.error();
                            });
        QTRY_VERIFY(refused);
        QCOMPARE(refused->code, u"site.invalid_share_lifetime"_qs);
        const QString text = ErrorMessages::describe(*refused).text();
        QVERIFY2(!text.contains(refused->code) && text.contains(u"30 days"_qs), qPrintable(text));
    }
};

QTEST_MAIN(TestSiteAccessFlow)
#include "tst_siteaccessflow.moc"
