// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// HTTP/2 on the site listener as real clients meet it: ALPN picks h2 when
// offered and http/1.1 otherwise, and curl gets the same status, fields and
// bytes over both framings (one pipeline, two framings): files, HEAD, ranges,
// 304, 404, a protected site's 401, a redirect. Many streams on one
// connection (h2load), a big file through small windows (nghttp), plain-text
// prior knowledge, and "HTTP/2.0" in the access records.
#include "agent/http/server.h"
#include "tests/agent/http2rawclient.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/sitebench.h"
#include "tests/support/tempdataroot.h"

#include <QMutex>
#include <QProcess>
#include <QtTest>

using namespace ddd;
using test::Http2RawClient;
using test::SiteBench;

namespace {

bool makeCertificate(const test::TempDataRoot &root, QString &cert, QString &key)
{
    cert = root.file(u"cert.pem"_qs);
    key = root.file(u"key.pem"_qs);
    QProcess openssl;
    openssl.start(u"openssl"_qs, {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                                  u"ec_paramgen_curve:prime256v1"_qs, u"-nodes"_qs, u"-days"_qs, u"1"_qs, u"-subj"_qs,
                                  u"/CN=localhost"_qs, u"-keyout"_qs, key, u"-out"_qs, cert});
    return openssl.waitForFinished(60000) && openssl.exitCode() == 0;
}

struct CurlAnswer
{
    QByteArray version; // "2" or "1.1"
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> fields; // lower-case names, in order
    QByteArray body;

    QByteArray field(const QByteArray &name) const
    {
        for (const auto &[n, v] : fields)
            if (n == name)
                return v;
        return {};
    }
    // What both framings must agree on: everything but the date and the
    // fields only HTTP/1.1 has.
    QList<std::pair<QByteArray, QByteArray>> comparable() const
    {
        QList<std::pair<QByteArray, QByteArray>> out;
        for (const auto &field : fields)
            if (field.first != "date" && field.first != "connection" && field.first != "keep-alive")
                out.append(field);
        return out;
    }
};

QByteArray runProcess(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return {};
    if (exitCode)
        *exitCode = process.exitCode();
    return process.readAllStandardOutput();
}

} // namespace

class TestHttp2 final : public QObject
{
    Q_OBJECT

    test::TempDataRoot m_root;
    QString m_cert;
    QString m_key;
    std::unique_ptr<SiteBench> m_bench;
    std::unique_ptr<agent::http::Server> m_server;
    std::unique_ptr<agent::http::Server> m_plain;
    QByteArray m_big;
    QMutex m_recordsLock;
    QList<agent::http::RequestRecord> m_records;

    // The server's I/O threads append to m_records; read it under the lock.
    qsizetype recordCount()
    {
        QMutexLocker locker(&m_recordsLock);
        return m_records.size();
    }

    // One request by curl, each with its own connection and framing.
    CurlAnswer curl(const QByteArray &protocol, const QByteArray &host, const QByteArray &path,
                    const QStringList &extra = {})
    {
        const QString headers = m_root.file(u"headers.txt"_qs);
        const QString body = m_root.file(u"body.bin"_qs);
        QFile::remove(headers);
        QFile::remove(body);
        const QString port = QString::number(m_server->port());
        QStringList arguments{u"-sk"_qs, protocol == "2" ? u"--http2"_qs : u"--http1.1"_qs, u"--resolve"_qs,
                              QString::fromLatin1(host) + u':' + port + u":127.0.0.1"_qs, u"-D"_qs, headers,
                              u"-o"_qs, body, u"-w"_qs, u"%{http_version}"_qs};
        arguments << extra << u"https://"_qs + QString::fromLatin1(host) + u':' + port + QString::fromLatin1(path);
        CurlAnswer answer;
        answer.version = runProcess(u"curl"_qs, arguments);
        QFile head(headers);
        if (head.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : head.readAll().split('\n')) {
                const QByteArray trimmed = line.trimmed();
                if (trimmed.startsWith("HTTP/"))
                    answer.status = trimmed.split(' ').value(1).toInt();
                else if (const qsizetype colon = trimmed.indexOf(':'); colon > 0)
                    answer.fields.append({trimmed.left(colon).toLower(), trimmed.mid(colon + 1).trimmed()});
            }
        }
        QFile content(body);
        if (content.open(QIODevice::ReadOnly))
            answer.body = content.readAll();
        return answer;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(makeCertificate(m_root, m_cert, m_key));
        for (int i = 0; i < 3 * 1024 * 1024; ++i)
            m_big.append(char('a' + i % 26));
        m_bench = std::make_unique<SiteBench>();
        auto alpha = m_bench->site(1, u"alpha"_qs)
                         .version(4)
                         .file(u"index.html"_qs, "<h1>alpha</h1>")
                         .file(u"docs/index.html"_qs, "docs")
                         .file(u"style.css"_qs, QByteArray("body{color:red}").repeated(200))
                         .file(u"big.bin"_qs, m_big)
                         .build();
        auto secret = m_bench->site(2, u"secret"_qs)
                          .file(u"index.html"_qs, "hidden")
                          .protection(m_bench->access().protection({{u"ann"_qs, u"secret-word"_qs}}))
                          .build();
        m_bench->sites().reset({alpha, secret});
        agent::http::ServerOptions options;
        options.tlsCertFile = m_cert;
        options.tlsKeyFile = m_key;
        const agent::http::RequestObserver observer = [this](const agent::http::RequestRecord &record) {
            QMutexLocker locker(&m_recordsLock);
            m_records.append(record);
            m_records.last().headers = nullptr;
        };
        m_server = std::make_unique<agent::http::Server>(options, m_bench->pipeline(), observer);
        QVERIFY(m_server->start().ok());
        m_plain = std::make_unique<agent::http::Server>(agent::http::ServerOptions{}, m_bench->pipeline());
        QVERIFY(m_plain->start().ok());
    }

    // The servers go before the pipeline they call.
    void cleanupTestCase()
    {
        m_server.reset();
        m_plain.reset();
    }

    void alpnSelectsH2WhenOffered_data()
    {
        QTest::addColumn<QByteArray>("offered");
        QTest::addColumn<QByteArray>("selected");
        QTest::newRow("h2 first") << QByteArray("h2,http/1.1") << QByteArray("h2");
        QTest::newRow("h2 last") << QByteArray("http/1.1,h2") << QByteArray("h2");
        QTest::newRow("http/1.1 only") << QByteArray("http/1.1") << QByteArray("http/1.1");
        QTest::newRow("unknown only") << QByteArray("spdy/3") << QByteArray();
    }

    void alpnSelectsH2WhenOffered()
    {
        QFETCH(QByteArray, offered);
        QFETCH(QByteArray, selected);
        const QByteArray output = runProcess(u"openssl"_qs,
            {u"s_client"_qs, u"-connect"_qs, u"127.0.0.1:%1"_qs.arg(m_server->port()), u"-alpn"_qs,
             QString::fromLatin1(offered)});
        const QByteArray expected = selected.isEmpty() ? QByteArray("No ALPN negotiated")
                                                       : "ALPN protocol: " + selected;
        QVERIFY2(output.contains(expected), output.constData());
    }

    void curlNegotiatesEachFraming()
    {
        QCOMPARE(curl("2", "alpha.localhost", "/").version, QByteArray("2"));
        QCOMPARE(curl("1.1", "alpha.localhost", "/").version, QByteArray("1.1"));
    }

    void sameAnswerOnBothFramings_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("status");
        QTest::newRow("GET") << QByteArray("alpha.localhost") << QByteArray("/") << QStringList{} << 200;
        QTest::newRow("HEAD") << QByteArray("alpha.localhost") << QByteArray("/big.bin") << QStringList{u"-I"_qs} << 200;
        QTest::newRow("range") << QByteArray("alpha.localhost") << QByteArray("/big.bin")
                               << QStringList{u"-r"_qs, u"100-199"_qs} << 206;
        QTest::newRow("range outside") << QByteArray("alpha.localhost") << QByteArray("/big.bin")
                                       << QStringList{u"-r"_qs, u"99999999-"_qs} << 416;
        QTest::newRow("304") << QByteArray("alpha.localhost") << QByteArray("/")
                             << QStringList{u"-H"_qs, u"If-None-Match: \"%1\""_qs.arg(QString::fromLatin1(
                                                          test::SiteBuilder::sha256("<h1>alpha</h1>")))}
                             << 304;
        QTest::newRow("gzip") << QByteArray("alpha.localhost") << QByteArray("/style.css")
                              << QStringList{u"-H"_qs, u"Accept-Encoding: gzip"_qs} << 200;
        QTest::newRow("404") << QByteArray("alpha.localhost") << QByteArray("/missing") << QStringList{} << 404;
        QTest::newRow("unknown host") << QByteArray("beta.localhost") << QByteArray("/") << QStringList{} << 404;
        QTest::newRow("redirect") << QByteArray("alpha.localhost") << QByteArray("/docs?page=2") << QStringList{}
                                  << 301;
        QTest::newRow("protected 401") << QByteArray("secret.localhost") << QByteArray("/") << QStringList{} << 401;
        QTest::newRow("protected with password")
            << QByteArray("secret.localhost") << QByteArray("/") << QStringList{u"-u"_qs, u"ann:secret-word"_qs} << 200;
        QTest::newRow("405") << QByteArray("alpha.localhost") << QByteArray("/") << QStringList{u"-X"_qs, u"DELETE"_qs}
                             << 405;
    }

    void sameAnswerOnBothFramings()
    {
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, path);
        QFETCH(QStringList, extra);
        QFETCH(int, status);
        const CurlAnswer h2 = curl("2", host, path, extra);
        const CurlAnswer h1 = curl("1.1", host, path, extra);
        QCOMPARE(h2.version, QByteArray("2"));
        QCOMPARE(h2.status, status);
        QCOMPARE(h1.status, status);
        QCOMPARE(h2.comparable(), h1.comparable());
        if (!extra.contains(u"-I"_qs)) // curl writes HEAD's header block as the body
            QVERIFY(h2.body == h1.body);
        for (const char *forbidden : {"connection", "keep-alive", "transfer-encoding", "upgrade"})
            QVERIFY2(h2.field(forbidden).isNull(), forbidden);
    }

    // 200 requests, 50 at a time on one connection.
    void manyStreamsOnOneConnection()
    {
        int exitCode = -1;
        const QByteArray output = runProcess(u"h2load"_qs,
            {u"-n"_qs, u"200"_qs, u"-c"_qs, u"1"_qs, u"-m"_qs, u"50"_qs, u"-H"_qs, u":authority: alpha.localhost"_qs,
             u"https://127.0.0.1:%1/style.css"_qs.arg(m_server->port())}, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY2(output.contains("200 total, 200 started, 200 done, 200 succeeded"), output.constData());
        QVERIFY2(output.contains("200 2xx"), output.constData());
        QVERIFY2(output.contains("Application protocol: h2"), output.constData());
    }

    // 3 MiB through 64 KiB windows: many WINDOW_UPDATEs, the file streamed
    // as they come, not buffered whole.
    void bigFileAcrossSmallWindows()
    {
        int exitCode = -1;
        const QByteArray body = runProcess(u"nghttp"_qs,
            {u"-w"_qs, u"16"_qs, u"-W"_qs, u"16"_qs, u"-H"_qs, u":authority: alpha.localhost"_qs,
             u"https://127.0.0.1:%1/big.bin"_qs.arg(m_server->port())}, &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(body.size(), m_big.size());
        QVERIFY(body == m_big);
    }

    void accessRecordsSayHttp2()
    {
        {
            QMutexLocker locker(&m_recordsLock);
            m_records.clear();
        }
        QCOMPARE(curl("2", "alpha.localhost", "/docs/").status, 200);
        QTRY_VERIFY(recordCount() > 0);
        QMutexLocker locker(&m_recordsLock);
        const agent::http::RequestRecord &record = m_records.last();
        QCOMPARE(record.protocol, QByteArray("HTTP/2.0"));
        QCOMPARE(record.status, 200);
        QCOMPARE(record.path, u"/docs/"_qs);
        QCOMPARE(record.requestHost, u"alpha.localhost"_qs);
        QVERIFY(record.secure);
        QVERIFY(record.bytesSent > 4);
    }

    // A plain-text client with prior knowledge (RFC 9113 §3.3) is served
    // HTTP/2 instead of an empty reply.
    void priorKnowledgeOnPlainListener()
    {
        Http2RawClient client;
        QVERIFY(client.connectPlain(m_plain->port()));
        auto fields = Http2RawClient::request("GET", "/", "alpha.localhost");
        QVERIFY(client.send(Http2RawClient::frame(Http2RawClient::Headers,
                                                  Http2RawClient::EndHeaders | Http2RawClient::EndStream, 1,
                                                  client.encode(fields))));
        const auto answer = client.answer(1);
        QVERIFY(answer);
        QCOMPARE(answer->status(), 200);
        QCOMPARE(answer->body, QByteArray("<h1>alpha</h1>"));
        const int curlStatus = runProcess(u"curl"_qs, {u"-s"_qs, u"--http2-prior-knowledge"_qs, u"-o"_qs,
                                                       u"/dev/null"_qs, u"-w"_qs, u"%{http_code}"_qs, u"-H"_qs,
                                                       u"Host: alpha.localhost"_qs,
                                                       u"http://127.0.0.1:%1/"_qs.arg(m_plain->port())})
                                   .toInt();
        QCOMPARE(curlStatus, 200);
    }

    // Only the connection's first bytes may be the preface: after an
    // HTTP/1.1 exchange it is refused, not a switch to HTTP/2 framing
    // (found by fuzz_http_server).
    void prefaceAfterHttp11IsRefused()
    {
        test::RawTcpClient client;
        QVERIFY(client.connectTo(m_plain->port()));
        QVERIFY(client.send("GET / HTTP/1.1\r\nHost: alpha.localhost\r\n\r\nPRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        const auto first = client.readResponse();
        QVERIFY(first);
        QCOMPARE(first->status, 200);
        const auto second = client.readResponse();
        QVERIFY(second);
        QCOMPARE(second->status, 505);
        QVERIFY2(second->body.contains("the HTTP/2 preface must open the connection"), second->body.constData());
        QVERIFY(client.waitForClosed());
    }
};

QTEST_GUILESS_MAIN(TestHttp2)
#include "tst_http2.moc"
