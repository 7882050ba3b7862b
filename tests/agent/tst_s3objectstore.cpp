// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/s3objectstore.h"
#include "agent/http/s3transport.h"
#include "core/blobs/sha256.h"
#include "tests/support/radosgwfixture.h"
#include "tests/support/testbucket.h"

#include <QTemporaryDir>
#include <QTcpServer>
#include <QtTest>

using ddd::agent::http::S3Endpoint;
using ddd::agent::http::S3ObjectStore;
using ddd::agent::http::S3Transport;
using ddd::core::blobs::ObjectStore;
using ddd::core::blobs::Sha256;
using ddd::test::RadosgwFixture;
using ddd::test::TestBucket;
using namespace std::chrono_literals;

namespace {

// The value, or the test fails saying what the error was.
#define VALUE(result)                                                                                                 \
    ([&]() {                                                                                                          \
        auto r = (result);                                                                                            \
        if (!r)                                                                                                       \
            qFatal("%s: %s %s", #result, qPrintable(r.error().code), qPrintable(r.error().message));                 \
        return std::move(r).value();                                                                                  \
    }())

} // namespace

// S3ObjectStore against a real S3 server: Ceph's radosgw on a single-node
// memstore cluster (tests/support/radosgw-fixture.sh), which checks every
// signature and payload hash and honours If-None-Match as AWS does.
class TestS3ObjectStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        const std::optional<RadosgwFixture::Server> server = m_radosgw.start();
        QVERIFY2(server, qPrintable(m_radosgw.failure()));
        auto bucket = TestBucket::create(*server, "ddd-objects", "cluster-a/");
        QVERIFY2(bucket, qPrintable(bucket ? QString() : bucket.error().message));
        m_endpoint = *bucket;
        m_endpoint.stepTimeout = 20s;
    }

    // Stored once, never rewritten, read back byte for byte, removed.
    void objectLifeCycle()
    {
        S3ObjectStore store(m_endpoint);
        const QByteArray content = "hello object storage\n";
        const QString file = write(u"hello"_qs, content);
        const QByteArray key = "blobs/" + Sha256::hexOf(content);
        QCOMPARE(VALUE(store.sizeOf(key)), std::nullopt);
        QCOMPARE(VALUE(store.putIfAbsent(key, file, Sha256::hexOf(content))), ObjectStore::PutOutcome::Created);
        QCOMPARE(VALUE(store.putIfAbsent(key, file, Sha256::hexOf(content))),
                 ObjectStore::PutOutcome::AlreadyPresent);
        QCOMPARE(VALUE(store.sizeOf(key)), std::optional<qint64>(content.size()));
        const QString copy = m_files.filePath(u"hello.copy"_qs);
        QCOMPARE(VALUE(store.fetch(key, copy, {})), Sha256::hexOf(content));
        QCOMPARE(read(copy), content);
        QVERIFY(store.remove(key));
        QCOMPARE(VALUE(store.sizeOf(key)), std::nullopt);
        QVERIFY(store.remove(key)); // again: nothing to remove is fine
        const auto missing = store.fetch(key, copy, {});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, u"objects.not_found"_qs);
    }

    // The hash is the signed payload hash: the server itself refuses bytes
    // that do not match it, and nothing is stored.
    void wrongHashIsRefusedAndNothingStored()
    {
        S3ObjectStore store(m_endpoint);
        const QString file = write(u"liar"_qs, "these bytes");
        const QByteArray claimed = Sha256::hexOf("other bytes");
        const auto put = store.putIfAbsent("blobs/" + claimed, file, claimed);
        QVERIFY(!put);
        QCOMPARE(put.error().code, u"blob.hash_mismatch"_qs);
        QCOMPARE(VALUE(store.sizeOf("blobs/" + claimed)), std::nullopt);
    }

    // Above the threshold: parts of 5 MiB, the last one shorter.
    void largeObjectGoesUpInParts()
    {
        S3Endpoint endpoint = m_endpoint;
        endpoint.multipartThreshold = 6 << 20;
        endpoint.partSize = 5 << 20;
        S3ObjectStore store(endpoint);
        QByteArray content(12 << 20, '\0');
        for (qsizetype i = 0; i < content.size(); ++i)
            content[i] = char((i * 7919) >> 8);
        const QString file = write(u"large"_qs, content);
        const QByteArray hash = Sha256::hexOf(content);
        QCOMPARE(VALUE(store.putIfAbsent("blobs/" + hash, file, hash)), ObjectStore::PutOutcome::Created);
        QCOMPARE(VALUE(store.putIfAbsent("blobs/" + hash, file, hash)), ObjectStore::PutOutcome::AlreadyPresent);
        QCOMPARE(VALUE(store.sizeOf("blobs/" + hash)), std::optional<qint64>(content.size()));
        QCOMPARE(VALUE(store.fetch("blobs/" + hash, m_files.filePath(u"large.copy"_qs), {})), hash);
        QCOMPARE(openUploads(), 0);
    }

    // Checked before completion; the upload is aborted, nothing is left.
    void largeObjectWithWrongHashLeavesNothing()
    {
        S3Endpoint endpoint = m_endpoint;
        endpoint.multipartThreshold = 6 << 20;
        endpoint.partSize = 5 << 20;
        S3ObjectStore store(endpoint);
        const QString file = write(u"large-liar"_qs, QByteArray(7 << 20, 'x'));
        const QByteArray claimed = Sha256::hexOf("not it");
        const auto put = store.putIfAbsent("blobs/" + claimed, file, claimed);
        QVERIFY(!put);
        QCOMPARE(put.error().code, u"blob.hash_mismatch"_qs);
        QCOMPARE(VALUE(store.sizeOf("blobs/" + claimed)), std::nullopt);
        QCOMPARE(openUploads(), 0);
    }

    // Page by page, keys without the store's prefix, nothing of another
    // prefix (another cluster sharing the bucket).
    void listingPagesThroughOnePrefix()
    {
        S3Endpoint endpoint = m_endpoint;
        endpoint.listPageSize = 2;
        S3ObjectStore store(endpoint);
        S3Endpoint otherEndpoint = m_endpoint;
        otherEndpoint.prefix = "cluster-b/";
        S3ObjectStore other(otherEndpoint);
        const QString file = write(u"small"_qs, "x");
        const QByteArray hash = Sha256::hexOf("x");
        QList<QByteArray> expected;
        for (int i = 0; i < 5; ++i) {
            expected.append("listed/" + QByteArray::number(i));
            QVERIFY(store.putIfAbsent(expected.last(), file, hash));
        }
        QVERIFY(other.putIfAbsent("listed/other", file, hash));
        QList<QByteArray> seen;
        QByteArray continuation;
        int pages = 0;
        do {
            const auto page = store.list("listed/", continuation);
            QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
            for (const ObjectStore::Object &object : page->objects) {
                seen.append(object.key);
                QCOMPARE(object.size, 1);
            }
            continuation = page->continuation;
            ++pages;
        } while (!continuation.isEmpty());
        QCOMPARE(seen, expected);
        QCOMPARE(pages, 3);
    }

    void refusals()
    {
        S3Endpoint wrongSecret = m_endpoint;
        wrongSecret.credentials.secretAccessKey = "not-the-secret";
        auto signature = S3ObjectStore(wrongSecret).sizeOf("blobs/x");
        QVERIFY(!signature);
        QCOMPARE(signature.error().code, u"objects.refused"_qs);
        QCOMPARE(signature.error().details.value(u"status"_qs).toInt(), 403);

        S3Endpoint noBucket = m_endpoint;
        noBucket.bucket = "no-such-bucket";
        auto bucket = S3ObjectStore(noBucket).list({}, {});
        QVERIFY(!bucket);
        QCOMPARE(bucket.error().code, u"objects.refused"_qs);
        QCOMPARE(bucket.error().details.value(u"s3Code"_qs).toString(), u"NoSuchBucket"_qs);

        auto noFile = S3ObjectStore(m_endpoint).putIfAbsent("blobs/y", m_files.filePath(u"absent"_qs), "y");
        QVERIFY(!noFile);
        QCOMPARE(noFile.error().code, u"io.error"_qs);
    }

    // Nothing listening: unavailable, not a hang.
    void unreachableStore()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        S3Endpoint endpoint = m_endpoint;
        endpoint.port = closed.serverPort();
        closed.close();
        const auto size = S3ObjectStore(endpoint).sizeOf("blobs/x");
        QVERIFY(!size);
        QCOMPARE(size.error().code, u"objects.unavailable"_qs);
    }

    // Connected, but no answer ever comes: the step timeout ends the wait.
    void silentStoreTimesOut()
    {
        QTcpServer silent; // the kernel accepts; nobody ever reads or answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        S3Endpoint endpoint = m_endpoint;
        endpoint.port = silent.serverPort();
        endpoint.stepTimeout = 300ms;
        QElapsedTimer timer;
        timer.start();
        const auto size = S3ObjectStore(endpoint).sizeOf("blobs/x");
        QVERIFY(!size);
        QCOMPARE(size.error().code, u"objects.unavailable"_qs);
        QVERIFY2(timer.elapsed() < 30000, "the wait was not bounded");
    }

private:
    QString write(const QString &name, const QByteArray &content)
    {
        QFile file(m_files.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return file.fileName();
    }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Multipart uploads started in the bucket and neither completed nor aborted.
    int openUploads()
    {
        S3Transport transport(m_endpoint);
        const auto reply = transport.send({"GET", "/ddd-objects", "uploads=", {}, {}, {}, 0, 0, Sha256::hexOf({})});
        if (!reply || reply->status != 200)
            return -1;
        return int(reply->body.count("<Upload>"));
    }

    RadosgwFixture m_radosgw;
    QTemporaryDir m_files;
    S3Endpoint m_endpoint;
};

QTEST_GUILESS_MAIN(TestS3ObjectStore)
#include "tst_s3objectstore.moc"
