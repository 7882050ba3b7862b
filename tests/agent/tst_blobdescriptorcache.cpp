// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/blobdescriptorcache.h"
#include "tests/support/sitebench.h"

#include <QtTest>

#include <chrono>
#include <thread>

using namespace ddd;
using namespace std::chrono_literals;
using agent::site::BlobDescriptorCache;
using test::SiteBuilder;

// The site listener's cache of checked blob descriptors: small blobs held in
// memory within a budget, and every entry revalidated (one fstat) at most
// once per interval, so a blob removed or replaced in the store stops being
// served within it, and only the checked bytes are served until then.
class TestBlobDescriptorCache final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::SiteBench> m_bench;
    const QByteArray m_small = "home";                       // 4 bytes
    const QByteArray m_medium = QByteArray(6, 'm');          // 6 bytes
    const QByteArray m_large = QByteArray(40 * 1024, 'L');   // above any memory limit below

    QString blobOf(const QByteArray &content) const
    {
        return SiteBuilder::blobPath(m_bench->blobsRoot(), SiteBuilder::sha256(content));
    }

    static QByteArray readAll(const agent::http::FileHandle &file, qint64 offset = 0, qint64 length = -1)
    {
        QByteArray bytes(length < 0 ? file.size() : length, Qt::Uninitialized);
        const qint64 got = file.read(bytes.data(), bytes.size(), offset);
        return got < 0 ? QByteArray("read failed") : bytes.left(got);
    }

    static std::shared_ptr<const agent::http::FileHandle> open(BlobDescriptorCache &cache, const QByteArray &content)
    {
        auto opened = cache.open(SiteBuilder::sha256(content), std::nullopt, content.size());
        return opened ? *opened : nullptr;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_bench = std::make_unique<test::SiteBench>();
        m_bench->sites().publish(m_bench->site(1, u"alpha"_qs)
                                     .file(u"small.html"_qs, m_small)
                                     .file(u"medium.html"_qs, m_medium)
                                     .file(u"large.bin"_qs, m_large)
                                     .build());
    }

    void smallBlobsAreHeldInMemoryWithinTheirBudget()
    {
        BlobDescriptorCache cache(m_bench->blobs(), {.memoryFileBytes = 1024, .memoryBytes = 8});
        const auto small = open(cache, m_small);
        QVERIFY(small && small->memory());
        QCOMPARE(QByteArray(small->memory(), small->size()), m_small);
        QCOMPARE(cache.memoryBytes(), 4);
        // 4 + 6 would exceed the 8-byte budget: served from its descriptor.
        const auto medium = open(cache, m_medium);
        QVERIFY(medium && !medium->memory());
        QCOMPARE(readAll(*medium), m_medium);
        // Above the per-file limit whatever the budget.
        const auto large = open(cache, m_large);
        QVERIFY(large && !large->memory());
        QCOMPARE(readAll(*large), m_large);
        QCOMPARE(cache.memoryBytes(), 4);
        QCOMPARE(cache.size(), 3);
    }

    // FileHandle::read answers the same from memory as from the file,
    // inside, across and past its end.
    void heldCopyReadsLikeTheFile()
    {
        BlobDescriptorCache held(m_bench->blobs(), {.memoryFileBytes = 1024});
        BlobDescriptorCache unheld(m_bench->blobs(), {.memoryFileBytes = 0});
        const auto fromMemory = open(held, m_small);
        const auto fromFile = open(unheld, m_small);
        QVERIFY(fromMemory->memory() && !fromFile->memory());
        for (const auto &[offset, length] : {std::pair{0, 4}, {1, 2}, {2, 10}, {4, 3}, {9, 3}}) {
            QCOMPARE(readAll(*fromMemory, offset, length), readAll(*fromFile, offset, length));
            QCOMPARE(readAll(*fromMemory, offset, length), m_small.mid(offset, length));
        }
    }

    void evictionReleasesHeldBytes()
    {
        BlobDescriptorCache cache(m_bench->blobs(), {.capacity = 1});
        QVERIFY(open(cache, m_small));
        QCOMPARE(cache.memoryBytes(), 4);
        QVERIFY(open(cache, m_medium));
        QCOMPARE(cache.size(), 1);
        QCOMPARE(cache.memoryBytes(), 6);
    }

    void noCapacityKeepsNothing()
    {
        BlobDescriptorCache cache(m_bench->blobs(), {.capacity = 0});
        const auto small = open(cache, m_small);
        QVERIFY(small && !small->memory());
        QCOMPARE(readAll(*small), m_small);
        QCOMPARE(cache.size(), 0);
        QCOMPARE(cache.memoryBytes(), 0);
    }

    void removedBlobIsDroppedWhenRevalidated_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("held in memory") << m_small;
        QTest::newRow("descriptor only") << m_large;
    }

    void removedBlobIsDroppedWhenRevalidated()
    {
        QFETCH(QByteArray, content);
        BlobDescriptorCache cache(m_bench->blobs(), {.revalidateAfter = 300ms});
        QVERIFY(open(cache, content));
        QVERIFY(QFile::remove(blobOf(content)));
        // Within the interval: the bytes checked when it was opened.
        const auto stale = open(cache, content);
        QVERIFY(stale);
        QCOMPARE(readAll(*stale), content);
        std::this_thread::sleep_for(350ms);
        const auto gone = cache.open(SiteBuilder::sha256(content), std::nullopt, content.size());
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, u"site.blob_missing"_qs);
        QCOMPARE(cache.size(), 0);
        QCOMPARE(cache.memoryBytes(), 0);
    }

    void replacedBlobIsProbedAgainWhenRevalidated()
    {
        BlobDescriptorCache cache(m_bench->blobs(), {.revalidateAfter = 300ms});
        QVERIFY(open(cache, m_small));
        const QString blob = blobOf(m_small);
        QVERIFY(QFile::remove(blob));
        QVERIFY(QFile::link(u"/etc/hostname"_qs, blob));
        std::this_thread::sleep_for(350ms);
        const auto replaced = cache.open(SiteBuilder::sha256(m_small), std::nullopt, m_small.size());
        QVERIFY(!replaced);
        QCOMPARE(replaced.error().code, u"site.blob_not_regular"_qs);
    }

    // An interval of zero checks on every hit, as before there was one.
    void zeroIntervalChecksEveryHit()
    {
        BlobDescriptorCache cache(m_bench->blobs(), {.revalidateAfter = 0s});
        QVERIFY(open(cache, m_small));
        QVERIFY(QFile::remove(blobOf(m_small)));
        const auto gone = cache.open(SiteBuilder::sha256(m_small), std::nullopt, m_small.size());
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, u"site.blob_missing"_qs);
    }

    // The interval counts from the last check: a blob served steadily is
    // still checked once per interval, not only once.
    void steadyHitsAreStillRevalidated()
    {
        BlobDescriptorCache cache(m_bench->blobs(), {.revalidateAfter = 300ms});
        QVERIFY(open(cache, m_small));
        std::this_thread::sleep_for(350ms);
        QVERIFY(open(cache, m_small)); // checked now
        QVERIFY(QFile::remove(blobOf(m_small)));
        QVERIFY(open(cache, m_small)); // within the new interval
        std::this_thread::sleep_for(350ms);
        QVERIFY(!cache.open(SiteBuilder::sha256(m_small), std::nullopt, m_small.size()));
    }
};

QTEST_GUILESS_MAIN(TestBlobDescriptorCache)
#include "tst_blobdescriptorcache.moc"
