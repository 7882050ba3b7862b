// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The TLS policy as a real client meets it (openssl s_client): forward
// secrecy and AEAD only on TLS 1.2, TLS 1.3, the server's cipher order,
// X25519 first, an optional TLS 1.3-only mode; and plain HTTP sent to the
// TLS port answered with a readable 400 instead of a silent close.
#include "tests/agent/httpserverfixture.h"
#include "tests/support/tempdataroot.h"

#include <QProcess>
#include <QtTest>

using namespace ddd::agent::http;
using namespace ddd::test;

namespace {

// An RSA certificate: with one, OpenSSL's defaults would also offer static
// RSA key exchange, which the policy must refuse.
bool makeRsaCertificate(const TempDataRoot &root, QString &cert, QString &key)
{
    cert = root.file(u"cert.pem"_qs);
    key = root.file(u"key.pem"_qs);
    QProcess openssl;
    openssl.start(u"openssl"_qs, {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"rsa:2048"_qs, u"-nodes"_qs, u"-days"_qs,
                                  u"1"_qs, u"-subj"_qs, u"/CN=localhost"_qs, u"-keyout"_qs, key, u"-out"_qs, cert});
    return openssl.waitForFinished(60000) && openssl.exitCode() == 0;
}

struct Handshake
{
    bool established = false;
    QByteArray output;
};

// One handshake by openssl s_client. The client's own security level is
// lowered to 0, so a refusal is the server's, not the client's.
Handshake handshake(quint16 port, const QStringList &options)
{
    QProcess client;
    client.start(u"openssl"_qs, QStringList{u"s_client"_qs, u"-connect"_qs, u"127.0.0.1:%1"_qs.arg(port),
                                            u"-servername"_qs, u"localhost"_qs}
                                    + options);
    client.closeWriteChannel();
    if (!client.waitForFinished(30000))
        return {};
    const QByteArray output = client.readAllStandardOutput();
    const bool none = output.contains("Cipher is (NONE)") || !output.contains("Cipher is ");
    return {client.exitCode() == 0 && !none, output};
}

} // namespace

class TestTlsPolicy final : public QObject, private HttpServerFixture
{
    Q_OBJECT

    TempDataRoot m_root;
    QString m_cert;
    QString m_key;

    bool startTls(bool tls13Only = false)
    {
        m_options.tlsCertFile = m_cert;
        m_options.tlsKeyFile = m_key;
        m_options.tls13Only = tls13Only;
        return startServer();
    }

private slots:
    void initTestCase() { QVERIFY(makeRsaCertificate(m_root, m_cert, m_key)); }
    void init() { resetFixture(); }
    void cleanup() { stopFixture(); }

    void refusesSuitesWithoutForwardSecrecyOrAead_data()
    {
        QTest::addColumn<QStringList>("options");
        const QString level0 = u":@SECLEVEL=0"_qs;
        QTest::newRow("static RSA, CBC, SHA-1") << QStringList{u"-tls1_2"_qs, u"-cipher"_qs, u"AES128-SHA"_qs + level0};
        QTest::newRow("static RSA, GCM") << QStringList{u"-tls1_2"_qs, u"-cipher"_qs, u"AES128-GCM-SHA256"_qs + level0};
        QTest::newRow("ECDHE, CBC, SHA-1") << QStringList{u"-tls1_2"_qs, u"-cipher"_qs, u"ECDHE-RSA-AES128-SHA"_qs + level0};
        QTest::newRow("ECDHE, CBC, SHA-256") << QStringList{u"-tls1_2"_qs, u"-cipher"_qs, u"ECDHE-RSA-AES128-SHA256"_qs + level0};
        QTest::newRow("DHE, GCM") << QStringList{u"-tls1_2"_qs, u"-cipher"_qs, u"DHE-RSA-AES128-GCM-SHA256"_qs + level0};
        QTest::newRow("TLS 1.1") << QStringList{u"-tls1_1"_qs, u"-cipher"_qs, u"ALL"_qs + level0};
    }

    void refusesSuitesWithoutForwardSecrecyOrAead()
    {
        QFETCH(QStringList, options);
        QVERIFY(startTls());
        const Handshake result = handshake(m_server->port(), options);
        QVERIFY2(!result.established, result.output.constData());
    }

    void servesModernClients_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("TLS 1.2 ECDHE GCM") << QStringList{u"-tls1_2"_qs, u"-cipher"_qs, u"ECDHE-RSA-AES256-GCM-SHA384"_qs}
                                           << QByteArray("Cipher is ECDHE-RSA-AES256-GCM-SHA384");
        QTest::newRow("TLS 1.2 ChaCha20") << QStringList{u"-tls1_2"_qs, u"-cipher"_qs, u"ECDHE-RSA-CHACHA20-POLY1305"_qs}
                                          << QByteArray("Cipher is ECDHE-RSA-CHACHA20-POLY1305");
        QTest::newRow("TLS 1.3") << QStringList{u"-tls1_3"_qs} << QByteArray("TLSv1.3");
        // The server's order wins over the client's.
        QTest::newRow("server preference")
            << QStringList{u"-tls1_2"_qs, u"-cipher"_qs, u"ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256"_qs}
            << QByteArray("Cipher is ECDHE-RSA-AES128-GCM-SHA256");
        QTest::newRow("X25519 first")
            << QStringList{u"-tls1_2"_qs, u"-groups"_qs, u"P-256:X25519"_qs} << QByteArray("Server Temp Key: X25519");
    }

    void servesModernClients()
    {
        QFETCH(QStringList, options);
        QFETCH(QByteArray, expected);
        QVERIFY(startTls());
        const Handshake result = handshake(m_server->port(), options);
        QVERIFY2(result.established, result.output.constData());
        QVERIFY2(result.output.contains(expected), result.output.constData());
    }

    void strictModeServesTls13Only()
    {
        QVERIFY(startTls(true));
        QVERIFY(!handshake(m_server->port(), {u"-tls1_2"_qs, u"-cipher"_qs, u"ECDHE-RSA-AES128-GCM-SHA256"_qs}).established);
        const Handshake modern = handshake(m_server->port(), {u"-tls1_3"_qs});
        QVERIFY2(modern.established, modern.output.constData());
    }

    void answersPlainHttpWithA400()
    {
        QVERIFY(startTls());
        RawTcpClient plain;
        QVERIFY(plain.connectTo(m_server->port()));
        QVERIFY(plain.send(httpGet("/hello")));
        const auto answer = plain.readResponse(5000);
        QVERIFY(answer.has_value());
        QCOMPARE(answer->status, 400);
        QVERIFY(answer->body.contains("HTTPS only"));
        QVERIFY(answer->body.contains("https://"));
        QCOMPARE(answer->header("Connection"), QByteArray("close"));
        QVERIFY(plain.waitForClosed());
        QTRY_COMPARE(records().size(), 1);
        QCOMPARE(records().first().errorCode, u"http.tls_required"_qs);
        QCOMPARE(records().first().status, 400);
        QCOMPARE(records().first().clientAddress, u"127.0.0.1"_qs);

        // The port still speaks TLS afterwards.
        RawTcpClient tls;
        QVERIFY(tls.connectTo(m_server->port(), RawTcpClient::Mode::Tls));
        QCOMPARE(exchange(tls, httpGet("/hello")).status, 200);
    }

    void closesOnOtherGarbage()
    {
        QVERIFY(startTls());
        RawTcpClient garbage;
        QVERIFY(garbage.connectTo(m_server->port()));
        QVERIFY(garbage.send(QByteArray("\x01\x02\x03\x04 not tls\r\n\r\n", 17)));
        const auto closed = garbage.readUntilClosed(5000);
        QVERIFY(closed.has_value());
        QVERIFY(!closed->startsWith("HTTP/"));
    }

    void recordsCarryTheAccessLogFields()
    {
        QVERIFY(startTls());
        RawTcpClient tls;
        QVERIFY(tls.connectTo(m_server->port(), RawTcpClient::Mode::Tls));
        QCOMPARE(exchange(tls, httpGet("/hello?secret=1")).status, 200);
        QTRY_COMPARE(records().size(), 1);
        const RequestRecord record = records().first();
        QCOMPARE(record.path, u"/hello"_qs);
        QCOMPARE(record.requestHost, u"test"_qs);
        QCOMPARE(record.protocol, QByteArray("HTTP/1.1"));
        QVERIFY(record.secure);
        QCOMPARE(record.clientAddress, u"127.0.0.1"_qs);
        QVERIFY(record.errorCode.isEmpty());
        QVERIFY(record.bytesSent > 0);
    }
};

QTEST_GUILESS_MAIN(TestTlsPolicy)
#include "tst_tlspolicy.moc"
