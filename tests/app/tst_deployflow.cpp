// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The whole dashboard against the whole agent, in-process: log in, create a
// project, drop a folder onto the window, read the diff, go live, see the
// page over the site listener; drop a second version, then roll back and see
// the served page change back.
#include "app/agentview.h"
#include "app/dashboardactions.h"
#include "app/dialogs/deploydialog.h"
#include "app/models/versiontablemodel.h"
#include "app/widgets/difftree.h"
#include "core/client/remoteproject.h"
#include "tests/app/dashboarddriver.h"
#include "tests/support/agentfixture.h"
#include "tests/support/zipbuilder.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QCryptographicHash>
#include <QTableView>
#include <QtTest>

using namespace ddd::app;
using ddd::test::DashboardDriver;

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

QStringList childTexts(const QTreeWidgetItem *group)
{
    QStringList texts;
    for (int i = 0; i < group->childCount(); ++i)
        texts.append(group->child(i)->text(0));
    return texts;
}

} // namespace

class TestDeployFlow final : public QObject
{
    Q_OBJECT

    ddd::test::AgentFixture m_agent;
    std::unique_ptr<DashboardDriver> m_dashboard;
    ddd::test::TempDataRoot m_sites;

    QByteArray servedPage(const QString &path = u"/"_qs)
    {
        const QByteArray host = m_dashboard->window().currentAgentView()->currentProject()->stagingHost.toLatin1();
        return ddd::test::HttpTestClient(m_agent.sitePort()).get(path, host).body;
    }

    QTableView *versionsTable() { return m_dashboard->window().findChild<QTableView *>(u"versionsTable"_qs); }

    // Drops `folder`, checks the diff the dialog shows, then presses Go Live.
    void deploy(const QString &folder, const QStringList &added, const QStringList &changed)
    {
        QVERIFY(m_dashboard->dropOnWindow(folder));
        auto *dialog = m_dashboard->window().findChild<DeployDialog *>();
        QVERIFY(dialog);
        auto *goLive = dialog->findChild<QPushButton *>(u"goLiveButton"_qs);
        QTRY_VERIFY(goLive->isVisible());
        QVERIFY(goLive->isEnabled());
        auto *diff = dialog->findChild<DiffTree *>();
        QCOMPARE(childTexts(diff->topLevelItem(0)), added);
        QCOMPARE(childTexts(diff->topLevelItem(1)), changed);
        goLive->click();
        auto *result = dialog->findChild<QLabel *>(u"deployResult"_qs);
        QTRY_VERIFY(result->isVisible());
        QVERIFY2(result->text().contains(u"is live"_qs), qPrintable(result->text()));
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
        QTRY_VERIFY(m_dashboard->window().currentAgentView());
        QTRY_VERIFY(m_dashboard->window().findChild<QLabel *>(u"accountLabel"_qs)->text().contains(Email));
        QVERIFY(m_dashboard->createProject(u"Launch site"_qs));
    }

    void firstDropGoesLive()
    {
        writeFile(m_sites.file(u"v1/index.html"_qs), "<h1>one</h1>");
        writeFile(m_sites.file(u"v1/style.css"_qs), "h1{color:teal}");
        deploy(m_sites.file(u"v1"_qs), {u"index.html"_qs, u"style.css"_qs}, {});
        QCOMPARE(servedPage(), QByteArray("<h1>one</h1>"));
        QTRY_COMPARE(versionsTable()->model()->rowCount(), 1);
        QCOMPARE(versionsTable()->model()->index(0, VersionTableModel::Status).data().toString(), u"Live"_qs);
    }

    void secondDropShowsOnlyWhatChanged()
    {
        writeFile(m_sites.file(u"v2/index.html"_qs), "<h1>two</h1>");
        writeFile(m_sites.file(u"v2/style.css"_qs), "h1{color:teal}");
        writeFile(m_sites.file(u"v2/about.html"_qs), "<p>about</p>");
        deploy(m_sites.file(u"v2"_qs), {u"about.html"_qs}, {u"index.html"_qs});
        QCOMPARE(servedPage(), QByteArray("<h1>two</h1>"));
        QCOMPARE(servedPage(u"/about.html"_qs), QByteArray("<p>about</p>"));
        QTRY_COMPARE(versionsTable()->model()->rowCount(), 2);
    }

    void rollBackServesThePreviousVersion()
    {
        MainWindow &window = m_dashboard->window();
        QTRY_VERIFY(window.actions().rollBack->isEnabled());
        window.actions().rollBack->trigger();
        QTRY_COMPARE(servedPage(), QByteArray("<h1>one</h1>"));
        auto *model = versionsTable()->model();
        QTRY_COMPARE(model->index(1, VersionTableModel::Status).data().toString(), u"Live"_qs);
        QCOMPARE(model->index(0, VersionTableModel::Status).data().toString(), u"Retired"_qs);
    }

    void goLiveFromTheHistoryAndDeleteTheOther()
    {
        MainWindow &window = m_dashboard->window();
        versionsTable()->selectRow(0); // v2, retired by the rollback
        QTRY_VERIFY(window.actions().goLive->isEnabled());
        window.actions().goLive->trigger();
        QTRY_COMPARE(servedPage(), QByteArray("<h1>two</h1>"));

        QTRY_COMPARE(versionsTable()->model()->index(1, VersionTableModel::Status).data().toString(), u"Retired"_qs);
        versionsTable()->selectRow(1); // v1
        QTRY_VERIFY(window.actions().deleteVersion->isEnabled());
        window.actions().deleteVersion->trigger();
        auto *confirm = window.findChild<QPushButton *>(u"confirmButton"_qs);
        QVERIFY(confirm);
        confirm->click();
        QTRY_COMPARE(versionsTable()->model()->rowCount(), 1);
        QCOMPARE(servedPage(), QByteArray("<h1>two</h1>"));
    }

    void droppedArchiveTravelsWholeAndGoesLive()
    {
        writeFile(m_sites.file(u"site.zip"_qs),
                  ddd::test::ZipBuilder().file("index.html", "<h1>three</h1>").file("about.html", "<p>about</p>").build());
        deploy(m_sites.file(u"site.zip"_qs), {}, {u"index.html"_qs});
        QCOMPARE(servedPage(), QByteArray("<h1>three</h1>"));
        QTRY_COMPARE(versionsTable()->model()->rowCount(), 2);
        QCOMPARE(versionsTable()->model()->index(0, VersionTableModel::Source).data().toString(), u"Archive"_qs);
    }

    // An archive goes by an upload session: one left open by an earlier,
    // interrupted drop of the same archive is found by its hash and finished.
    void droppedArchiveResumesItsInterruptedSession()
    {
        const QByteArray archive =
            ddd::test::ZipBuilder().file("index.html", "<h1>four</h1>").file("about.html", "<p>about</p>").build();
        writeFile(m_sites.file(u"again.zip"_qs), archive);
        ddd::test::HttpTestClient http(m_agent.apiPort());
        http.setToken(m_agent.login(Email, Password));
        const qint64 project = m_dashboard->window().currentAgentView()->currentProject()->id;
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(archive, QCryptographicHash::Sha256).toHex());
        const auto created = http.post(u"/api/v1/projects/%1/archive-uploads"_qs.arg(project),
                                       {{u"size"_qs, archive.size()}, {u"sha256"_qs, sha}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_qs).toString();
        QCOMPARE(http.send("PATCH", u"/api/v1/archive-uploads/"_qs + id, archive.left(100), {{"Upload-Offset", "0"}}).status, 200);
        deploy(m_sites.file(u"again.zip"_qs), {}, {u"index.html"_qs});
        QCOMPARE(servedPage(), QByteArray("<h1>four</h1>"));
        QCOMPARE(http.get(u"/api/v1/archive-uploads/"_qs + id).errorCode(), u"upload.not_found"_qs);
    }
};

QTEST_MAIN(TestDeployFlow)
#include "tst_deployflow.moc"
