// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The deploy dialog against a stub agent: report, go live, and a cancelled
// upload that resumes (also after the dialog was closed and opened again).
#include "app/appsettings.h"
#include "app/dialogs/deploydialog.h"
#include "app/pendinguploads.h"
#include "app/widgets/difftree.h"
#include "app/widgets/preflightlist.h"
#include "core/client/apiclient.h"
#include "core/wire/versionjson.h"
#include "tests/support/jsonfixture.h"
#include "tests/support/stubhttpserver.h"
#include "tests/support/tempdataroot.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QUrlQuery>
#include <QtTest>

using namespace ddd::app;
using namespace ddd::core;
using ddd::test::JsonFixture;
using ddd::test::StubHttpServer;
using Response = StubHttpServer::Response;

namespace {

const QByteArray IndexBytes = "<h1>spring sale</h1>";
const QByteArray StyleBytes = "body{margin:0}";

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray planJson(const QStringList &missing)
{
    const QJsonObject diff{{u"added"_qs, 1}, {u"changed"_qs, 1}, {u"removed"_qs, 1},
                           {u"bytesAdded"_qs, 34}, {u"bytesRemoved"_qs, 10}};
    return QJsonDocument(QJsonObject{{u"uploadId"_qs, u"u-1"_qs}, {u"missing"_qs, QJsonArray::fromStringList(missing)},
                                     {u"diff"_qs, diff}, {u"bytesToSend"_qs, 34}}).toJson();
}

QByteArray newVersionJson()
{
    QJsonObject json = JsonFixture::json(u"api/deploy-with-files.json"_qs).toObject();
    json.insert(u"id"_qs, 43);
    json.insert(u"number"_qs, 4);
    json.remove(u"files"_qs);
    return QJsonDocument(json).toJson();
}

struct Fixture
{
    ddd::test::TempDataRoot root;
    StubHttpServer server;
    AppSettings settings{root.file(u"dashboard.ini"_qs)};
    PendingUploads pending{settings};
    std::unique_ptr<client::ApiClient> api;
    QString site = root.file(u"site"_qs);
    QString blobPath(const QByteArray &bytes) const { return u"/api/v1/uploads/u-1/blobs/"_qs + sha256(bytes); }

    Fixture()
    {
        QDir().mkpath(site + u"/css"_qs);
        for (const auto &[name, bytes] : {std::pair{u"/index.html"_qs, IndexBytes}, std::pair{u"/css/site.css"_qs, StyleBytes}}) {
            QFile file(site + name);
            file.open(QIODevice::WriteOnly);
            file.write(bytes);
        }
        server.listen();
        api = std::make_unique<client::ApiClient>(server.url());
        // The live version's files, in two pages as the agent pages them.
        const QJsonArray files = JsonFixture::json(u"api/deploy-with-files.json"_qs).toObject().value(u"files"_qs).toArray();
        QJsonArray firstPage, secondPage;
        for (qsizetype i = 0; i < files.size(); ++i)
            (i == 0 ? firstPage : secondPage).append(files.at(i));
        server.on("GET", u"/api/v1/deploys/42/files"_qs,
                  Response::json(200, QJsonDocument(QJsonObject{{u"items"_qs, firstPage}, {u"nextCursor"_qs, u"next"_qs}}).toJson()));
        server.on("GET", u"/api/v1/deploys/42/files"_qs,
                  Response::json(200, QJsonDocument(QJsonObject{{u"items"_qs, secondPage}, {u"nextCursor"_qs, QJsonValue::Null}}).toJson()));
        server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, planJson({sha256(IndexBytes), sha256(StyleBytes)})));
        server.on("POST", u"/api/v1/uploads/u-1/finalize"_qs, Response::json(201, newVersionJson()));
    }

    std::unique_ptr<DeployDialog> open()
    {
        const auto project = client::RemoteProject::fromJson(JsonFixture::json(u"api/projects.json"_qs)[0].toObject());
        const auto live = wire::versionFromJson(JsonFixture::json(u"api/deploys.json"_qs)[0].toObject());
        auto dialog = std::make_unique<DeployDialog>(
            DeployDialog::Target{api.get(), u"agent-1"_qs, *project, *live, QUrl(u"http://www.example.com/"_qs)}, site, pending);
        dialog->show();
        dialog->start();
        return dialog;
    }
};

QPushButton *button(QWidget &dialog, const QString &name)
{
    return dialog.findChild<QPushButton *>(name);
}

QString resultText(QWidget &dialog)
{
    return dialog.findChild<QLabel *>(u"deployResult"_qs)->text();
}

} // namespace

class TestDeployDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void reportComparesWithTheLiveVersionThenGoesLive()
    {
        Fixture f;
        f.server.on("PUT", f.blobPath(IndexBytes), Response::json(204, {}));
        f.server.on("PUT", f.blobPath(StyleBytes), Response::json(204, {}));
        auto dialog = f.open();
        auto *goLive = button(*dialog, u"goLiveButton"_qs);
        QTRY_VERIFY(goLive->isVisible());
        QVERIFY(goLive->isEnabled());
        QCOMPARE(dialog->findChild<PreflightList *>()->count(), 1); // green: nothing to warn about
        auto *diff = dialog->findChild<DiffTree *>();
        QCOMPARE(diff->topLevelItem(0)->childCount(), 0); // added
        QCOMPARE(diff->topLevelItem(1)->childCount(), 2); // changed: both files differ from the live ones
        QCOMPARE(diff->topLevelItem(1)->child(0)->text(0), u"css/site.css"_qs);
        QCOMPARE(diff->topLevelItem(2)->childCount(), 0); // removed
        QVERIFY(f.server.requests().size() == 2); // only the live files so far, page after page
        QCOMPARE(QUrlQuery(f.server.requests().at(1).query).queryItemValue(u"cursor"_qs), u"next"_qs);

        QSignalSpy deployed(dialog.get(), &DeployDialog::deployed);
        goLive->click();
        QTRY_COMPARE(deployed.size(), 1);
        QVERIFY(resultText(*dialog).contains(u"v4"_qs));
        QVERIFY(!f.pending.find(u"agent-1"_qs, 7));
        const QJsonObject finalize = QJsonDocument::fromJson(f.server.requests().last().body).object();
        QCOMPARE(finalize[u"activate"_qs].toBool(), true);
    }

    void uploadOnlyDoesNotActivate()
    {
        Fixture f;
        f.server.on("PUT", f.blobPath(IndexBytes), Response::json(204, {}));
        f.server.on("PUT", f.blobPath(StyleBytes), Response::json(204, {}));
        auto dialog = f.open();
        QTRY_VERIFY(button(*dialog, u"uploadOnlyButton"_qs)->isVisible());
        button(*dialog, u"uploadOnlyButton"_qs)->click();
        QTRY_VERIFY(dialog->findChild<QLabel *>(u"deployResult"_qs)->isVisible());
        const QJsonObject finalize = QJsonDocument::fromJson(f.server.requests().last().body).object();
        QCOMPARE(finalize[u"activate"_qs].toBool(), false);
    }

    void blockedSiteCannotBeSent()
    {
        Fixture f;
        QVERIFY(QFile::link(u"/etc/hostname"_qs, f.site + u"/hostname"_qs));
        auto dialog = f.open();
        QTRY_VERIFY(button(*dialog, u"goLiveButton"_qs)->isVisible());
        QVERIFY(!button(*dialog, u"goLiveButton"_qs)->isEnabled());
        QVERIFY(!button(*dialog, u"uploadOnlyButton"_qs)->isEnabled());
        auto *findings = dialog->findChild<PreflightList *>();
        QCOMPARE(findings->item(0)->data(Qt::UserRole + 1).toString(), u"archive.link_entry"_qs);
        QCOMPARE(f.server.requests().size(), 2); // the two pages of live files, nothing sent
    }

    void cancelledUploadResumesAfterReopening()
    {
        Fixture f;
        f.server.on("PUT", f.blobPath(IndexBytes), Response::json(204, {}));
        f.server.on("PUT", f.blobPath(StyleBytes), Response::drop(1'000'000)); // hangs: the network is gone
        f.server.on("PUT", f.blobPath(StyleBytes), Response::json(204, {}));
        f.server.on("GET", f.blobPath(StyleBytes),
                    Response::json(200, QJsonDocument(QJsonObject{{u"sha256"_qs, sha256(StyleBytes)},
                                                                  {u"size"_qs, StyleBytes.size()},
                                                                  {u"received"_qs, 0}, {u"complete"_qs, false}}).toJson()));
        {
            auto dialog = f.open();
            QTRY_VERIFY(button(*dialog, u"goLiveButton"_qs)->isVisible());
            button(*dialog, u"goLiveButton"_qs)->click();
            QTRY_VERIFY(f.pending.find(u"agent-1"_qs, 7)
                        && f.pending.find(u"agent-1"_qs, 7)->remaining == QStringList{sha256(StyleBytes)});
            button(*dialog, u"cancelUploadButton"_qs)->click();
            QTRY_VERIFY(button(*dialog, u"resumeButton"_qs)->isVisible());
            QVERIFY(resultText(*dialog).contains(u"paused"_qs));
        }
        // A new dialog (as after a restart) finds the saved session and continues it.
        auto dialog = f.open();
        QTRY_VERIFY(button(*dialog, u"goLiveButton"_qs)->isVisible());
        QSignalSpy deployed(dialog.get(), &DeployDialog::deployed);
        button(*dialog, u"goLiveButton"_qs)->click();
        QTRY_COMPARE(deployed.size(), 1);
        int plans = 0;
        for (const auto &request : f.server.requests())
            plans += request.path == u"/api/v1/projects/7/uploads";
        QCOMPARE(plans, 1); // resumed, not planned again
        QVERIFY(!f.pending.find(u"agent-1"_qs, 7));
    }
};

QTEST_MAIN(TestDeployDialog)
#include "tst_deploydialog.moc"
