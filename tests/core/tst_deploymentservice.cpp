// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/deploymentservice.h"
#include "core/rules/siterules.h"
#include "core/storage/livepointerstore.h"
#include "core/storage/newversion.h"
#include "core/storage/versionstore.h"
#include "tests/support/archivecases.h"
#include "tests/support/deployfixture.h"

#include <QtTest>

#include <limits>
#include <memory>

using namespace ddd::core;
using ddd::test::DeployFixture;
using model::Identity;
using model::Version;
using model::VersionStatus;

Q_DECLARE_METATYPE(ddd::core::model::VersionStatus)

namespace {

template<typename T>
QString codeOf(const Result<T> &result)
{
    return result.ok() ? u"ok"_qs : result.error().code;
}

const DeployFixture::Files SiteOne = {{"index.html", "one"}, {"style.css", "body{}"}, {"old.txt", "old"}};
const DeployFixture::Files SiteTwo = {{"index.html", "two"}, {"style.css", "body{}"}, {"new.txt", "new!"}};

} // namespace

class TestDeploymentService final : public QObject
{
    Q_OBJECT

    // The hazard rows share one fixture with a live version (a data root
    // takes a while to create); each row checks it is left as it was.
    std::unique_ptr<DeployFixture> m_shared;
    qint64 m_sharedLive = 0;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        deploy::DeployOptions options;
        options.limits = ddd::test::ArchiveCases::limits();
        m_shared = std::make_unique<DeployFixture>(options);
        m_sharedLive = m_shared->deployed(SiteOne).id;
    }

    void cleanupTestCase() { m_shared.reset(); }

    void archiveDeployRecordsAReadyVersion()
    {
        DeployFixture f;
        const Version version = f.deployed(SiteOne, false);
        QCOMPARE(version.number, 1);
        QCOMPARE(version.status, VersionStatus::Ready);
        QCOMPARE(version.source, model::VersionSource::Archive);
        QCOMPARE(version.fileCount, 3);
        QCOMPARE(version.totalBytes, 12);
        QCOMPARE(version.uniqueBytes, 12);
        QCOMPARE(version.authorId, std::optional<qint64>(f.alice.userId));
        QCOMPARE(version.authorEmail, f.alice.email);
        QCOMPARE(version.createdAt, f.clock().nowMs());
        QCOMPARE(version.diff, (model::DiffSummary{3, 0, 0, 12, 0}));
        QVERIFY(!version.activatedAt);
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
        QVERIFY(!f.servedVersion(f.projectId)); // not activated
        const auto withFiles = f.service().get(f.alice, version.id, true);
        QCOMPARE(withFiles->files.size(), 3);
        QCOMPARE(withFiles->files.first(),
                 (model::VersionFile{u"index.html"_qs, QString::fromLatin1(f.sha256("one")), 3}));
    }

    void activationServesTheVersion()
    {
        DeployFixture f;
        const Version ready = f.deployed(SiteOne, false);
        f.clock().advanceMs(5000);
        const auto live = f.service().activate(f.alice, ready.id);
        QCOMPARE(codeOf(live), u"ok"_qs);
        QCOMPARE(live->status, VersionStatus::Live);
        QCOMPARE(live->activatedAt, std::optional<qint64>(f.clock().nowMs()));
        QCOMPARE(f.served(f.projectId, u"index.html"_qs), std::optional<QByteArray>("one"));
        QCOMPARE(f.liveSites().lookup(u"www.example.com"_qs)->versionId, ready.id);
        QCOMPARE(f.count(u"SELECT live_version_id FROM projects"_qs), ready.id);
        QCOMPARE(codeOf(f.service().activate(f.alice, ready.id)), u"ok"_qs); // again: nothing changes
    }

    void secondDeploySummarisesItsDiff()
    {
        DeployFixture f;
        const Version first = f.deployed(SiteOne);
        const Version second = f.deployed(SiteTwo);
        QCOMPARE(second.number, 2);
        // "two" replaces "one", new.txt arrives, old.txt goes.
        QCOMPARE(second.diff, (model::DiffSummary{1, 1, 1, 7, 6}));
        QCOMPARE(f.served(f.projectId, u"new.txt"_qs), std::optional<QByteArray>("new!"));
        QVERIFY(!f.served(f.projectId, u"old.txt"_qs));
        QCOMPARE(f.service().get(f.alice, first.id, false)->status, VersionStatus::Retired);
        const auto versions = f.service().list(f.alice, f.projectId);
        QCOMPARE(versions->size(), 2);
        QCOMPARE(versions->first().id, second.id); // newest first
    }

    void rollbackReturnsToThePreviousLiveVersion()
    {
        DeployFixture f;
        const Version first = f.deployed(SiteOne);
        const Version second = f.deployed(SiteTwo);
        const auto back = f.service().rollback(f.alice, f.projectId, std::nullopt);
        QCOMPARE(codeOf(back), u"ok"_qs);
        QCOMPARE(back->id, first.id);
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(first.id));
        QCOMPARE(f.served(f.projectId, u"index.html"_qs), std::optional<QByteArray>("one"));
        QCOMPARE(f.service().get(f.alice, second.id, false)->status, VersionStatus::Retired);
        // Rolling back again undoes the rollback.
        QCOMPARE(f.service().rollback(f.alice, f.projectId, std::nullopt)->id, second.id);
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(second.id));
    }

    void rollbackToANamedVersion()
    {
        DeployFixture f;
        const Version first = f.deployed(SiteOne);
        f.deployed(SiteTwo);
        f.deployed({{"index.html", "three"}});
        const auto back = f.service().rollback(f.alice, f.projectId, first.id);
        QCOMPARE(codeOf(back), u"ok"_qs);
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(first.id));
        QCOMPARE(f.count(u"SELECT count(*) FROM versions WHERE status = 'live'"_qs), 1);
    }

    void rollbackWithoutTargetIsRefused()
    {
        DeployFixture f;
        QCOMPARE(codeOf(f.service().rollback(f.alice, f.projectId, std::nullopt)), u"deploy.no_rollback_target"_qs);
        const Version only = f.deployed(SiteOne);
        QCOMPARE(codeOf(f.service().rollback(f.alice, f.projectId, std::nullopt)), u"deploy.no_rollback_target"_qs);
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(only.id));
        const qint64 other = f.createProject(f.alice, u"Other"_qs);
        const Version foreign = *f.deployArchive(f.alice, other, DeployFixture::zip(SiteTwo), false);
        QCOMPARE(codeOf(f.service().rollback(f.alice, f.projectId, foreign.id)), u"deploy.not_found"_qs);
    }

    void onlyReadyOrRetiredVersionsGoLive_data()
    {
        QTest::addColumn<VersionStatus>("status");
        QTest::newRow("failed") << VersionStatus::Failed;
        QTest::newRow("uploading") << VersionStatus::Uploading;
        QTest::newRow("processing") << VersionStatus::Processing;
    }

    void onlyReadyOrRetiredVersionsGoLive()
    {
        QFETCH(VersionStatus, status);
        DeployFixture f;
        const Version live = f.deployed(SiteOne);
        storage::NewVersion row;
        row.projectId = f.projectId;
        row.status = status;
        const auto stuck = storage::VersionStore(f.provider()).insert(row);
        QVERIFY(stuck.ok());
        QCOMPARE(codeOf(f.service().activate(f.alice, stuck->id)), u"deploy.not_activatable"_qs);
        QCOMPARE(codeOf(f.service().rollback(f.alice, f.projectId, stuck->id)), u"deploy.not_activatable"_qs);
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(live.id));
        QCOMPARE(f.service().get(f.alice, live.id, false)->status, VersionStatus::Live);
    }

    void theLiveVersionCannotBeDeleted()
    {
        DeployFixture f;
        const Version live = f.deployed(SiteOne);
        QCOMPARE(codeOf(f.service().remove(f.alice, live.id)), u"deploy.is_live"_qs);
        QCOMPARE(f.count(u"SELECT count(*) FROM version_files"_qs), 3);
        QCOMPARE(f.served(f.projectId, u"index.html"_qs), std::optional<QByteArray>("one"));
    }

    void deletingAVersionFreesItsUniqueBlobs()
    {
        DeployFixture f;
        const Version first = f.deployed(SiteOne);
        f.deployed(SiteTwo);
        QCOMPARE(f.service().get(f.alice, first.id, false)->uniqueBytes, 6); // "one" and "old"
        QCOMPARE(codeOf(f.service().remove(f.alice, first.id)), u"ok"_qs);
        QCOMPARE(codeOf(f.service().get(f.alice, first.id, false)), u"deploy.not_found"_qs);
        QVERIFY(!f.store().contains(f.sha256("one")));
        QVERIFY(!f.store().contains(f.sha256("old")));
        QVERIFY(f.store().contains(f.sha256("body{}"))); // shared with the live version
        QCOMPARE(f.served(f.projectId, u"style.css"_qs), std::optional<QByteArray>("body{}"));
    }

    void numbersAreNeverReused()
    {
        DeployFixture f;
        f.deployed(SiteOne);
        const Version second = f.deployed(SiteTwo, false);
        QVERIFY(f.service().remove(f.alice, second.id).ok());
        QCOMPARE(f.deployed(SiteTwo, false).number, 3);
    }

    void pinningIsStored()
    {
        DeployFixture f;
        const Version version = f.deployed(SiteOne);
        QCOMPARE(f.service().setPinned(f.alice, version.id, true)->pinned, true);
        QCOMPARE(f.service().get(f.alice, version.id, false)->pinned, true);
        QCOMPARE(f.service().setPinned(f.alice, version.id, false)->pinned, false);
    }

    void otherPeoplesProjectsAndVersionsAreInvisible()
    {
        DeployFixture f;
        const Version version = f.deployed(SiteOne);
        const Identity &bob = f.bob;
        QCOMPARE(codeOf(f.service().openArchive(bob, f.projectId, false)), u"project.not_found"_qs);
        QCOMPARE(codeOf(f.service().list(bob, f.projectId)), u"project.not_found"_qs);
        QCOMPARE(codeOf(f.service().rollback(bob, f.projectId, std::nullopt)), u"project.not_found"_qs);
        QCOMPARE(codeOf(f.service().startUpload(bob, f.projectId, "{\"files\": []}")), u"project.not_found"_qs);
        QCOMPARE(codeOf(f.service().get(bob, version.id, false)), u"deploy.not_found"_qs);
        QCOMPARE(codeOf(f.service().activate(bob, version.id)), u"deploy.not_found"_qs);
        QCOMPARE(codeOf(f.service().setPinned(bob, version.id, true)), u"deploy.not_found"_qs);
        QCOMPARE(codeOf(f.service().remove(bob, version.id)), u"deploy.not_found"_qs);
        QCOMPARE(codeOf(f.service().get(bob, version.id + 100, false)), u"deploy.not_found"_qs);
        // Operators see every project.
        QCOMPARE(codeOf(f.service().get(f.olga, version.id, false)), u"ok"_qs);
        QCOMPARE(f.service().list(f.olga, f.projectId)->size(), 1);
        // A token scoped to another project sees nothing of this one.
        const qint64 other = f.createProject(f.alice, u"Other"_qs);
        const Identity scoped = DeployFixture::token(f.alice, {u"read"_qs, u"deploy"_qs}, other);
        QCOMPARE(codeOf(f.service().get(scoped, version.id, false)), u"deploy.not_found"_qs);
        QCOMPARE(codeOf(f.service().openArchive(scoped, f.projectId, false)), u"project.not_found"_qs);
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
    }

    void tokensNeedTheirCapability()
    {
        DeployFixture f;
        const Version version = f.deployed(SiteOne, false);
        const Identity reader = DeployFixture::token(f.alice, {u"read"_qs});
        const Identity deployer = DeployFixture::token(f.alice, {u"deploy"_qs});
        QCOMPARE(codeOf(f.service().openArchive(reader, f.projectId, false)), u"auth.forbidden"_qs);
        QCOMPARE(codeOf(f.service().startUpload(reader, f.projectId, "{}")), u"auth.forbidden"_qs);
        QCOMPARE(codeOf(f.service().remove(reader, version.id)), u"auth.forbidden"_qs);
        QCOMPARE(codeOf(f.service().activate(deployer, version.id)), u"auth.forbidden"_qs);
        QCOMPARE(codeOf(f.service().rollback(deployer, f.projectId, version.id)), u"auth.forbidden"_qs);
        QCOMPARE(codeOf(f.service().list(deployer, f.projectId)), u"auth.forbidden"_qs);
        // Deploying is allowed, making it live in the same call is not.
        QCOMPARE(codeOf(f.deployArchive(deployer, f.projectId, DeployFixture::zip(SiteTwo), true)),
                 u"auth.forbidden"_qs);
        QCOMPARE(f.count(u"SELECT count(*) FROM versions"_qs), 1);
        QCOMPARE(codeOf(f.deployArchive(deployer, f.projectId, DeployFixture::zip(SiteTwo), false)), u"ok"_qs);
        QVERIFY(!f.servedVersion(f.projectId));
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
    }

    void refusedArchiveLeavesNoTrace_data()
    {
        QTest::addColumn<QByteArray>("archive");
        QTest::addColumn<QString>("code");
        for (const ddd::test::ArchiveCase &hazard : ddd::test::ArchiveCases::hazards())
            QTest::newRow(hazard.name.constData()) << hazard.bytes << hazard.code;
        QTest::newRow("empty zip") << DeployFixture::zip({}) << u"archive.empty"_qs;
        // Checked from the staging area: none of its blobs reaches the store.
        QTest::newRow("broken _redirects") << DeployFixture::zip({{"new.html", "new"}, {"_redirects", "/a\n"}})
                                           << u"rules.invalid_redirects"_qs;
        QTest::newRow("forbidden _headers") << DeployFixture::zip({{"new.html", "new"}, {"_headers", "/*\n  Date: x\n"}})
                                            << u"rules.forbidden_header"_qs;
    }

    void refusedArchiveLeavesNoTrace()
    {
        QFETCH(QByteArray, archive);
        QFETCH(QString, code);
        DeployFixture &f = *m_shared;
        const QList<QByteArray> blobsBefore = f.store().listAll().value();
        QCOMPARE(codeOf(f.deployArchive(f.alice, f.projectId, archive, true)), code);
        QCOMPARE(f.count(u"SELECT count(*) FROM versions"_qs), 1);
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
        QCOMPARE(f.store().listAll().value(), blobsBefore);
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(m_sharedLive));
        QCOMPARE(f.served(f.projectId, u"index.html"_qs), std::optional<QByteArray>("one"));
    }

    // A version recorded before rules were checked may hold a broken
    // `_redirects`: activating it on purpose says why it cannot, while
    // start-up keeps serving it (without rules) instead of failing.
    void legacyVersionWithBrokenRules()
    {
        DeployFixture f;
        const Version good = f.deployed({{"index.html", "good"}, {"_redirects", "/a /b 302\n"}, {"broken.txt", "/a\n"}});
        QVERIFY(f.liveSites().lookup(u"www.example.com"_qs)->rules);
        storage::NewVersion legacy;
        legacy.projectId = f.projectId;
        legacy.manifestHash = QByteArray(64, 'a');
        legacy.files = {{u"_redirects"_qs, QString::fromLatin1(f.sha256("/a\n")), 3},
                        {u"index.html"_qs, QString::fromLatin1(f.sha256("legacy")), 6}};
        QVERIFY(f.deploy({{"index.html", "legacy"}, {"x.txt", "keeps the blob"}}, false).ok());
        const Result<Version> inserted = storage::VersionStore(f.provider()).insert(legacy);
        QVERIFY(inserted.ok());
        QCOMPARE(codeOf(f.service().activate(f.alice, inserted->id)), u"rules.invalid_redirects"_qs);
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(good.id));

        QVERIFY(storage::LivePointerStore(f.provider()).activate(f.projectId, inserted->id, f.clock().nowMs()).ok());
        f.restart();
        QVERIFY(f.service().reconcile().ok());
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(inserted->id));
        QCOMPARE(f.served(f.projectId, u"index.html"_qs), std::optional<QByteArray>("legacy"));
        QVERIFY(!f.liveSites().lookup(u"www.example.com"_qs)->rules);
    }

    void oversizedSpoolIsRefused()
    {
        deploy::DeployOptions options;
        options.maxUploadBytes = 100;
        DeployFixture f(options);
        QCOMPARE(codeOf(f.deploy({{"big.txt", QByteArray(200, 'x')}})), u"archive.too_large"_qs);
        QCOMPARE(f.count(u"SELECT count(*) FROM versions"_qs), 0);
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
    }

    // Refusals that need no body come from opening: no staging area is made.
    void openingRefusesBeforeTheBody()
    {
        deploy::DeployOptions options;
        options.maxUploadBytes = std::numeric_limits<qint64>::max();
        DeployFixture f(options);
        const Identity deployer = DeployFixture::token(f.alice, {u"deploy"_qs});
        QCOMPARE(codeOf(f.service().openArchive(deployer, f.projectId, true)), u"auth.forbidden"_qs);
        QCOMPARE(codeOf(f.service().openArchive(f.alice, f.projectId + 100, false)), u"project.not_found"_qs);
        // No disk holds an exbibyte.
        QCOMPARE(codeOf(f.service().openArchive(f.alice, f.projectId, false, qint64(1) << 60)),
                 u"storage.disk_full"_qs);
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
        QCOMPARE(codeOf(f.service().openArchive(f.alice, f.projectId, false, 4096)), u"ok"_qs);
    }

    void announcedOversizeIsRefusedAtOpening()
    {
        deploy::DeployOptions options;
        options.maxUploadBytes = 100;
        DeployFixture f(options);
        QCOMPARE(codeOf(f.service().openArchive(f.alice, f.projectId, false, 101)), u"archive.too_large"_qs);
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
    }

    // The body lives in a staging area of its own, gone with an abort, with
    // an upload dropped unfinished, and after processing.
    void abortedOrDroppedUploadsLeaveNothing()
    {
        DeployFixture f;
        auto aborted = f.service().openArchive(f.alice, f.projectId, true);
        QVERIFY((*aborted)->write("PK\x03\x04 part of a zip").ok());
        QCOMPARE(f.stagingEntries().size(), 2);
        (*aborted)->abort();
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
        QCOMPARE(codeOf((*aborted)->complete()), u"internal"_qs);
        {
            auto dropped = f.service().openArchive(f.alice, f.projectId, true);
            QVERIFY((*dropped)->write("PK").ok());
            QCOMPARE(f.stagingEntries().size(), 2);
        }
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
        QCOMPARE(f.count(u"SELECT count(*) FROM versions"_qs), 0);
        QVERIFY(f.deploy(SiteOne).ok());
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs});
    }

    void deletingTheProjectTakesItsSiteAndBlobs()
    {
        DeployFixture f;
        f.deployed(SiteOne);
        f.deployed(SiteTwo);
        QVERIFY(f.projects().remove(f.alice, f.projectId).ok());
        QVERIFY(!f.servedVersion(f.projectId));
        QVERIFY(!f.liveSites().lookup(u"www.example.com"_qs));
        QCOMPARE(f.count(u"SELECT count(*) FROM versions"_qs), 0);
        QVERIFY(f.store().listAll()->isEmpty());
    }

    void refreshedSiteFollowsTheNewDomain()
    {
        DeployFixture f;
        f.deployed(SiteOne);
        QVERIFY(f.projects().update(f.alice, f.projectId, {{u"domain"_qs, u"docs.example.org"_qs}}).ok());
        QVERIFY(f.service().refreshSite(f.projectId).ok());
        QVERIFY(!f.liveSites().lookup(u"www.example.com"_qs));
        QVERIFY(f.liveSites().lookup(u"docs.example.org"_qs));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentService)
#include "tst_deploymentservice.moc"
