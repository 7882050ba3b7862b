// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/displayformat.h"
#include "app/models/versiontablemodel.h"
#include "app/statuspalette.h"
#include "core/wire/versionjson.h"
#include "tests/support/jsonfixture.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QJsonArray>
#include <QtTest>

using namespace ddd::app;
using namespace ddd::core;
using ddd::test::JsonFixture;
using Column = VersionTableModel::Column;

class TestVersionTableModel final : public QObject
{
    Q_OBJECT

    static QString text(const VersionTableModel &model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsHistoryWithStatusAuthorAndSizes()
    {
        VersionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVersions(*wire::versionsFromJson(JsonFixture::json(u"api/deploys.json"_qs).toArray()));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(text(model, 0, Column::Number), u"v3"_qs);
        QCOMPARE(text(model, 0, Column::Status), u"Live"_qs);
        QCOMPARE(text(model, 0, Column::Source), u"Folder"_qs);
        QCOMPARE(text(model, 0, Column::Author), u"owner@example.com"_qs);
        QCOMPARE(text(model, 0, Column::Size), DisplayFormat::bytes(482133));
        QCOMPARE(text(model, 0, Column::UniqueSize), DisplayFormat::bytes(20480));
        QCOMPARE(text(model, 1, Column::Pinned), u"Pinned"_qs);
        QCOMPARE(text(model, 2, Column::Author), u"(deleted account)"_qs);
        QCOMPARE(model.index(2, Column::Status).data(Qt::ForegroundRole).value<QColor>(),
                 StatusPalette::color(StatusPalette::Level::Problem));
        QVERIFY(model.index(2, Column::Number).data(Qt::ToolTipRole).toString().contains(u"archive.path_traversal"_qs));
        QVERIFY(model.index(0, Column::Number).data(Qt::ToolTipRole).toString().contains(u"2 added"_qs));
        QVERIFY(model.hasLive());
        QCOMPARE(model.rowOf(41), 1);
        QCOMPARE(model.version(1)->id, 41);
    }

    void clearedModelHasNoLiveVersion()
    {
        VersionTableModel model;
        model.setVersions(*wire::versionsFromJson(JsonFixture::json(u"api/deploys.json"_qs).toArray()));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasLive());
        QCOMPARE(model.version(0), nullptr);
    }
};

QTEST_MAIN(TestVersionTableModel)
#include "tst_versiontablemodel.moc"
