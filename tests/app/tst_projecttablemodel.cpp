// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/displayformat.h"
#include "app/models/projecttablemodel.h"
#include "app/statuspalette.h"
#include "core/client/remoteproject.h"
#include "core/wire/versionjson.h"
#include "tests/support/jsonfixture.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QJsonArray>
#include <QtTest>

using namespace ddd::app;
using namespace ddd::core;
using ddd::test::JsonFixture;

namespace {

QList<client::RemoteProject> fixtureProjects()
{
    QList<client::RemoteProject> projects;
    for (const QJsonValue &json : JsonFixture::json(u"api/projects.json"_qs).toArray())
        projects.append(*client::RemoteProject::fromJson(json.toObject()));
    return projects;
}

QList<model::Version> fixtureVersions()
{
    return *wire::versionsFromJson(JsonFixture::json(u"api/deploys.json"_qs).toArray());
}

QString text(const ProjectTableModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestProjectTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsProjectsThenTheirLiveVersion()
    {
        ProjectTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProjects(fixtureProjects());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(text(model, 0, ProjectTableModel::Name), u"Marketing site"_qs);
        QCOMPARE(text(model, 0, ProjectTableModel::Domain), u"www.example.com"_qs);
        QCOMPARE(text(model, 1, ProjectTableModel::Domain), u"p0q8w2e4r6ty.localhost"_qs);
        QCOMPARE(text(model, 0, ProjectTableModel::Status), u"Loading…"_qs);

        model.setVersions(7, fixtureVersions());
        QCOMPARE(text(model, 0, ProjectTableModel::LiveVersion), u"v3"_qs);
        QCOMPARE(text(model, 0, ProjectTableModel::LastDeploy), DisplayFormat::time(fixtureVersions().first().createdAt));
        QCOMPARE(text(model, 0, ProjectTableModel::Status), u"Live"_qs);
        QCOMPARE(model.index(0, ProjectTableModel::Status).data(Qt::ForegroundRole).value<QColor>(),
                 StatusPalette::color(StatusPalette::Level::Good));
        QCOMPARE(model.liveVersion(0)->id, 42);
    }

    void statusSaysWhatHappenedLast_data()
    {
        QTest::addColumn<QList<int>>("keep"); // indices into deploys.json
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("live");
        QTest::newRow("no versions") << QList<int>{} << u"No version yet"_qs << QString();
        QTest::newRow("only a failure") << QList<int>{2} << u"Last deploy failed"_qs << QString();
        QTest::newRow("retired, nothing live") << QList<int>{1} << u"Not live"_qs << QString();
    }

    void statusSaysWhatHappenedLast()
    {
        QFETCH(QList<int>, keep);
        QFETCH(QString, status);
        QFETCH(QString, live);
        ProjectTableModel model;
        model.setProjects(fixtureProjects());
        QList<model::Version> versions;
        for (int i : keep)
            versions.append(fixtureVersions().at(i));
        model.setVersions(7, versions);
        QCOMPARE(text(model, 0, ProjectTableModel::Status), status);
        QCOMPARE(text(model, 0, ProjectTableModel::LiveVersion), live);
    }

    void versionsSurviveAProjectRefresh()
    {
        ProjectTableModel model;
        model.setProjects(fixtureProjects());
        model.setVersions(7, fixtureVersions());
        auto renamed = fixtureProjects();
        renamed[0].name = u"Renamed"_qs;
        std::swap(renamed[0], renamed[1]);
        model.setProjects(renamed);
        QCOMPARE(model.rowOf(7), 1);
        QCOMPARE(text(model, 1, ProjectTableModel::Name), u"Renamed"_qs);
        QCOMPARE(text(model, 1, ProjectTableModel::LiveVersion), u"v3"_qs);
        QCOMPARE(model.index(1, 0).data(ProjectTableModel::ProjectIdRole).toLongLong(), 7);
    }
};

QTEST_MAIN(TestProjectTableModel)
#include "tst_projecttablemodel.moc"
