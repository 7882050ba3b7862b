// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The Activity tab against the real agent: it lists the project's log with
// readable events, versions, actors and outcomes (a refused deploy names its
// code only in the tooltip), narrows it by event and version, loads older
// entries on request, follows what the dashboard itself does, and the
// version's entries are one action away from the versions table.
#include "app/agentview.h"
#include "app/dashboardactions.h"
#include "app/models/activitytablemodel.h"
#include "app/models/versiontablemodel.h"
#include "app/pages/activitypage.h"
#include "app/widgets/columnfitter.h"
#include "app/widgets/loadmorebutton.h"
#include "tests/app/dashboarddriver.h"
#include "tests/support/agentfixture.h"
#include "tests/support/zipbuilder.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace ddd::app;
using ddd::test::DashboardDriver;
using ddd::test::HttpTestClient;
using ddd::test::ZipBuilder;

namespace {

const QString Email = u"owner@example.com"_qs;
const QString Password = u"correct horse battery staple"_qs;

} // namespace

class TestActivityFlow final : public QObject
{
    Q_OBJECT

    ddd::test::AgentFixture m_agent;
    std::unique_ptr<DashboardDriver> m_dashboard;
    qint64 m_project = 0;
    qint64 m_firstVersion = 0;

    template<typename T>
    T *child(const QString &name)
    {
        return m_dashboard->window().findChild<T *>(name);
    }

    HttpTestClient api()
    {
        HttpTestClient http(m_agent.apiPort());
        http.setToken(m_agent.login(Email, Password));
        return http;
    }

    QTableView *table() { return child<QTableView>(u"activityTable"_qs); }

    QString cell(int row, int column) { return table()->model()->index(row, column).data().toString(); }

    void trigger(const QString &action)
    {
        QAction *found = child<QAction>(action);
        QVERIFY(found);
        QTRY_VERIFY(found->isEnabled());
        found->trigger();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_agent.start());
        QVERIFY(m_agent.addUser(Email, Password));
        HttpTestClient http = api();
        m_project = http.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Shop"_qs}}).json().value(u"id"_qs).toInteger();
        const auto deploy = [&](const QByteArray &archive) {
            return http.send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_project), archive,
                             {{"Content-Type", "application/zip"}});
        };
        m_firstVersion = deploy(ZipBuilder().file("index.html", "one").build()).json().value(u"id"_qs).toInteger();
        QVERIFY(m_firstVersion > 0);
        QCOMPARE(deploy(ZipBuilder().file("index.html", "two").build()).status, 201);
        QCOMPARE(deploy(ZipBuilder().file("index.html", "a").file("INDEX.html", "b").build()).status, 400);
        m_dashboard = std::make_unique<DashboardDriver>();
        m_dashboard->openWindow();
        QVERIFY(m_dashboard->connect(QUrl(u"http://127.0.0.1:%1"_qs.arg(m_agent.apiPort())), Email, Password));
        QTRY_VERIFY(m_dashboard->window().currentAgentView());
        QTRY_VERIFY(m_dashboard->window().currentAgentView()->currentProject());
    }

    void theTabListsTheLogNewestFirst()
    {
        trigger(u"actionShowActivity"_qs);
        QCOMPARE(child<QTabWidget>(u"projectTabs"_qs)->currentWidget(), child<ActivityPage>(u"activityPage"_qs));
        QTRY_COMPARE(table()->model()->rowCount(), 5);
        QCOMPARE(cell(0, ActivityTableModel::Event), u"Deploy refused"_qs);
        QCOMPARE(cell(0, ActivityTableModel::Outcome), u"Refused"_qs);
        QVERIFY(!cell(0, ActivityTableModel::Outcome).contains(u"archive."_qs));
        const QString tip = table()->model()->index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Code: archive.case_collision"_qs), qPrintable(tip));
        QVERIFY2(tip.contains(u"INDEX.html and index.html"_qs), qPrintable(tip)); // both files, by name
        QCOMPARE(cell(1, ActivityTableModel::Event), u"Went live"_qs);
        QCOMPARE(cell(1, ActivityTableModel::Version), u"v2"_qs);
        QVERIFY(cell(2, ActivityTableModel::Event).startsWith(u"Deployed: 1 file"_qs)); // "(s)": no English catalogue here
        QCOMPARE(cell(2, ActivityTableModel::Actor), Email);
        QCOMPARE(cell(2, ActivityTableModel::Outcome), u"Done"_qs);
    }

    void filtersByEventAndVersion()
    {
        auto *kind = child<QComboBox>(u"activityKindFilter"_qs);
        kind->setCurrentIndex(kind->findData(u"version.activated"_qs));
        emit kind->activated(kind->currentIndex());
        QTRY_COMPARE(table()->model()->rowCount(), 2);
        QCOMPARE(cell(1, ActivityTableModel::Version), u"v1"_qs);
        auto *version = child<QComboBox>(u"activityVersionFilter"_qs);
        QTRY_VERIFY(version->findData(qint64(1)) >= 0);
        version->setCurrentIndex(version->findData(qint64(1)));
        emit version->activated(version->currentIndex());
        QTRY_COMPARE(table()->model()->rowCount(), 1);
        kind->setCurrentIndex(0);
        version->setCurrentIndex(0);
        emit kind->activated(0);
        QTRY_COMPARE(table()->model()->rowCount(), 5);
    }

    void followsWhatTheDashboardDoes()
    {
        auto *versions = child<QTableView>(u"versionsTable"_qs);
        trigger(u"actionShowVersions"_qs);
        QTRY_COMPARE(versions->model()->rowCount(), 2);
        versions->selectRow(1); // v1
        trigger(u"actionTogglePin"_qs);
        trigger(u"actionShowActivity"_qs);
        QTRY_COMPARE(table()->model()->rowCount(), 6);
        QCOMPARE(cell(0, ActivityTableModel::Event), u"Pinned"_qs);
        QCOMPARE(cell(0, ActivityTableModel::Version), u"v1"_qs);
    }

    void aVersionsHistoryIsOneActionAway()
    {
        trigger(u"actionShowVersions"_qs);
        auto *versions = child<QTableView>(u"versionsTable"_qs);
        versions->selectRow(1); // v1
        QTRY_COMPARE(m_dashboard->window().currentAgentView()->currentVersion()->number, 1);
        trigger(u"actionVersionActivity"_qs);
        QCOMPARE(child<QTabWidget>(u"projectTabs"_qs)->currentWidget(), child<ActivityPage>(u"activityPage"_qs));
        QTRY_COMPARE(table()->model()->rowCount(), 3); // pinned, went live, deployed
        for (int row = 0; row < 3; ++row)
            QCOMPARE(cell(row, ActivityTableModel::Version), u"v1"_qs);
        QCOMPARE(child<QComboBox>(u"activityVersionFilter"_qs)->currentText(), u"v1"_qs);
    }

    // At the window's default size every column of the projects, versions
    // and activity tables is in view, none scrolled out or cut to nothing.
    void everyColumnIsInViewAtTheDefaultSize()
    {
        QCOMPARE(m_dashboard->window().size(), QSize(1180, 720));
        for (const QString &name : {u"projectsTable"_qs, u"versionsTable"_qs, u"activityTable"_qs}) {
            auto *view = child<QTableView>(name);
            if (name == u"activityTable")
                trigger(u"actionShowActivity"_qs);
            else if (name == u"versionsTable")
                trigger(u"actionShowVersions"_qs);
            QTRY_VERIFY(view->model()->rowCount() > 0);
            QApplication::processEvents();
            const QHeaderView *header = view->horizontalHeader();
            for (int column = 0; column < header->count(); ++column) {
                const int right = header->sectionViewportPosition(column) + header->sectionSize(column);
                QVERIFY2(right <= view->viewport()->width() + 1,
                         qPrintable(u"%1 column %2 ends at %3 of %4"_qs.arg(name).arg(column).arg(right).arg(view->viewport()->width())));
                // At least as wide as its heading, or for a long one the fitter's minimum (elided).
                const int heading = header->sectionSizeHint(column);
                QVERIFY2(header->sectionSize(column) >= std::min(heading, int(ColumnFitter::MinimumElasticWidth)),
                         qPrintable(u"%1 column %2 is %3 wide"_qs.arg(name).arg(column).arg(header->sectionSize(column))));
            }
        }
    }

    void olderEntriesLoadOnRequest()
    {
        HttpTestClient http = api();
        for (int i = 0; i < 25; ++i) { // 50 more entries: past the first page of 50
            QCOMPARE(http.patch(u"/api/v1/deploys/%1"_qs.arg(m_firstVersion), {{u"pinned"_qs, false}}).status, 200);
            QCOMPARE(http.patch(u"/api/v1/deploys/%1"_qs.arg(m_firstVersion), {{u"pinned"_qs, true}}).status, 200);
        }
        trigger(u"actionShowActivity"_qs);
        auto *version = child<QComboBox>(u"activityVersionFilter"_qs);
        version->setCurrentIndex(0);
        emit version->activated(0);
        auto *more = child<LoadMoreButton>(u"moreActivityButton"_qs);
        QTRY_COMPARE(table()->model()->rowCount(), 50);
        QTRY_VERIFY(more->isVisible());
        more->click();
        QTRY_COMPARE(table()->model()->rowCount(), 56);
        QTRY_VERIFY(!more->isVisible());
        QVERIFY(cell(55, ActivityTableModel::Event).startsWith(u"Deployed: 1 file"_qs));
    }
};

QTEST_MAIN(TestActivityFlow)
#include "tst_activityflow.moc"
