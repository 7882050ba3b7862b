// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/dashboardactions.h"
#include "app/models/projecttablemodel.h"
#include "app/pages/projectspage.h"
#include "app/widgets/droparea.h"
#include "core/client/remoteproject.h"
#include "tests/support/jsonfixture.h"
#include "tests/support/tempdataroot.h"

#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QMimeData>
#include <QTableView>
#include <QtTest>

using namespace ddd::app;
using ddd::core::client::RemoteProject;
using ddd::test::JsonFixture;

namespace {

QMimeData *urlsOf(const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime->setUrls(urls);
    return mime;
}

} // namespace

class TestProjectsPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void onlyOneLocalFolderOrArchiveIsDeployable_data()
    {
        QTest::addColumn<QStringList>("names"); // created under a temp dir; a trailing / makes a folder
        QTest::addColumn<bool>("deployable");
        QTest::newRow("folder") << QStringList{u"site/"_qs} << true;
        QTest::newRow("zip") << QStringList{u"site.zip"_qs} << true;
        QTest::newRow("tar.gz, upper case") << QStringList{u"SITE.TAR.GZ"_qs} << true;
        QTest::newRow("tgz") << QStringList{u"site.tgz"_qs} << true;
        QTest::newRow("plain file") << QStringList{u"index.html"_qs} << false;
        QTest::newRow("two folders") << QStringList{u"a/"_qs, u"b/"_qs} << false;
        QTest::newRow("missing") << QStringList{u"!gone.zip"_qs} << false;
    }

    void onlyOneLocalFolderOrArchiveIsDeployable()
    {
        QFETCH(QStringList, names);
        QFETCH(bool, deployable);
        ddd::test::TempDataRoot root;
        QStringList paths;
        for (const QString &name : names) {
            if (name.endsWith(u'/'))
                QVERIFY(QDir().mkpath(root.file(name)));
            else if (!name.startsWith(u'!'))
                QVERIFY(QFile(root.file(name)).open(QIODevice::WriteOnly));
            paths.append(root.file(name));
        }
        std::unique_ptr<QMimeData> mime(urlsOf(paths));
        QCOMPARE(!DropArea::deployablePath(mime.get()).isEmpty(), deployable);
        QMimeData web;
        web.setUrls({QUrl(u"https://example.com/site.zip"_qs)});
        QVERIFY(DropArea::deployablePath(&web).isEmpty());
    }

    void folderDroppedOnARowDeploysToThatProject()
    {
        DashboardActions actions(nullptr);
        ProjectTableModel model;
        QList<RemoteProject> projects;
        for (const QJsonValue &json : JsonFixture::json(u"api/projects.json"_qs).toArray())
            projects.append(*RemoteProject::fromJson(json.toObject()));
        ProjectsPage page(&model, actions);
        page.resize(800, 400);
        page.show();
        QVERIFY(page.findChild<QLabel *>(u"projectsPlaceholder"_qs)->isVisible());
        model.setProjects(projects);
        QVERIFY(page.table()->isVisible());
        page.selectProject(7);

        ddd::test::TempDataRoot root;
        QVERIFY(QDir().mkpath(root.file(u"public"_qs)));
        QSignalSpy deploy(&page, &ProjectsPage::deployRequested);
        const QPoint onSecondRow = page.table()->visualRect(model.index(1, 0)).center();
        std::unique_ptr<QMimeData> mime(urlsOf({root.file(u"public"_qs)}));
        QDragEnterEvent enter(onSecondRow, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(page.table()->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(onSecondRow), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(page.table()->viewport(), &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(deploy.size(), 1);
        QCOMPARE(deploy.first().at(0).toLongLong(), 3);
        QCOMPARE(deploy.first().at(1).toString(), QFileInfo(root.file(u"public"_qs)).absoluteFilePath());
        QCOMPARE(page.currentProjectId(), 3);
    }

    void plainFilesAreRefusedAtTheDoor()
    {
        DashboardActions actions(nullptr);
        ProjectTableModel model;
        ProjectsPage page(&model, actions);
        ddd::test::TempDataRoot root;
        QVERIFY(QFile(root.file(u"notes.txt"_qs)).open(QIODevice::WriteOnly));
        std::unique_ptr<QMimeData> mime(urlsOf({root.file(u"notes.txt"_qs)}));
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        enter.ignore();
        QApplication::sendEvent(page.table()->viewport(), &enter);
        QVERIFY(!enter.isAccepted());
    }
};

QTEST_MAIN(TestProjectsPage)
#include "tst_projectspage.moc"
