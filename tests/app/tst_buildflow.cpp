// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The dashboard's build side against the real agent, in-process over real
// sockets (no stub): drop a plain source whose site sits one folder down,
// Build & Deploy it, watch the build succeed in the Builds tab with its
// version and its log, see the page served; then save build settings in the
// Settings page and read them back from the agent's API, and see a refused
// setting explained next to its field.
#include "app/agentview.h"
#include "app/dashboardactions.h"
#include "app/dialogs/deploydialog.h"
#include "app/models/buildtablemodel.h"
#include "core/client/remoteproject.h"
#include "tests/app/dashboarddriver.h"
#include "tests/support/agentfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace ddd::app;
using ddd::test::DashboardDriver;

namespace {

const QString Email = u"builder@example.com"_qs;
const QString Password = u"correct horse battery staple"_qs;
// Generous: a loaded CI machine runs the pre-flight and the build slowly; no timing is asserted.
constexpr int BuildWait = 30000;

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QString cell(QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

} // namespace

class TestBuildFlow final : public QObject
{
    Q_OBJECT

    ddd::test::AgentFixture m_agent;
    std::unique_ptr<DashboardDriver> m_dashboard;
    ddd::test::TempDataRoot m_sources;

    template<typename T>
    T *find(const QString &name) const
    {
        T *child = m_dashboard->window().findChild<T *>(name);
        if (!child)
            qWarning() << "no child" << name;
        return child;
    }

    const ddd::core::client::RemoteProject *project() const
    {
        return m_dashboard->window().currentAgentView()->currentProject();
    }

    // The agent's own API, as the dashboard's user.
    ddd::test::HttpTestClient api()
    {
        ddd::test::HttpTestClient client(m_agent.apiPort());
        client.setToken(m_agent.login(Email, Password));
        return client;
    }

    QJsonObject storedBuildSettings()
    {
        const auto reply = api().get(QStringLiteral("/api/v1/projects/%1").arg(project()->id));
        return reply.json()[u"settings"_qs][u"build"_qs].toObject();
    }

    void saveSettings()
    {
        auto *save = find<QPushButton>(u"settingsSave"_qs);
        QVERIFY(save->isEnabled());
        save->click();
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
        QVERIFY(m_dashboard->createProject(u"Built site"_qs));
        QTRY_VERIFY(project());
    }

    void plainSourceBuildsIntoALiveVersionWithItsLog()
    {
        // index.html one folder down: deployed as is the site would live under /public/.
        writeFile(m_sources.file(u"src/public/index.html"_qs), "<h1>built by the agent</h1>");
        writeFile(m_sources.file(u"src/public/style.css"_qs), "h1{color:teal}");
        QVERIFY(m_dashboard->dropOnWindow(m_sources.file(u"src"_qs)));
        auto *dialog = m_dashboard->window().findChild<DeployDialog *>();
        QVERIFY(dialog);
        auto *buildDeploy = dialog->findChild<QPushButton *>(u"buildDeployButton"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(buildDeploy->isVisible(), BuildWait); // after the pre-flight on a worker
        QVERIFY(!dialog->findChild<QPushButton *>(u"goLiveButton"_qs)->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(u"buildDetection"_qs)->text().contains(u"public"_qs));
        buildDeploy->click();

        auto *tabs = find<QTabWidget>(u"projectTabs"_qs);
        QTRY_COMPARE(tabs->currentIndex(), int(AgentView::BuildsTab)); // the dialog hands over to the Builds tab
        auto *table = find<QTableView>(u"buildsTable"_qs);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, 0, BuildTableModel::Status), u"Succeeded"_qs, BuildWait);
        QCOMPARE(cell(table, 0, BuildTableModel::Generator), u"Plain site"_qs);
        QCOMPARE(cell(table, 0, BuildTableModel::Trigger), u"Upload"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, 0, BuildTableModel::Version), u"v1"_qs, BuildWait);

        const QByteArray host = project()->stagingHost.toLatin1();
        QCOMPARE(ddd::test::HttpTestClient(m_agent.sitePort()).get(u"/"_qs, host).body,
                 QByteArray("<h1>built by the agent</h1>"));
    }

    void logViewShowsEveryLineTheAgentLogged()
    {
        const auto builds = api().get(QStringLiteral("/api/v1/projects/%1/builds").arg(project()->id)).items();
        QCOMPARE(builds.size(), 1);
        const qint64 buildId = builds.first()[u"id"_qs].toInteger();
        const QString log = QString::fromUtf8(api().get(QStringLiteral("/api/v1/builds/%1/log").arg(buildId)).body);
        const QStringList lines = log.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(!lines.isEmpty(), "the agent logged nothing for the build");

        find<QTableView>(u"buildsTable"_qs)->selectRow(0);
        auto *text = find<QPlainTextEdit>(u"buildLogText"_qs);
        QTRY_VERIFY(text->toPlainText().contains(lines.last()));
        for (const QString &line : lines)
            QVERIFY2(text->toPlainText().contains(line), qPrintable(line));
        QVERIFY(find<QLabel>(u"buildLogTitle"_qs)->text().contains(u"Succeeded"_qs));
    }

    void buildSettingsAreSavedAndReadBackFromTheAgent()
    {
        m_dashboard->window().actions().showSettings->trigger();
        auto *generator = find<QComboBox>(u"settingsBuildGenerator"_qs);
        QVERIFY(generator->isVisibleTo(&m_dashboard->window())); // this agent has build settings
        generator->setCurrentIndex(generator->findData(u"npm"_qs));
        find<QLineEdit>(u"settingsBuildNpmScript"_qs)->setText(u"export"_qs);
        find<QLineEdit>(u"settingsBuildOutputDir"_qs)->setText(u"out"_qs);
        find<QCheckBox>(u"settingsBuildPublish"_qs)->setChecked(true);
        find<QCheckBox>(u"settingsOptOutMinify"_qs)->setChecked(true);
        saveSettings();
        QTRY_COMPARE(storedBuildSettings()[u"npmScript"_qs].toString(), u"export"_qs);
        const QJsonObject stored = storedBuildSettings();
        QCOMPARE(stored[u"generator"_qs].toString(), u"npm"_qs);
        QCOMPARE(stored[u"outputDir"_qs].toString(), u"out"_qs);
        QVERIFY(stored[u"publishAutomatically"_qs].toBool());
        QTRY_VERIFY(project()->settings.optOutMinify); // the dashboard reloaded what it saved
        QTRY_VERIFY(!find<QPushButton>(u"settingsSave"_qs)->isEnabled());
    }

    void refusedScriptIsExplainedNextToItsField()
    {
        auto *script = find<QLineEdit>(u"settingsBuildNpmScript"_qs);
        script->setText(u"deploy"_qs); // not on the agent's builds.npm_scripts
        saveSettings();
        auto *refusal = find<QLabel>(u"settingsRefusal.npmScript"_qs);
        QTRY_VERIFY(refusal->isVisible());
        QVERIFY2(refusal->text().contains(u"builds.npm_scripts"_qs), qPrintable(refusal->text()));
        QCOMPARE(script->text(), u"deploy"_qs); // the edit stays for the user to correct
        QCOMPARE(storedBuildSettings()[u"npmScript"_qs].toString(), u"export"_qs);

        script->selectAll();
        QTest::keyClicks(script, u"build"_qs); // typing over it clears the refusal
        QVERIFY(!refusal->isVisible());
        saveSettings();
        QTRY_COMPARE(storedBuildSettings()[u"npmScript"_qs].toString(), u"build"_qs);
    }
};

QTEST_MAIN(TestBuildFlow)
#include "tst_buildflow.moc"
