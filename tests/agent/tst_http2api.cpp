// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The real agent with TLS on both listeners, spoken to by curl --http2: the
// API answers JSON GETs and takes a JSON POST body and an upload (a BodySink
// fed from DATA frames) over h2 as over HTTP/1.1, and the deployed site is
// then served over h2 too.
#include "tests/support/agentfixture.h"
#include "tests/support/zipbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::ZipBuilder;

namespace {

struct Reply
{
    int status = 0;
    QByteArray version;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace

class TestHttp2Api final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QTemporaryDir m_dir;

    Reply curl(const QByteArray &protocol, const QString &url, const QStringList &extra)
    {
        const QString body = m_dir.filePath(u"body"_qs);
        QFile::remove(body);
        QProcess process;
        process.start(u"curl"_qs, QStringList{u"-sk"_qs, protocol == "2" ? u"--http2"_qs : u"--http1.1"_qs,
                                              u"-o"_qs, body, u"-w"_qs, u"%{http_code} %{http_version}"_qs}
                                      + extra + QStringList{url});
        process.closeWriteChannel();
        Reply reply;
        if (!process.waitForFinished(60000))
            return reply;
        const QList<QByteArray> written = process.readAllStandardOutput().split(' ');
        reply.status = written.value(0).toInt();
        reply.version = written.value(1);
        QFile file(body);
        if (file.open(QIODevice::ReadOnly))
            reply.body = file.readAll();
        return reply;
    }

    QString api(const QString &path) const { return u"https://127.0.0.1:%1/api/v1"_qs.arg(m_agent->apiPort()) + path; }

    QString login(const QByteArray &protocol)
    {
        const Reply reply = curl(protocol, api(u"/auth/login"_qs),
                                 {u"-H"_qs, u"Content-Type: application/json"_qs, u"--data-binary"_qs,
                                  uR"({"email":"ann@example.com","password":"ann-password-1"})"_qs});
        return reply.status == 200 ? reply.json().value(u"token"_qs).toString() : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess openssl;
        openssl.start(u"openssl"_qs, {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                                      u"ec_paramgen_curve:prime256v1"_qs, u"-nodes"_qs, u"-days"_qs, u"1"_qs,
                                      u"-subj"_qs, u"/CN=localhost"_qs, u"-keyout"_qs, m_dir.filePath(u"key.pem"_qs),
                                      u"-out"_qs, m_dir.filePath(u"cert.pem"_qs)});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.tlsCertFile = m_dir.filePath(u"cert.pem"_qs);
        m_agent->config.tlsKeyFile = m_dir.filePath(u"key.pem"_qs);
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"ann@example.com"_qs, u"ann-password-1"_qs));
    }

    void cleanupTestCase() { m_agent.reset(); }

    void jsonGetOverBothFramings()
    {
        const Reply h2 = curl("2", api(u"/health"_qs), {});
        const Reply h1 = curl("1.1", api(u"/health"_qs), {});
        QCOMPARE(h2.version, QByteArray("2"));
        QCOMPARE(h2.status, 200);
        QCOMPARE(h1.status, 200);
        QCOMPARE(h2.json().keys(), h1.json().keys());
    }

    // A JSON body in DATA frames, read into Request::body as on HTTP/1.1.
    void jsonPostOverHttp2()
    {
        const QString token = login("2");
        QVERIFY(!token.isEmpty());
        const Reply created = curl("2", api(u"/projects"_qs),
                                   {u"-H"_qs, u"Authorization: Bearer "_qs + token, u"-H"_qs,
                                    u"Content-Type: application/json"_qs, u"--data-binary"_qs, uR"({"name":"over-h2"})"_qs});
        QCOMPARE(created.version, QByteArray("2"));
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(u"name"_qs).toString(), u"over-h2"_qs);
        const Reply bad = curl("2", api(u"/projects"_qs),
                               {u"-H"_qs, u"Authorization: Bearer "_qs + token, u"-H"_qs,
                                u"Content-Type: application/json"_qs, u"--data-binary"_qs, u"{not json"_qs});
        QCOMPARE(bad.status, 400);
    }

    // An upload through the deploy route's BodySink, then the site over h2.
    void uploadOverHttp2ThenServe()
    {
        const QString token = login("2");
        const QStringList auth{u"-H"_qs, u"Authorization: Bearer "_qs + token};
        const Reply created = curl("2", api(u"/projects"_qs),
                                   auth + QStringList{u"-H"_qs, u"Content-Type: application/json"_qs,
                                                      u"--data-binary"_qs, uR"({"name":"upload-h2"})"_qs});
        QCOMPARE(created.status, 201);
        QByteArray big;
        for (int i = 0; i < 600 * 1024; ++i)
            big.append(char('a' + (i * 7) % 26));
        const QString zip = m_dir.filePath(u"site.zip"_qs);
        QFile out(zip);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(ZipBuilder().file("index.html", "<h1>h2</h1>").file("big.txt", big, false).build());
        out.close();
        const qint64 id = qint64(created.json().value(u"id"_qs).toDouble());
        const Reply deployed = curl("2", api(u"/projects/%1/deploys?activate=true"_qs.arg(id)),
                                    auth + QStringList{u"-H"_qs, u"Content-Type: application/zip"_qs,
                                                       u"--data-binary"_qs, u"@"_qs + zip});
        QCOMPARE(deployed.version, QByteArray("2"));
        QVERIFY2(deployed.status == 201 || deployed.status == 200, deployed.body.constData());
        const QString host = created.json().value(u"stagingHost"_qs).toString();
        const QString site = u"https://127.0.0.1:%1/big.txt"_qs.arg(m_agent->siteHttpsPort());
        Reply served;
        for (int attempt = 0; attempt < 50 && served.status != 200; ++attempt) {
            served = curl("2", site, {u"-H"_qs, u"Host: "_qs + host});
            if (served.status != 200)
                QTest::qWait(100);
        }
        QCOMPARE(served.status, 200);
        QCOMPARE(served.version, QByteArray("2"));
        QVERIFY(served.body == big);
    }
};

QTEST_GUILESS_MAIN(TestHttp2Api)
#include "tst_http2api.moc"
