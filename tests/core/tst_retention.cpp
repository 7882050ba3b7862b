// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/retention.h"
#include "core/deploy/blobguard.h"
#include "core/deploy/garbagecollector.h"
#include "core/deploy/versionindexes.h"
#include "core/storage/blobvariantstore.h"
#include "core/storage/uploadsessionstore.h"
#include "core/storage/versionindexrows.h"
#include "core/storage/versionstore.h"
#include "tests/support/deployfixture.h"

#include <QtTest>

using namespace ddd::core;
using ddd::test::DeployFixture;

namespace {

deploy::DeployOptions keeping(int versions)
{
    deploy::DeployOptions options;
    options.retainVersions = versions;
    return options;
}

// A site whose page and asset are unique to version `n`, plus a shared logo.
DeployFixture::Files site(int n)
{
    return {{"index.html", "page " + QByteArray::number(n)},
            {"app.js", "asset " + QByteArray::number(n)},
            {"logo.svg", "<svg/>"}};
}

QList<qint64> numbers(DeployFixture &f)
{
    QList<qint64> numbers;
    const QList<model::Version> versions = f.service().list(f.alice, f.projectId).value();
    for (const model::Version &version : versions)
        numbers.prepend(version.number);
    return numbers;
}

qint64 storedBytes(DeployFixture &f)
{
    qint64 total = 0;
    const QList<QByteArray> blobs = f.store().listAll().value();
    for (const QByteArray &sha256 : blobs)
        total += f.store().size(sha256).value();
    return total;
}

// A second writer's retention over the fixture's database and blobs, as an
// agent sharing them would run it.
struct SecondWriter
{
    explicit SecondWriter(DeployFixture &f)
        : versions(f.provider()), sessions(f.provider()), variants(f.provider()), indexRows(f.provider()),
          indexes(QDir::cleanPath(f.store().stagingRoot() + u"/../indexes"_qs), indexRows),
          collector(versions, sessions, variants, f.store(), guard, f.clock()),
          retention(versions, collector, indexes, 1)
    {
    }

    storage::VersionStore versions;
    storage::UploadSessionStore sessions;
    storage::BlobVariantStore variants;
    storage::VersionIndexRows indexRows;
    deploy::VersionIndexes indexes;
    deploy::BlobGuard guard;
    deploy::GarbageCollector collector;
    deploy::Retention retention;
};

} // namespace

class TestRetention final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keepsTheNewestVersions()
    {
        DeployFixture f(keeping(3));
        for (int n = 1; n <= 5; ++n)
            f.deployed(site(n));
        QCOMPARE(numbers(f), (QList<qint64>{3, 4, 5}));
        QVERIFY(!f.store().contains(f.sha256("page 1")));
        QVERIFY(!f.store().contains(f.sha256("asset 2")));
        QVERIFY(f.store().contains(f.sha256("page 3")));
        QVERIFY(f.store().contains(f.sha256("<svg/>")));
        QCOMPARE(f.store().listAll()->size(), 3 * 2 + 1);
    }

    void pinnedVersionsStay()
    {
        DeployFixture f(keeping(3));
        const model::Version first = f.deployed(site(1));
        QVERIFY(f.service().setPinned(f.alice, first.id, true).ok());
        for (int n = 2; n <= 5; ++n)
            f.deployed(site(n));
        QCOMPARE(numbers(f), (QList<qint64>{1, 3, 4, 5}));
        QVERIFY(f.store().contains(f.sha256("page 1")));
        QVERIFY(!f.store().contains(f.sha256("page 2")));
    }

    void liveAndPreviousLiveVersionsStay()
    {
        DeployFixture f(keeping(3));
        f.deployed(site(1));
        f.deployed(site(2)); // live; version 1 is the rollback target
        for (int n = 3; n <= 6; ++n)
            f.deployed(site(n), false);
        QCOMPARE(numbers(f), (QList<qint64>{1, 2, 4, 5, 6}));
        QCOMPARE(f.served(f.projectId, u"index.html"_qs), std::optional<QByteArray>("page 2"));
        QCOMPARE(f.service().rollback(f.alice, f.projectId, std::nullopt)->number, 1);
    }

    void uniqueBytesAreWhatDeletingFrees_data()
    {
        QTest::addColumn<int>("victim");
        QTest::newRow("oldest") << 0;
        QTest::newRow("middle") << 1;
    }

    void uniqueBytesAreWhatDeletingFrees()
    {
        QFETCH(int, victim);
        DeployFixture f;
        f.deployed({{"index.html", "first"}, {"logo.svg", "<svg/>"}}, false);
        f.deployed({{"index.html", "first"}, {"extra.txt", "only here"}, {"logo.svg", "<svg/>"}}, false);
        f.deployed({{"index.html", "third!"}, {"logo.svg", "<svg/>"}});
        const QList<model::Version> versions = f.service().list(f.alice, f.projectId).value();
        const model::Version &doomed = versions.at(versions.size() - 1 - victim);
        QCOMPARE(doomed.uniqueBytes, victim == 0 ? 0 : 9); // "first" is shared by both
        const qint64 before = storedBytes(f);
        QVERIFY(f.service().remove(f.alice, doomed.id).ok());
        QCOMPARE(before - storedBytes(f), doomed.uniqueBytes);
    }

    // Between choosing and deleting, the first writer pins one chosen
    // version, activates another and deletes a third: the second writer
    // deletes only the one nobody touched, and says so without failing.
    void versionsChangedByTheOtherWriterStay()
    {
        DeployFixture f;
        QList<qint64> ids;
        for (int n = 1; n <= 6; ++n)
            ids.append(f.deployed(site(n)).id);
        SecondWriter second(f);
        const QList<qint64> chosen = second.versions.retentionCandidates(f.projectId, 1).value();
        QCOMPARE(chosen, ids.mid(0, 4)); // 6 is live, 5 the rollback target

        QVERIFY(f.service().setPinned(f.alice, ids[0], true).ok());
        QVERIFY(f.service().activate(f.alice, ids[1]).ok());
        QVERIFY(f.service().remove(f.alice, ids[2]).ok());
        QVERIFY(second.retention.expire(chosen).ok());

        QCOMPARE(numbers(f), (QList<qint64>{1, 2, 5, 6}));
        QCOMPARE(f.served(f.projectId, u"index.html"_qs), std::optional<QByteArray>("page 2"));
        QVERIFY(f.store().contains(f.sha256("page 1")));
        QVERIFY(!f.store().contains(f.sha256("page 3")));
        QVERIFY(!f.store().contains(f.sha256("page 4")));
        QVERIFY(f.store().contains(f.sha256("page 5")));
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
