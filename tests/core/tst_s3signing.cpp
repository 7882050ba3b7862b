// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/sha256.h"
#include "core/s3/sigv4signer.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/radosgwfixture.h"

#include <QtTest>

using ddd::core::blobs::Sha256;
using ddd::core::s3::SigV4Signer;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::RadosgwFixture;

namespace {

struct Call
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> extraHeaders;
    bool signPayload = true;
};

const QByteArray kBucket = "/ddd-signing";

} // namespace

// SigV4Signer against a real S3 server: Ceph's radosgw on a single-node
// memstore cluster (tests/support/radosgw-fixture.sh). It checks signatures
// and payload hashes as AWS does, so every accepted request below is a
// signature the server worked out the same way, and every refusal is one it
// told apart. Requests go out through a plain socket byte for byte, so what
// is signed is exactly what is sent.
class TestS3Signing final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const std::optional<RadosgwFixture::Server> server = m_radosgw.start();
        QVERIFY2(server, qPrintable(m_radosgw.failure()));
        m_port = server->port;
        m_accessKeyId = server->accessKey;
        m_signer = std::make_unique<SigV4Signer>(SigV4Signer::Credentials{server->accessKey, server->secretKey},
                                                 "us-east-1");
        QCOMPARE(send({"PUT", kBucket}).status, 200);
    }

    // Keys a content-addressed store and its users' file names produce:
    // written and read back under the same name.
    void keysRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("blob") << QByteArray("/blobs/ab/abcdef0123");
        QTest::newRow("space and UTF-8") << QByteArray("/a b/\xc3\xbc\xc3\xa9.txt");
        QTest::newRow("reserved characters") << QByteArray("/k!'()*@:,;=&$+");
        QTest::newRow("tilde and double slash") << QByteArray("/~user//x");
    }

    void keysRoundTrip()
    {
        QFETCH(QByteArray, key);
        const QByteArray content = "content of " + key;
        QCOMPARE(send({"PUT", kBucket + key, {}, content}).status, 200);
        const RawResponse read = send({"GET", kBucket + key});
        QCOMPARE(read.status, 200);
        QCOMPARE(read.body, content);
    }

    void unsignedPayloadAndConditionalCreate()
    {
        Call create{"PUT", kBucket + "/once", {}, "first", {{"If-None-Match", "*"}}, false};
        QCOMPARE(send(create).status, 200);
        create.body = "second";
        QCOMPARE(send(create).status, 412); // an existing blob is never rewritten
        QCOMPARE(send({"GET", kBucket + "/once"}).body, QByteArray("first"));
    }

    void queriesAndRanges()
    {
        QCOMPARE(send({"PUT", kBucket + "/list/one", {}, "0123456789"}).status, 200);
        const RawResponse listed = send({"GET", kBucket, "list-type=2&prefix=list%2F&max-keys=10"});
        QCOMPARE(listed.status, 200);
        QVERIFY(listed.body.contains("<Key>list/one</Key>"));
        const RawResponse part = send({"GET", kBucket + "/list/one", {}, {}, {{"Range", "bytes=2-4"}}});
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, QByteArray("234"));
        const RawResponse multipart = send({"POST", kBucket + "/list/big", "uploads"});
        QCOMPARE(multipart.status, 200);
        QVERIFY(multipart.body.contains("<UploadId>"));
    }

    void refusals()
    {
        const SigV4Signer wrongSecret({m_accessKeyId, "not-the-secret"}, "us-east-1");
        const RawResponse forged = send({"GET", kBucket + "/list/one"}, &wrongSecret);
        QCOMPARE(forged.status, 403);
        QVERIFY(forged.body.contains("SignatureDoesNotMatch"));
        // The body differs from the hash that was signed.
        const RawResponse tampered = send({"PUT", kBucket + "/tampered", {}, "signed"}, nullptr, "sent instead");
        QCOMPARE(tampered.status, 400);
        QVERIFY(tampered.body.contains("XAmzContentSHA256Mismatch"));
        QCOMPARE(send({"GET", kBucket + "/tampered"}).status, 404);
    }

private:
    // Signs `call` (with `signer`, or the fixture's credentials) and sends
    // it; `sentBody`, when given, goes out instead of the signed body.
    RawResponse send(const Call &call, const SigV4Signer *signer = nullptr, const QByteArray &sentBody = {})
    {
        const QByteArray amzDate = SigV4Signer::amzDate(QDateTime::currentDateTimeUtc());
        SigV4Signer::Request request{call.method, call.path, call.query, {}, {}};
        request.payloadHash = call.signPayload ? Sha256::hexOf(call.body) : SigV4Signer::kUnsignedPayload;
        request.headers = {{"Host", "127.0.0.1:" + QByteArray::number(m_port)},
                           {"x-amz-date", amzDate},
                           {"x-amz-content-sha256", request.payloadHash}};
        request.headers += call.extraHeaders;
        const QByteArray body = sentBody.isNull() ? call.body : sentBody;
        QByteArray wire = call.method + ' ' + SigV4Signer::canonicalPath(call.path)
            + (call.query.isEmpty() ? "" : "?" + call.query) + " HTTP/1.1\r\n";
        for (const auto &[name, value] : request.headers)
            wire += name + ": " + value + "\r\n";
        wire += "Authorization: " + (signer ? *signer : *m_signer).authorization(request, amzDate) + "\r\n";
        wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        RawTcpClient client;
        if (!client.connectTo(m_port) || !client.send(wire))
            return {};
        return client.readResponse(30'000).value_or(RawResponse{});
    }

    RadosgwFixture m_radosgw;
    quint16 m_port = 0;
    QByteArray m_accessKeyId;
    std::unique_ptr<SigV4Signer> m_signer;
};

QTEST_GUILESS_MAIN(TestS3Signing)
#include "tst_s3signing.moc"
