// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/sha256.h"
#include "core/s3/sigv4signer.h"
#include "tests/support/jsonfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>
#include <QtTest>

using ddd::core::blobs::Sha256;
using ddd::core::s3::SigV4Signer;
using ddd::test::JsonFixture;

namespace {

struct Vector
{
    SigV4Signer::Request request;
    QByteArray body;
    QByteArray amzDate;
    QJsonObject expected;
};

SigV4Signer signerFor(const QJsonObject &suite)
{
    const QJsonObject credentials = suite[u"credentials"_qs].toObject();
    return SigV4Signer({credentials[u"accessKeyId"_qs].toString().toUtf8(),
                        credentials[u"secretAccessKey"_qs].toString().toUtf8()},
                       suite[u"region"_qs].toString().toUtf8(), suite[u"service"_qs].toString().toUtf8());
}

// A case of tests/data/sigv4: the request line's target split at '?', the
// payload hash given or worked out from the body, the date from x-amz-date.
Vector vectorOf(const QJsonObject &entry)
{
    Vector vector;
    const QByteArray uri = entry[u"uri"_qs].toString().toUtf8();
    const qsizetype question = uri.indexOf('?');
    vector.request.method = entry[u"method"_qs].toString().toUtf8();
    vector.request.path = question < 0 ? uri : uri.first(question);
    vector.request.query = question < 0 ? QByteArray() : uri.sliced(question + 1);
    for (const QJsonValue header : entry[u"headers"_qs].toArray()) {
        const QByteArray name = header[0].toString().toUtf8();
        const QByteArray value = header[1].toString().toUtf8();
        vector.request.headers.append({name, value});
        if (name.compare("x-amz-date", Qt::CaseInsensitive) == 0)
            vector.amzDate = value;
    }
    vector.body = entry[u"body"_qs].toString().toUtf8();
    vector.request.payloadHash = entry.contains(u"payloadHash"_qs) ? entry[u"payloadHash"_qs].toString().toUtf8()
                                                                     : Sha256::hexOf(vector.body);
    vector.expected = entry;
    return vector;
}

QByteArray expectedOf(const Vector &vector, const QString &field)
{
    return vector.expected[field].toString().toUtf8();
}

const SigV4Signer::Request kGet{"GET", "/bucket/key", "", {{"Host", "s3.example.test"}}, Sha256::hexOf({})};

} // namespace

// SigV4 as S3-compatible servers check it; a wrong byte anywhere is a 403
// SignatureDoesNotMatch, so every step is compared, not just the result.
class TestSigV4Signer final : public QObject
{
    Q_OBJECT

private slots:
    // Every step each vector publishes is compared: the canonical request,
    // the string to sign, the Authorization header or the signature.
    void publishedVectors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("index");
        for (const QString &file : {u"sigv4/aws-test-suite.json"_qs, u"sigv4/s3-examples.json"_qs,
                                   u"sigv4/botocore-s3.json"_qs}) {
            const QJsonArray cases = JsonFixture::json(file)[u"cases"_qs].toArray();
            QVERIFY(!cases.isEmpty());
            for (int i = 0; i < cases.size(); ++i)
                QTest::addRow("%s %s", qPrintable(file.section(u'/', 1)), qPrintable(cases[i][u"name"_qs].toString()))
                    << file << i;
        }
    }

    void publishedVectors()
    {
        QFETCH(QString, file);
        QFETCH(int, index);
        const QJsonObject suite = JsonFixture::json(file).toObject();
        const Vector vector = vectorOf(suite[u"cases"_qs].toArray()[index].toObject());
        const SigV4Signer signer = signerFor(suite);
        if (vector.request.payloadHash != SigV4Signer::kUnsignedPayload)
            QCOMPARE(Sha256::hexOf(vector.body), vector.request.payloadHash);
        QCOMPARE(SigV4Signer::canonicalRequest(vector.request), expectedOf(vector, u"canonicalRequest"_qs));
        QVERIFY2(vector.expected.contains(u"authorization"_qs) || vector.expected.contains(u"signature"_qs),
                 "a vector without a signature checks nothing");
        if (vector.expected.contains(u"stringToSign"_qs))
            QCOMPARE(signer.stringToSign(vector.request, vector.amzDate), expectedOf(vector, u"stringToSign"_qs));
        if (vector.expected.contains(u"authorization"_qs))
            QCOMPARE(signer.authorization(vector.request, vector.amzDate), expectedOf(vector, u"authorization"_qs));
        if (vector.expected.contains(u"signature"_qs))
            QCOMPARE(signer.signature(vector.request, vector.amzDate), expectedOf(vector, u"signature"_qs));
    }

    // S3 signs a key as sent: encoded once, whether given raw or encoded,
    // and never normalised.
    void pathsEncodeOnceAndKeepEverySegment_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("raw $") << QByteArray("/test$file.text") << QByteArray("/test%24file.text");
        QTest::newRow("encoded $") << QByteArray("/test%24file.text") << QByteArray("/test%24file.text");
        QTest::newRow("lower-case hex") << QByteArray("/a%2cb") << QByteArray("/a%2Cb");
        QTest::newRow("space and UTF-8") << QByteArray("/a b/\xc3\xbc") << QByteArray("/a%20b/%C3%BC");
        QTest::newRow("plus is a plus") << QByteArray("/a+b") << QByteArray("/a%2Bb");
        QTest::newRow("dots and double slashes kept") << QByteArray("/a/./b//c/..") << QByteArray("/a/./b//c/..");
        QTest::newRow("unreserved kept") << QByteArray("/-._~AZaz09") << QByteArray("/-._~AZaz09");
        QTest::newRow("empty is the root") << QByteArray() << QByteArray("/");
        QTest::newRow("relative gets its slash") << QByteArray("key") << QByteArray("/key");
    }

    void pathsEncodeOnceAndKeepEverySegment()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, canonical);
        QCOMPARE(SigV4Signer::canonicalPath(path), canonical);
    }

    void queriesSortAndEncodeEachPart_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("bare key (multipart ?uploads)") << QByteArray("uploads") << QByteArray("uploads=");
        QTest::newRow("sorted by name then value") << QByteArray("b=2&a=2&a=1") << QByteArray("a=1&a=2&b=2");
        QTest::newRow("reserved characters encoded")
            << QByteArray("uploadId=a+b/c&partNumber=1") << QByteArray("partNumber=1&uploadId=a%2Bb%2Fc");
        QTest::newRow("already encoded, not twice") << QByteArray("prefix=a%2Fb") << QByteArray("prefix=a%2Fb");
        QTest::newRow("empty pieces dropped") << QByteArray("&a=1&&") << QByteArray("a=1");
        QTest::newRow("value with '='") << QByteArray("k=a=b") << QByteArray("k=a%3Db");
        QTest::newRow("none") << QByteArray() << QByteArray();
    }

    void queriesSortAndEncodeEachPart()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, canonical);
        QCOMPARE(SigV4Signer::canonicalQuery(query), canonical);
    }

    void amzDateIsUtc()
    {
        const QDateTime local(QDate(2026, 12, 4), QTime(1, 2, 3), QTimeZone(2 * 3600));
        QCOMPARE(SigV4Signer::amzDate(local), QByteArray("20261203T230203Z"));
    }

    // Every input reaches the signature: a signer that ignored one would
    // still pass a vector whose value happened to match.
    void everyInputChangesTheSignature()
    {
        const SigV4Signer signer({"KEY", "SECRET"}, "us-east-1");
        const QByteArray date = "20261204T120000Z";
        const QByteArray base = signer.signature(kGet, date);
        QCOMPARE(base.size(), 64);
        QSet<QByteArray> seen{base};
        auto differs = [&](const QByteArray &signature) {
            QVERIFY2(!seen.contains(signature), "two different inputs signed alike");
            seen.insert(signature);
        };
        differs(SigV4Signer({"KEY", "SECRET2"}, "us-east-1").signature(kGet, date));
        differs(SigV4Signer({"KEY", "SECRET"}, "eu-west-1").signature(kGet, date));
        differs(SigV4Signer({"KEY", "SECRET"}, "us-east-1", "service").signature(kGet, date));
        differs(signer.signature(kGet, "20261205T120000Z"));
        SigV4Signer::Request changed = kGet;
        changed.payloadHash = SigV4Signer::kUnsignedPayload;
        differs(signer.signature(changed, date));
        changed = kGet;
        changed.headers.append(std::pair<QByteArray, QByteArray>("x-amz-meta-a", "1"));
        differs(signer.signature(changed, date));
        changed = kGet;
        changed.method = "HEAD";
        differs(signer.signature(changed, date));
        changed = kGet;
        changed.path = "/bucket/key2";
        differs(signer.signature(changed, date));
        // The access key id is named, not signed: only the header changes.
        QVERIFY(SigV4Signer({"KEY2", "SECRET"}, "us-east-1").authorization(kGet, date).contains("Credential=KEY2/"));
    }

    void headerNamesAreCaseInsensitiveAndValuesTrimmed()
    {
        SigV4Signer::Request a = kGet;
        a.headers = {{"Host", "s3.example.test"}, {"X-Amz-Meta-Note", "  two   words "}};
        SigV4Signer::Request b = kGet;
        b.headers = {{"x-amz-meta-note", "two words"}, {"host", "s3.example.test"}};
        QCOMPARE(SigV4Signer::canonicalRequest(a), SigV4Signer::canonicalRequest(b));
        QVERIFY(SigV4Signer::canonicalRequest(a).contains("\nhost;x-amz-meta-note\n"));
    }
};

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "tst_sigv4signer.moc"
