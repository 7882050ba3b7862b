// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/blobwriter.h"
#include "core/deploy/reconciler.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/versionstore.h"
#include "tests/support/deployfixture.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace ddd::core;
using ddd::test::DeployFixture;
using model::VersionStatus;

Q_DECLARE_METATYPE(ddd::core::model::VersionStatus)

namespace {

const DeployFixture::Files SiteOne = {{"index.html", "one"}, {"logo.svg", "<svg/>"}};
const DeployFixture::Files SiteTwo = {{"index.html", "two"}, {"logo.svg", "<svg/>"}};

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!QDir().mkpath(QFileInfo(path).path()) || !file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

// A blob that reached the store without a version naming it: the state a
// crash between blob commit and version commit leaves.
void commitOrphan(DeployFixture &f, const QByteArray &content)
{
    const QString staging = f.store().createStagingArea().value();
    auto writer = blobs::BlobWriter::create(staging);
    QVERIFY(writer.ok() && writer->write(content).ok());
    QVERIFY(f.store().commit(writer->finish().value()).ok());
    QVERIFY(f.store().removeStagingArea(staging).ok());
}

template<typename T>
QString codeOf(const Result<T> &result)
{
    return result.ok() ? u"ok"_qs : result.error().code;
}

QString integrity(DeployFixture &f)
{
    auto statement = f.db().prepare(u"PRAGMA integrity_check"_qs);
    return statement && *statement->step() ? statement->columnText(0) : QString();
}

} // namespace

class TestReconciler final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void restartServesWhatThePointersSay()
    {
        DeployFixture f;
        f.deployed(SiteOne);
        const model::Version second = f.deployed(SiteTwo);
        const qint64 other = f.createProject(f.bob, u"Other"_qs);
        const model::Version foreign = *f.deployArchive(f.bob, other, DeployFixture::zip(SiteOne), true);
        f.restart();
        QVERIFY(!f.servedVersion(f.projectId)); // a fresh process serves nothing yet
        QVERIFY(f.service().reconcile().ok());
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(second.id));
        QCOMPARE(f.served(f.projectId, u"index.html"_qs), std::optional<QByteArray>("two"));
        QCOMPARE(f.servedVersion(other), std::optional<qint64>(foreign.id));
        QVERIFY(f.liveSites().lookup(u"www.example.com"_qs));
        QCOMPARE(integrity(f), u"ok"_qs);
    }

    void stagingLeftoversAreRemoved()
    {
        DeployFixture f;
        const QString staging = f.store().stagingRoot();
        writeFile(staging + u"/upload-a1b2c3/archive.spool"_qs, "half an archive");
        writeFile(staging + u"/upload-a1b2c3/ingest/blob-1f"_qs, "staged");
        writeFile(staging + u"/stray.tmp"_qs, "x");
        const QByteArray kept = f.sha256("wanted");
        const QByteArray abandoned = f.sha256("abandoned");
        QVERIFY(f.service().startUpload(f.alice, f.projectId, R"({"files": [{"path": "a.txt", "sha256": ")" + kept
                                                                 + R"(", "size": 6}]})")
                    .ok());
        writeFile(staging + u"/partial/"_qs + QString::fromLatin1(kept), "wan");
        writeFile(staging + u"/partial/"_qs + QString::fromLatin1(abandoned), "aban");
        f.restart();
        QVERIFY(f.service().reconcile().ok());
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
        QCOMPARE(f.partialEntries(), QStringList{QString::fromLatin1(kept)});
    }

    void unfinishedVersionsFail_data()
    {
        QTest::addColumn<VersionStatus>("status");
        QTest::newRow("uploading") << VersionStatus::Uploading;
        QTest::newRow("processing") << VersionStatus::Processing;
    }

    void unfinishedVersionsFail()
    {
        QFETCH(VersionStatus, status);
        DeployFixture f;
        const model::Version live = f.deployed(SiteOne);
        storage::NewVersion row;
        row.projectId = f.projectId;
        row.status = status;
        const auto stuck = storage::VersionStore(f.provider()).insert(row);
        QVERIFY(stuck.ok());
        f.restart();
        QVERIFY(f.service().reconcile().ok());
        const auto failed = f.service().get(f.alice, stuck->id, false);
        QCOMPARE(failed->status, VersionStatus::Failed);
        QCOMPARE(failed->error->code, u"deploy.interrupted"_qs);
        QCOMPARE(f.service().get(f.alice, live.id, false)->status, VersionStatus::Live);
    }

    void orphanBlobsAreCollected()
    {
        DeployFixture f;
        f.deployed(SiteOne);
        commitOrphan(f, "committed, never recorded");
        f.restart();
        QVERIFY(f.service().reconcile().ok());
        QVERIFY(!f.store().contains(f.sha256("committed, never recorded")));
        QVERIFY(f.store().contains(f.sha256("one")));
        QCOMPARE(f.store().listAll()->size(), 2);
    }

    void versionWithAMissingBlobFails()
    {
        DeployFixture f;
        const model::Version first = f.deployed(SiteOne);
        const model::Version second = f.deployed(SiteTwo);
        QVERIFY(QFile::remove(f.store().pathFor(f.sha256("one"))));
        f.restart();
        QVERIFY(f.service().reconcile().ok());
        const auto broken = f.service().get(f.alice, first.id, false);
        QCOMPARE(broken->status, VersionStatus::Failed);
        QCOMPARE(broken->error->code, u"storage.blob_missing"_qs);
        QCOMPARE(codeOf(f.service().activate(f.alice, first.id)), u"deploy.not_activatable"_qs);
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(second.id));
    }

    void liveVersionWithAMissingBlobGoesOffline()
    {
        DeployFixture f;
        const model::Version live = f.deployed(SiteOne);
        QVERIFY(QFile::remove(f.store().pathFor(f.sha256("<svg/>"))));
        f.restart();
        QVERIFY(f.service().reconcile().ok());
        QCOMPARE(f.service().get(f.alice, live.id, false)->status, VersionStatus::Failed);
        QVERIFY(!f.servedVersion(f.projectId));
        QCOMPARE(f.count(u"SELECT count(*) FROM projects WHERE live_version_id IS NOT NULL"_qs), 0);
        QVERIFY(f.store().contains(f.sha256("one"))); // kept while its version exists
    }

    void expiredSessionsEnd()
    {
        DeployFixture f;
        QVERIFY(f.service().startUpload(f.alice, f.projectId, R"({"files": [{"path": "a.txt", "sha256": ")"
                                                                 + f.sha256("x") + R"(", "size": 1}]})")
                    .ok());
        f.clock().advanceMs(deploy::DeployOptions().uploadSessionTtlMs + 1);
        f.restart();
        QVERIFY(f.service().reconcile().ok());
        QCOMPARE(f.count(u"SELECT count(*) FROM upload_sessions"_qs), 0);
    }
};

QTEST_GUILESS_MAIN(TestReconciler)
#include "tst_reconciler.moc"
