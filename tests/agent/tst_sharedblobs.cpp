// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/s3objectstore.h"
#include "core/blobs/blobstore.h"
#include "core/blobs/sha256.h"
#include "core/blobs/sharedblobs.h"
#include "tests/support/radosgwfixture.h"
#include "tests/support/refusingport.h"
#include "tests/support/testbucket.h"
#include "tests/support/tempdataroot.h"

#include <QDir>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using ddd::agent::http::S3Endpoint;
using ddd::agent::http::S3ObjectStore;
using ddd::core::blobs::BlobStore;
using ddd::core::blobs::Sha256;
using ddd::core::blobs::SharedBlobs;
using ddd::core::blobs::StagedBlob;
using ddd::test::RadosgwFixture;
using ddd::test::RefusingPort;
using ddd::test::TestBucket;
using ddd::test::TempDataRoot;

namespace {

// Counts the downloads passed through to the real store.
class CountingStore final : public ddd::core::blobs::ObjectStore
{
public:
    explicit CountingStore(ObjectStore &real) : m_real(real) {}
    std::atomic<int> fetches = 0;

    QString identity() const override { return m_real.identity(); }
    ddd::core::Result<PutOutcome> putIfAbsent(const QByteArray &key, const QString &file, const QByteArray &sha256) override
    {
        return m_real.putIfAbsent(key, file, sha256);
    }
    ddd::core::Result<std::optional<qint64>> sizeOf(const QByteArray &key) override { return m_real.sizeOf(key); }
    ddd::core::Result<QByteArray> fetch(const QByteArray &key, const QString &destination,
                                        const std::function<void()> &written) override
    {
        ++fetches;
        return m_real.fetch(key, destination, written);
    }
    ddd::core::Status remove(const QByteArray &key) override { return m_real.remove(key); }
    ddd::core::Result<Page> list(const QByteArray &prefix, const QByteArray &continuation) override
    {
        return m_real.list(prefix, continuation);
    }

private:
    ObjectStore &m_real;
};

} // namespace

// Two agents' blob stores sharing one bucket on a real S3 server (radosgw,
// tests/support/radosgw-fixture.sh): what one publishes the other fetches,
// checked byte for byte; a corrupted or missing object never reaches the
// local store.
class TestSharedBlobs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const std::optional<RadosgwFixture::Server> server = m_radosgw.start();
        QVERIFY2(server, qPrintable(m_radosgw.failure()));
        auto bucket = TestBucket::create(*server, "ddd-shared", "ddd/");
        QVERIFY2(bucket, qPrintable(bucket ? QString() : bucket.error().message));
        m_endpoint = *bucket;
        m_store = std::make_unique<S3ObjectStore>(m_endpoint);
        QVERIFY(m_first.initialise());
        QVERIFY(m_second.initialise());
    }

    void publishedOnOneFetchedOnTheOther()
    {
        const QByteArray a = commit(m_first, "page one"), b = commit(m_first, "page two");
        SharedBlobs first(m_first, *m_store);
        QCOMPARE(value(first.publish({a, b})), 2);
        QCOMPARE(value(first.publish({a, b})), 0); // already there: nothing re-sent
        QCOMPARE(value(m_store->sizeOf(SharedBlobs::keyFor(a))), std::optional<qint64>(8));

        SharedBlobs second(m_second, *m_store);
        QVERIFY(!m_second.contains(a));
        QVERIFY(second.ensureLocal(a));
        QVERIFY(m_second.contains(a));
        QCOMPARE(read(m_second.pathFor(a)), QByteArray("page one"));
        QVERIFY(m_second.verify(a));
        // Held locally now: no longer needs the bucket.
        QVERIFY(m_store->remove(SharedBlobs::keyFor(a)));
        QVERIFY(second.ensureLocal(a));
        QVERIFY(stagingIsEmpty(m_second));
    }

    // Requests arriving together for a blob this machine lacks share one
    // download: the others wait for it, or find the blob already here.
    void concurrentRequestsShareOneDownload()
    {
        const QByteArray blob = commit(m_first, QByteArray(4 << 20, 'b'));
        QVERIFY(SharedBlobs(m_first, *m_store).publish({blob}));
        CountingStore counting(*m_store);
        SharedBlobs second(m_second, counting);
        std::vector<std::thread> requests;
        std::atomic<int> succeeded = 0;
        for (int i = 0; i < 6; ++i)
            requests.emplace_back([&] {
                if (second.ensureLocal(blob))
                    ++succeeded;
            });
        for (std::thread &request : requests)
            request.join();
        QCOMPARE(succeeded.load(), 6);
        QCOMPARE(counting.fetches.load(), 1);
        QVERIFY(m_second.verify(blob));
        QVERIFY(stagingIsEmpty(m_second));
    }

    // Another blob's bytes under this blob's name: refused, nothing kept.
    void corruptedObjectIsNeverCommitted()
    {
        const QByteArray wanted = Sha256::hexOf("what the name says");
        const QByteArray other = commit(m_first, "something else");
        QVERIFY(m_store->putIfAbsent(SharedBlobs::keyFor(wanted), m_first.pathFor(other), other));
        const auto status = SharedBlobs(m_second, *m_store).ensureLocal(wanted);
        QVERIFY(!status);
        QCOMPARE(status.error().code, u"storage.blob_corrupt"_qs);
        QVERIFY(!m_second.contains(wanted));
        QVERIFY(stagingIsEmpty(m_second));
    }

    void refusals()
    {
        SharedBlobs second(m_second, *m_store);
        const QByteArray absent = Sha256::hexOf("never uploaded");
        auto status = second.ensureLocal(absent);
        QVERIFY(!status);
        QCOMPARE(status.error().code, u"objects.not_found"_qs);
        QVERIFY(!m_second.contains(absent));
        QVERIFY(stagingIsEmpty(m_second));

        QCOMPARE(second.ensureLocal("../../etc/passwd").error().code, u"blob.invalid_hash"_qs);
        QCOMPARE(second.publish({"ABC"}).error().code, u"blob.invalid_hash"_qs);
        QCOMPARE(second.publish({absent}).error().code, u"blob.not_found"_qs);
        QCOMPARE(value(m_store->sizeOf(SharedBlobs::keyFor(absent))), std::nullopt);
    }

    // The bucket unreachable: a clear code, the local store untouched.
    void unreachableBucket()
    {
        const RefusingPort refusing;
        QVERIFY(refusing.port());
        S3Endpoint closed = m_endpoint;
        closed.port = refusing.port();
        S3ObjectStore unreachable(closed);
        const QByteArray blob = commit(m_first, "cannot leave");
        QCOMPARE(SharedBlobs(m_first, unreachable).publish({blob}).error().code, u"objects.unavailable"_qs);
        QCOMPARE(SharedBlobs(m_second, unreachable).ensureLocal(blob).error().code, u"objects.unavailable"_qs);
        QVERIFY(!m_second.contains(blob));
        QVERIFY(stagingIsEmpty(m_second));
    }

private:
    template<typename T>
    static T value(ddd::core::Result<T> result)
    {
        if (!result)
            qFatal("%s: %s", qPrintable(result.error().code), qPrintable(result.error().message));
        return std::move(result).value();
    }

    static QByteArray commit(const BlobStore &store, const QByteArray &content)
    {
        const QString area = store.createStagingArea().value();
        QFile file(QDir(area).filePath(u"blob"_qs));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot stage a blob");
        file.close();
        const QByteArray hash = Sha256::hexOf(content);
        if (!store.commit(StagedBlob{file.fileName(), hash, content.size()}) || !store.removeStagingArea(area))
            qFatal("cannot commit a blob");
        return hash;
    }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static bool stagingIsEmpty(const BlobStore &store)
    {
        return QDir(store.stagingRoot()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot) == QStringList{u"partial"_qs};
    }

    RadosgwFixture m_radosgw;
    S3Endpoint m_endpoint;
    std::unique_ptr<S3ObjectStore> m_store;
    TempDataRoot m_firstRoot, m_secondRoot;
    BlobStore m_first{m_firstRoot.path()}, m_second{m_secondRoot.path()};
};

QTEST_GUILESS_MAIN(TestSharedBlobs)
#include "tst_sharedblobs.moc"
