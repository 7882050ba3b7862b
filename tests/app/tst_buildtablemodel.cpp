// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The builds list: rows from the agent's JSON, in-place updates from the
// live log's end, version numbers, and what the tooltip tells.
#include "app/models/buildtablemodel.h"
#include "tests/support/jsonfixture.h"

#include <QSignalSpy>
#include <QtTest>

using ddd::app::BuildTableModel;
using ddd::core::client::RemoteBuild;
using ddd::test::JsonFixture;

namespace {

RemoteBuild fixture(const QString &name)
{
    return *RemoteBuild::fromJson(JsonFixture::json(u"api/"_qs + name).toObject());
}

} // namespace

class TestBuildTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void rowsShowWhatTheAgentSent()
    {
        BuildTableModel model;
        model.setBuilds({fixture(u"build-running.json"_qs), fixture(u"build-succeeded.json"_qs)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, BuildTableModel::Number).data().toString(), u"#4"_qs);
        QCOMPARE(model.index(0, BuildTableModel::Status).data().toString(), u"Running"_qs);
        QCOMPARE(model.index(0, BuildTableModel::Duration).data().toString(), QString());
        QCOMPARE(model.index(1, BuildTableModel::Generator).data().toString(), u"Jekyll"_qs);
        QCOMPARE(model.index(1, BuildTableModel::Trigger).data().toString(), u"Build hook"_qs);
        QCOMPARE(model.index(1, BuildTableModel::Version).data().toString(), u"Version 43"_qs);
        model.setVersionNumbers({{43, 7}});
        QCOMPARE(model.index(1, BuildTableModel::Version).data().toString(), u"v7"_qs);
        const QString tip = model.index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(u"hugo --minify -d /out"_qs));
        QVERIFY(tip.contains(u"hugo 0.111.3"_qs));
        QCOMPARE(model.index(1, 0).data(BuildTableModel::BuildIdRole).toLongLong(), 30);
    }

    void updateReplacesTheRowOrAddsOnTop()
    {
        BuildTableModel model;
        model.setBuilds({fixture(u"build-running.json"_qs)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        RemoteBuild done = fixture(u"build-running.json"_qs);
        done.status = RemoteBuild::Status::Failed;
        done.error = ddd::core::Error::make(u"build.timeout"_qs, u"The build ran out of time"_qs);
        model.update(done);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, BuildTableModel::Status).data().toString(), u"Failed"_qs);
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"build.timeout"_qs));
        QVERIFY(model.index(0, BuildTableModel::Status).data(Qt::ForegroundRole).isValid());
        RemoteBuild next = done;
        next.id = 99;
        next.number = 5;
        model.update(next);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowOf(99), 0);
        QCOMPARE(model.rowOf(31), 1);
    }
};

QTEST_MAIN(TestBuildTableModel)
#include "tst_buildtablemodel.moc"
