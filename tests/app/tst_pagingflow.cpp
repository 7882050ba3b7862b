// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The dashboard against the real agent with more projects and versions than
// one page: the lists show the first page, and "load more" brings the rest.
#include "app/agentview.h"
#include "app/models/versiontablemodel.h"
#include "app/widgets/loadmorebutton.h"
#include "tests/app/dashboarddriver.h"
#include "tests/support/agentfixture.h"
#include "tests/support/zipbuilder.h"

#include <QLabel>
#include <QTableView>
#include <QtTest>

using namespace ddd::app;
using ddd::test::DashboardDriver;
using ddd::test::HttpTestClient;

namespace {

const QString Email = u"owner@example.com"_qs;
const QString Password = u"correct horse battery staple"_qs;
constexpr int PageSize = 50; // the agent's default page of projects and versions

} // namespace

class TestPagingFlow final : public QObject
{
    Q_OBJECT

    ddd::test::AgentFixture m_agent;
    std::unique_ptr<DashboardDriver> m_dashboard;

    template<typename T>
    T *child(const QString &name)
    {
        return m_dashboard->window().findChild<T *>(name);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent.config.retainVersions = 100;
        QVERIFY(m_agent.start());
        QVERIFY(m_agent.addUser(Email, Password));
        HttpTestClient api(m_agent.apiPort());
        api.setToken(m_agent.login(Email, Password));
        qint64 newest = 0;
        for (int i = 0; i <= PageSize; ++i)
            newest = api.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Project %1"_qs.arg(i)}}).json().value(u"id"_qs).toInteger();
        for (int i = 1; i <= PageSize + 1; ++i) {
            const auto zip = ddd::test::ZipBuilder().file("index.html", QByteArray::number(i)).build();
            QCOMPARE(api.send("POST", u"/api/v1/projects/%1/deploys"_qs.arg(newest), zip,
                              {{"Content-Type", "application/zip"}}).status, 201);
        }
        m_dashboard = std::make_unique<DashboardDriver>();
        m_dashboard->openWindow();
        QVERIFY(m_dashboard->connect(QUrl(u"http://127.0.0.1:%1"_qs.arg(m_agent.apiPort())), Email, Password));
        QTRY_VERIFY(m_dashboard->window().currentAgentView());
    }

    void projectsLoadAPageThenMore()
    {
        auto *table = child<QTableView>(u"projectsTable"_qs);
        auto *more = child<LoadMoreButton>(u"moreProjectsButton"_qs);
        QVERIFY(table && more);
        QTRY_COMPARE(table->model()->rowCount(), PageSize);
        QTRY_VERIFY(more->isVisible());
        QCOMPARE(table->model()->index(0, 0).data().toString(), u"Project 50"_qs);
        more->click();
        QTRY_COMPARE(table->model()->rowCount(), PageSize + 1);
        QCOMPARE(table->model()->index(PageSize, 0).data().toString(), u"Project 0"_qs);
        QTRY_VERIFY(!more->isVisible());
    }

    void versionsLoadAPageThenOlderOnes()
    {
        auto *table = child<QTableView>(u"versionsTable"_qs);
        auto *more = child<LoadMoreButton>(u"moreVersionsButton"_qs);
        QVERIFY(table && more);
        QTRY_COMPARE(m_dashboard->window().currentAgentView()->currentProject()->name, u"Project 50"_qs);
        QTRY_COMPARE(table->model()->rowCount(), PageSize);
        QTRY_VERIFY(more->isVisible());
        QCOMPARE(table->model()->index(0, VersionTableModel::Number).data().toString(), u"v51"_qs);
        more->click();
        QTRY_COMPARE(table->model()->rowCount(), PageSize + 1);
        QCOMPARE(table->model()->index(PageSize, VersionTableModel::Number).data().toString(), u"v1"_qs);
        QTRY_VERIFY(!more->isVisible());
    }

    void anotherProjectStartsAtItsFirstPage()
    {
        auto *projects = child<QTableView>(u"projectsTable"_qs);
        projects->selectRow(1); // Project 49, no versions
        QTRY_COMPARE(m_dashboard->window().currentAgentView()->currentProject()->name, u"Project 49"_qs);
        QTRY_COMPARE(child<QTableView>(u"versionsTable"_qs)->model()->rowCount(), 0);
        QVERIFY(!child<LoadMoreButton>(u"moreVersionsButton"_qs)->isVisible());
    }
};

QTEST_MAIN(TestPagingFlow)
#include "tst_pagingflow.moc"
