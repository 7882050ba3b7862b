// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/s3/s3documents.h"

#include <QtTest>

using ddd::core::s3::S3Documents;

// The S3 XML the object store reads, in the shapes AWS documents and
// radosgw sends, and the answers that are not S3 at all.
class TestS3Documents final : public QObject
{
    Q_OBJECT

private slots:
    void listPageStripsThePrefix()
    {
        const QByteArray xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>b</Name>"
            "<Prefix>ddd/blobs/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>"
            "<Contents><Key>ddd/blobs/aa</Key><LastModified>2026-12-04T00:00:00.000Z</LastModified>"
            "<ETag>&quot;x&quot;</ETag><Size>5</Size></Contents>"
            "<Contents><Key>ddd/blobs/a&amp;b</Key><Size>0</Size><StorageClass>STANDARD</StorageClass></Contents>"
            "<NextContinuationToken>token/+=</NextContinuationToken></ListBucketResult>";
        const auto page = S3Documents::listPage(xml, "ddd/");
        QVERIFY(page);
        QCOMPARE(page->objects.size(), 2);
        QCOMPARE(page->objects[0].key, QByteArray("blobs/aa"));
        QCOMPARE(page->objects[0].size, 5);
        QCOMPARE(page->objects[1].key, QByteArray("blobs/a&b"));
        QCOMPARE(page->objects[1].size, 0);
        QCOMPARE(page->continuation, QByteArray("token/+="));
    }

    void lastPageHasNoContinuation()
    {
        const QByteArray xml = "<ListBucketResult><IsTruncated>false</IsTruncated>"
                               "<NextContinuationToken>stale</NextContinuationToken></ListBucketResult>";
        const auto page = S3Documents::listPage(xml, {});
        QVERIFY(page);
        QVERIFY(page->objects.isEmpty());
        QVERIFY(page->continuation.isEmpty());
    }

    void listPageRefusals_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::newRow("HTML") << QByteArray("<html><body>proxy error</body></html>");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated XML") << QByteArray("<ListBucketResult><Contents><Key>a</Key>");
        QTest::newRow("no size") << QByteArray("<ListBucketResult><Contents><Key>ddd/a</Key></Contents></ListBucketResult>");
        QTest::newRow("negative size")
            << QByteArray("<ListBucketResult><Contents><Key>ddd/a</Key><Size>-1</Size></Contents></ListBucketResult>");
        QTest::newRow("key outside the prefix")
            << QByteArray("<ListBucketResult><Contents><Key>other/a</Key><Size>1</Size></Contents></ListBucketResult>");
        QTest::newRow("truncated without a token")
            << QByteArray("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>");
    }

    void listPageRefusals()
    {
        QFETCH(QByteArray, xml);
        const auto page = S3Documents::listPage(xml, "ddd/");
        QVERIFY(!page);
        QCOMPARE(page.error().code, u"objects.protocol"_qs);
    }

    void uploadId()
    {
        const auto id = S3Documents::uploadId("<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key>"
                                              "<UploadId>2~abc</UploadId></InitiateMultipartUploadResult>");
        QVERIFY(id);
        QCOMPARE(*id, QByteArray("2~abc"));
        QCOMPARE(S3Documents::uploadId("<InitiateMultipartUploadResult/>").error().code, u"objects.protocol"_qs);
        QCOMPARE(S3Documents::uploadId("<Error/>").error().code, u"objects.protocol"_qs);
    }

    void failureMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("s3Code");
        auto error = [](const char *code) {
            return "<Error><Code>" + QByteArray(code) + "</Code><Message>said</Message></Error>";
        };
        QTest::newRow("503 SlowDown") << 503 << error("SlowDown") << u"objects.unavailable"_qs << u"SlowDown"_qs;
        QTest::newRow("500 without a body") << 500 << QByteArray() << u"objects.unavailable"_qs << QString();
        QTest::newRow("429") << 429 << QByteArray() << u"objects.unavailable"_qs << QString();
        QTest::newRow("404 NoSuchKey") << 404 << error("NoSuchKey") << u"objects.not_found"_qs << u"NoSuchKey"_qs;
        QTest::newRow("404 NoSuchBucket") << 404 << error("NoSuchBucket") << u"objects.refused"_qs
                                          << u"NoSuchBucket"_qs;
        QTest::newRow("403 signature") << 403 << error("SignatureDoesNotMatch") << u"objects.refused"_qs
                                       << u"SignatureDoesNotMatch"_qs;
        QTest::newRow("400 HTML") << 400 << QByteArray("<html>bad</html>") << u"objects.refused"_qs << QString();
    }

    void failureMapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, s3Code);
        const ddd::core::Error error = S3Documents::failure(status, body);
        QCOMPARE(error.code, code);
        QCOMPARE(error.details.value(u"status"_qs).toInt(), status);
        QCOMPARE(error.details.value(u"s3Code"_qs).toString(), s3Code);
    }

    void completeBodyNumbersThePartsInOrder()
    {
        const QByteArray body = S3Documents::completeMultipartUpload({"\"e1\"", "\"e2\""});
        QVERIFY(body.startsWith("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"));
        QVERIFY(body.contains("<Part><PartNumber>1</PartNumber><ETag>&quot;e1&quot;</ETag></Part>"
                              "<Part><PartNumber>2</PartNumber><ETag>&quot;e2&quot;</ETag></Part>"));
    }
};

QTEST_GUILESS_MAIN(TestS3Documents)
#include "tst_s3documents.moc"
