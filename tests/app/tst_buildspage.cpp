// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The Builds tab in the real window against a stub agent: the list, the
// live log (streamed lines, the end, search, pause while scrolled up),
// cancel, rebuild, go live, and Build & Deploy from a dropped source folder.
#include "app/agentview.h"
#include "app/dashboardactions.h"
#include "app/models/buildtablemodel.h"
#include "app/widgets/buildlogview.h"
#include "app/widgets/preflightlist.h"
#include "tests/app/dashboarddriver.h"
#include "tests/app/screenshotagent.h"
#include "tests/support/tempdataroot.h"

#include <QAction>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDialog>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace ddd::app;
using ddd::test::ScreenshotAgent;

namespace {

QString cell(QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

bool requested(ScreenshotAgent &agent, const QByteArray &method, const QString &path)
{
    for (const auto &request : agent.server().requests())
        if (request.method == method && request.path == path)
            return true;
    return false;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestBuildsPage final : public QObject
{
    Q_OBJECT

    std::unique_ptr<ddd::test::DashboardDriver> m_dashboard;
    std::unique_ptr<ScreenshotAgent> m_agent;

    template<typename T>
    T *find(const QString &name) const
    {
        T *child = m_dashboard->window().findChild<T *>(name);
        if (!child)
            qWarning() << "no child" << name;
        return child;
    }

    // Signs in, opens the Builds tab of the first project (Marketing site).
    QTableView *openBuilds()
    {
        MainWindow &window = m_dashboard->openWindow();
        if (!m_dashboard->connect(m_agent->url(), ScreenshotAgent::email(), u"a long passphrase"_qs))
            return nullptr;
        if (!QTest::qWaitFor([&window] { return window.currentAgentView(); }))
            return nullptr;
        window.actions().showBuilds->trigger();
        auto *table = find<QTableView>(u"buildsTable"_qs);
        return QTest::qWaitFor([table] { return table->model()->rowCount() == 4; }) ? table : nullptr;
    }

    BuildLogView *log() const { return find<BuildLogView>(u"buildLogView"_qs); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_agent = std::make_unique<ScreenshotAgent>();
        QVERIFY(m_agent->listen());
        m_dashboard = std::make_unique<ddd::test::DashboardDriver>();
    }

    void cleanup()
    {
        m_dashboard.reset();
        m_agent.reset();
    }

    void listShowsStatusGeneratorTriggerDurationAndVersion()
    {
        QTableView *table = openBuilds();
        QVERIFY(table);
        QCOMPARE(cell(table, 0, BuildTableModel::Status), u"Running"_qs);
        QCOMPARE(cell(table, 0, BuildTableModel::Generator), u"Hugo"_qs);
        QCOMPARE(cell(table, 0, BuildTableModel::Duration), QString());
        QCOMPARE(cell(table, 1, BuildTableModel::Status), u"Succeeded"_qs);
        QCOMPARE(cell(table, 1, BuildTableModel::Trigger), u"Build hook"_qs);
        QCOMPARE(cell(table, 1, BuildTableModel::Duration), u"39 second(s)"_qs);
        QTRY_COMPARE(cell(table, 1, BuildTableModel::Version), u"v3"_qs); // version 42 is v3
        QCOMPARE(cell(table, 2, BuildTableModel::Status), u"Failed"_qs);
        QVERIFY(table->model()->index(2, 0).data(Qt::ToolTipRole).toString().contains(u"build.failed"_qs));
        QCOMPARE(cell(table, 3, BuildTableModel::Generator), u"Jekyll"_qs);
    }

    void logFollowsTheStreamUntilTheEnd()
    {
        QTableView *table = openBuilds();
        QVERIFY(table);
        const QString stream = ScreenshotAgent::logStreamPath(ScreenshotAgent::RunningBuildId);
        // The newest build is selected and its log opened.
        QTRY_VERIFY(log()->text().contains(u"Pages            |  48"_qs));
        QVERIFY(find<QAction>(u"actionCancelBuild"_qs)->isEnabled());
        QVERIFY(!find<QAction>(u"actionBuildGoLive"_qs)->isEnabled());
        QCOMPARE(m_agent->server().push(stream, ScreenshotAgent::lineEvents({u"Total in 1840 ms"_qs})), 1);
        QTRY_VERIFY(log()->text().endsWith(u"Total in 1840 ms"_qs));
        m_agent->server().push(stream, ScreenshotAgent::endEvent(ScreenshotAgent::RunningBuildId, u"succeeded"_qs, 42));
        QTRY_COMPARE(cell(table, 0, BuildTableModel::Status), u"Succeeded"_qs);
        QTRY_COMPARE(cell(table, 0, BuildTableModel::Version), u"v3"_qs);
        QVERIFY(find<QAction>(u"actionBuildGoLive"_qs)->isEnabled());
        QVERIFY(!find<QAction>(u"actionCancelBuild"_qs)->isEnabled());
        QVERIFY(find<QLabel>(u"buildLogTitle"_qs)->text().contains(u"Succeeded"_qs));
        m_agent->server().closeStreams(stream);
    }

    void fastOutputArrivesInBatchesAndKeepsTheNewestLines()
    {
        QVERIFY(openBuilds());
        QTRY_VERIFY(log()->text().contains(u"Start building sites"_qs));
        QStringList burst;
        for (int i = 0; i < BuildLogView::MaxLines + 500; ++i)
            burst.append(QStringLiteral("line %1").arg(i));
        m_agent->server().push(ScreenshotAgent::logStreamPath(ScreenshotAgent::RunningBuildId),
                               ScreenshotAgent::lineEvents(burst));
        QTRY_VERIFY(log()->text().endsWith(burst.last()));
        QCOMPARE(log()->editor()->blockCount(), BuildLogView::MaxLines);
        QVERIFY(!log()->text().contains(u"Start building sites"_qs)); // scrolled out of the cap
    }

    void cancelPostsAndShowsTheCancelledBuild()
    {
        QTableView *table = openBuilds();
        QVERIFY(table);
        QTRY_VERIFY(find<QAction>(u"actionCancelBuild"_qs)->isEnabled());
        find<QAction>(u"actionCancelBuild"_qs)->trigger();
        QTRY_COMPARE(cell(table, 0, BuildTableModel::Status), u"Cancelled"_qs);
        QVERIFY(requested(*m_agent, "POST", u"/api/v1/builds/31/cancel"_qs));
        QVERIFY(!find<QAction>(u"actionCancelBuild"_qs)->isEnabled());
    }

    void rebuildPostsTheSourceAndFollowsTheNewBuild()
    {
        QTableView *table = openBuilds();
        QVERIFY(table);
        table->selectRow(1);
        QTRY_VERIFY(log()->text().contains(u"minify: 94 files"_qs)); // the finished build's whole log
        find<QAction>(u"actionRebuild"_qs)->trigger();
        QTRY_COMPARE(table->model()->rowCount(), 5);
        const auto &requests = m_agent->server().requests();
        const auto post = std::find_if(requests.cbegin(), requests.cend(),
                                       [](const auto &r) { return r.method == "POST" && r.path == u"/api/v1/projects/7/builds"_qs; });
        QVERIFY(post != requests.cend());
        QCOMPARE(QJsonDocument::fromJson(post->body).object()[u"sourceId"_qs].toInt(), 103);
        QCOMPARE(cell(table, 0, BuildTableModel::Number), u"#5"_qs);
        QTRY_COMPARE(table->currentIndex().row(), 0);
        QTRY_VERIFY(requested(*m_agent, "GET", ScreenshotAgent::logStreamPath(ScreenshotAgent::NewBuildId)));
    }

    void buildFromGitIsOfferedWithARepositoryAndPostsFromGit()
    {
        QTableView *table = openBuilds();
        QVERIFY(table);
        auto *fromGit = find<QAction>(u"actionBuildFromGit"_qs);
        QVERIFY(fromGit->isVisible()); // the marketing site has a Git repository
        QVERIFY(fromGit->toolTip().contains(u"https://git.example.com/shop/marketing-site.git"_qs));
        fromGit->trigger();
        QTRY_COMPARE(table->model()->rowCount(), 5);
        const auto &requests = m_agent->server().requests();
        const auto post = std::find_if(requests.cbegin(), requests.cend(),
                                       [](const auto &r) { return r.method == "POST" && r.path == u"/api/v1/projects/7/builds"_qs; });
        QVERIFY(post != requests.cend());
        QCOMPARE(QJsonDocument::fromJson(post->body).object(), (QJsonObject{{u"from"_qs, u"git"_qs}}));
        QTRY_COMPARE(table->currentIndex().row(), 0); // the new build is followed

        auto *projects = find<QTableView>(u"projectsTable"_qs);
        for (int row = 0; row < projects->model()->rowCount(); ++row)
            if (projects->model()->index(row, 0).data().toString() == u"Documentation"_qs)
                projects->selectRow(row);
        QTRY_VERIFY(!fromGit->isVisible()); // a project without a repository has nothing to clone
    }

    void goLiveActivatesTheBuiltVersion()
    {
        QTableView *table = openBuilds();
        QVERIFY(table);
        table->selectRow(1);
        QTRY_VERIFY(find<QAction>(u"actionBuildGoLive"_qs)->isEnabled());
        find<QAction>(u"actionBuildGoLive"_qs)->trigger();
        QTRY_VERIFY(requested(*m_agent, "POST", u"/api/v1/deploys/42/activate"_qs));
        auto *messages = m_dashboard->window().currentAgentView()->findChild<QWidget *>(u"messageBar"_qs);
        QTRY_VERIFY(messages->isVisible());
    }

    void searchFindsForwardsBackwardsAndSaysWhenNot()
    {
        QVERIFY(openBuilds());
        BuildLogView *view = log();
        QTRY_VERIFY(view->text().contains(u"WARN"_qs));
        QVERIFY(view->find(u"Pages"_qs));
        QCOMPARE(view->editor()->textCursor().selectedText(), u"Pages"_qs);
        const int first = view->editor()->textCursor().blockNumber();
        QVERIFY(view->find(u"pages"_qs)); // "Paginator pages", case-insensitive by default
        QVERIFY(view->editor()->textCursor().blockNumber() > first);
        QVERIFY(view->find(u"Pages"_qs, true));
        QCOMPARE(view->editor()->textCursor().blockNumber(), first);
        QVERIFY(!view->find(u"no such words"_qs));
        QCOMPARE(find<QLabel>(u"logSearchStatus"_qs)->text(), u"Not found"_qs);
        QVERIFY(!view->isFollowing()); // a found match stays in view
    }

    void scrollingUpPausesFollowingAndTheEndResumesIt()
    {
        QVERIFY(openBuilds());
        BuildLogView *view = log();
        const QString stream = ScreenshotAgent::logStreamPath(ScreenshotAgent::RunningBuildId);
        QTRY_VERIFY(view->text().contains(u"Pages            |  48"_qs)); // the stream is open
        QStringList many;
        for (int i = 0; i < 300; ++i)
            many.append(QStringLiteral("step %1").arg(i));
        m_agent->server().push(stream, ScreenshotAgent::lineEvents(many));
        QTRY_VERIFY(view->text().endsWith(u"step 299"_qs));
        QScrollBar *bar = view->editor()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(view->isFollowing());
        bar->setValue(10); // the user scrolls up to read
        QVERIFY(!view->isFollowing());
        m_agent->server().push(stream, ScreenshotAgent::lineEvents({u"more output"_qs}));
        QTRY_VERIFY(view->text().endsWith(u"more output"_qs));
        QCOMPARE(bar->value(), 10);
        bar->setValue(bar->maximum()); // back at the end: follow again
        QVERIFY(view->isFollowing());
        m_agent->server().push(stream, ScreenshotAgent::lineEvents({u"last line"_qs}));
        QTRY_VERIFY(view->text().endsWith(u"last line"_qs));
        QCOMPARE(bar->value(), bar->maximum());
    }

    void copyTakesTheSelectionOrTheWholeLog()
    {
        QVERIFY(openBuilds());
        BuildLogView *view = log();
        QTRY_VERIFY(view->text().contains(u"WARN"_qs));
        find<QToolButton>(u"logCopy"_qs)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), view->text());
        QVERIFY(view->find(u"Start building"_qs));
        find<QToolButton>(u"logCopy"_qs)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"Start building"_qs);
    }

    void buildHooksAreCreatedShownOnceAndRevoked()
    {
        QVERIFY(openBuilds());
        m_dashboard->window().actions().showSettings->trigger();
        auto *list = find<QListWidget>(u"buildHooksList"_qs);
        QTRY_COMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().startsWith(u"Netlify CMS"_qs));
        find<QLineEdit>(u"buildHookName"_qs)->setText(u"CI"_qs);
        find<QPushButton>(u"buildHookCreate"_qs)->click();
        auto *url = find<QLineEdit>(u"buildHookUrl"_qs);
        QTRY_COMPARE(url->text(), u"https://deploy.example.com/api/v1/hooks/bh_4f9c2a7d1e8b6035"_qs);
        QVERIFY(url->isVisible());
        find<QPushButton>(u"buildHookCopy"_qs)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), url->text());
        QTRY_COMPARE(list->count(), 1);
        list->setCurrentRow(0);
        find<QPushButton>(u"buildHookRevoke"_qs)->click();
        QTRY_VERIFY(requested(*m_agent, "DELETE", u"/api/v1/build-hooks/5"_qs));
        QTRY_VERIFY(!url->isVisible()); // the secret address is not left on screen
    }

    void droppedSourceShowsItsDetectionAndBuildsAndDeploys()
    {
        QVERIFY(openBuilds());
        m_dashboard->window().actions().showVersions->trigger();
        ddd::test::TempDataRoot sources;
        const QString site = sources.file(u"hugo-site"_qs);
        const QByteArray config = "baseURL = 'https://www.example.com/'\ntitle = 'Spring'\n";
        const QByteArray page = "---\ntitle: Spring sale\n---\nEverything must go.\n";
        writeFile(site + u"/hugo.toml"_qs, config);
        writeFile(site + u"/content/_index.md"_qs, page);
        const auto sha = [](const QByteArray &bytes) {
            return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        };
        m_agent->acceptSourceUpload({sha(config), sha(page)});
        QVERIFY(m_dashboard->dropOnWindow(site));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_dashboard->window().findChild<QDialog *>(u"deployDialog"_qs)));
        auto *detection = dialog->findChild<QLabel *>(u"buildDetection"_qs);
        QTRY_VERIFY(detection->isVisible());
        QVERIFY2(detection->text().contains(u"Hugo"_qs), qPrintable(detection->text()));
        QVERIFY(detection->text().contains(u"public"_qs));
        auto *findings = dialog->findChild<PreflightList *>();
        for (int row = 0; row < findings->count(); ++row) // index.html comes from the build
            QVERIFY2(!findings->item(row)->text().contains(u"index.html"_qs), qPrintable(findings->item(row)->text()));
        QVERIFY(dialog->findChild<QPushButton *>(u"deployAsIsButton"_qs)->isVisible());
        QVERIFY(!dialog->findChild<QPushButton *>(u"goLiveButton"_qs)->isVisible());
        dialog->findChild<QPushButton *>(u"buildDeployButton"_qs)->click();
        auto *tabs = m_dashboard->window().findChild<QTabWidget *>(u"projectTabs"_qs);
        QTRY_COMPARE(tabs->currentIndex(), int(AgentView::BuildsTab));
        auto *table = find<QTableView>(u"buildsTable"_qs);
        QTRY_COMPARE(cell(table, table->currentIndex().row(), BuildTableModel::Number), u"#5"_qs);
        QTRY_VERIFY(requested(*m_agent, "GET", ScreenshotAgent::logStreamPath(ScreenshotAgent::NewBuildId)));
        QTRY_VERIFY(log()->text().startsWith(u"$ hugo --minify -d /out"_qs));
        QVERIFY(!log()->text().contains(u"Pages            |  48"_qs)); // not the previous build's log
        const auto &requests = m_agent->server().requests();
        const auto plan = std::find_if(requests.cbegin(), requests.cend(),
                                       [](const auto &r) { return r.path == u"/api/v1/projects/7/uploads"_qs; });
        QCOMPARE(QJsonDocument::fromJson(plan->body).object()[u"kind"_qs].toString(), u"source"_qs);
        const auto finalize = std::find_if(requests.cbegin(), requests.cend(),
                                           [](const auto &r) { return r.path == u"/api/v1/uploads/s-77/finalize"_qs; });
        QCOMPARE(QJsonDocument::fromJson(finalize->body).object()[u"build"_qs].toBool(), true);
    }
};

QTEST_MAIN(TestBuildsPage)
#include "tst_buildspage.moc"
