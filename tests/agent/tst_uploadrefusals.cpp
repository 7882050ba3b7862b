// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Upload routes over real sockets: every refusal that needs no body comes
// before a byte of it is read (the client announces a large body with
// `Expect: 100-continue` and gets the final answer instead of 100 Continue),
// and an upload whose connection drops mid-body leaves no spool, no version
// and no source behind.
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/zipbuilder.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::ZipBuilder;

namespace {

const QString kPassword = u"correct horse battery"_qs;
// Larger than any disk these tests run on, yet under the upload cap below.
const qint64 kHugeBody = qint64(1) << 50;
const qint64 kLargeBody = qint64(50) << 20;

} // namespace

class TestUploadRefusals final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    qint64 m_project = 0;

    HttpTestClient api(const QString &token = {})
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(token.isEmpty() ? m_token : token);
        return http;
    }

    QString scopedToken(const QJsonArray &capabilities)
    {
        const HttpReply token = api().post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"ci"_qs},
                                                                  {u"capabilities"_qs, capabilities}});
        return token.json().value(u"secret"_qs).toString();
    }

    QByteArray head(const QByteArray &method, const QByteArray &target, const QString &token, qint64 length,
                    bool expectContinue) const
    {
        return method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token.toLatin1()
            + "\r\nContent-Type: application/zip\r\nContent-Length: " + QByteArray::number(length) + "\r\n"
            + (expectContinue ? "Expect: 100-continue\r\n" : "") + "\r\n";
    }

    // Sends only the head, announcing a body, and reads the first answer.
    std::optional<RawResponse> headOnly(const QByteArray &method, const QByteArray &target, const QString &token,
                                        qint64 length = kLargeBody)
    {
        RawTcpClient raw;
        if (!raw.connectTo(m_agent->apiPort()) || !raw.send(head(method, target, token, length, true)))
            return std::nullopt;
        return raw.readResponse();
    }

    QByteArray projectPath(qint64 project, const QByteArray &rest) const
    {
        return "/api/v1/projects/" + QByteArray::number(project) + rest;
    }

    QStringList stagingLeftovers() const { return m_agent->stagingLeftovers(); }

    qint64 spooledBytes() const
    {
        qint64 total = 0;
        QDirIterator it(m_agent->dataDir() + u"/staging"_qs, {u"archive.spool"_qs}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            total += QFileInfo(it.next()).size();
        return total;
    }

    qsizetype listed(const QString &path) { return api().get(path).items().size(); }

    void checkRefusedBeforeTheBody(const std::optional<RawResponse> &answer, int status, const QString &code)
    {
        QVERIFY(answer.has_value());
        QCOMPARE(answer->status, status); // not 100: the body was never asked for
        QCOMPARE(answer->errorCode(), code);
        QCOMPARE(answer->header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(stagingLeftovers(), QStringList());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.maxUploadBytes = qint64(1) << 52;
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        m_project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Site"_qs}}).json().value(u"id"_qs).toInteger();
        QVERIFY(m_project > 0);
    }

    void cleanupTestCase() { m_agent.reset(); }

    // The same request with every capability is asked for its body: the
    // refusals below are the checks' doing, not the way the head is sent.
    void allowedUploadIsAskedForItsBody()
    {
        const QByteArray zip = ZipBuilder().file("index.html", "<h1>ok</h1>").build();
        RawTcpClient raw;
        QVERIFY(raw.connectTo(m_agent->apiPort()));
        QVERIFY(raw.send(head("POST", projectPath(m_project, "/deploys?activate=1"), m_token, zip.size(), true)));
        const auto interim = raw.readResponse();
        QVERIFY(interim.has_value());
        QCOMPARE(interim->status, 100);
        QVERIFY(raw.send(zip));
        const auto created = raw.readResponse();
        QVERIFY(created.has_value());
        QCOMPARE(created->status, 201);
        QCOMPARE(created->json().value(u"status"_qs).toString(), u"live"_qs);
        QCOMPARE(stagingLeftovers(), QStringList());
    }

    void deployActivateNeedsTheCapabilityBeforeTheBody()
    {
        const int before = int(listed(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)));
        const QString token = scopedToken({u"deploy"_qs, u"read"_qs});
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project, "/deploys?activate=1"), token), 403,
                                  u"auth.forbidden"_qs);
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project, "/deploys?activate=true"), token), 403,
                                  u"auth.forbidden"_qs);
        QCOMPARE(listed(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)), before);
    }

    void sourceOptionsNeedTheirCapabilitiesBeforeTheBody()
    {
        const QString noBuild = scopedToken({u"deploy"_qs, u"read"_qs});
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project, "/sources?build=1"), noBuild), 403,
                                  u"auth.forbidden"_qs);
        const QString noActivate = scopedToken({u"build"_qs, u"read"_qs});
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project, "/sources?build=1&activate=1"), noActivate),
                                  403, u"auth.forbidden"_qs);
        QCOMPARE(listed(u"/api/v1/projects/%1/sources"_qs.arg(m_project)), 0);
        QCOMPARE(listed(u"/api/v1/projects/%1/builds"_qs.arg(m_project)), 0);
    }

    void unknownOrForeignProjectsBeforeTheBody()
    {
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project + 1000, "/deploys"), m_token), 404,
                                  u"project.not_found"_qs);
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project + 1000, "/sources?build=1"), m_token), 404,
                                  u"project.not_found"_qs);
        QVERIFY(m_agent->addUser(u"mallory@example.com"_qs, kPassword));
        const QString mallory = m_agent->login(u"mallory@example.com"_qs, kPassword);
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project, "/deploys?activate=1"), mallory), 404,
                                  u"project.not_found"_qs);
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project, "/sources"), mallory), 404,
                                  u"project.not_found"_qs);
    }

    void badOptionsBeforeTheBody()
    {
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project, "/deploys?activate=maybe"), m_token), 400,
                                  u"request.invalid_field"_qs);
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project, "/sources?build=yes"), m_token), 400,
                                  u"request.invalid_field"_qs);
        checkRefusedBeforeTheBody(headOnly("PUT", "/api/v1/uploads/" + QByteArray(32, 'a') + "/blobs/"
                                                      + QByteArray(64, 'b'), m_token),
                                  404, u"upload.not_found"_qs);
    }

    void noRoomBeforeTheBody()
    {
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project, "/deploys"), m_token, kHugeBody), 507,
                                  u"storage.disk_full"_qs);
        checkRefusedBeforeTheBody(headOnly("POST", projectPath(m_project, "/sources"), m_token, kHugeBody), 507,
                                  u"storage.disk_full"_qs);
    }

    void droppedUploadsLeaveNothing_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("rows");
        QTest::newRow("deploy") << QByteArray("/deploys?activate=1") << u"deploys"_qs;
        QTest::newRow("source") << QByteArray("/sources?build=1") << u"sources"_qs;
    }

    void droppedUploadsLeaveNothing()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, rows);
        const QString listPath = u"/api/v1/projects/%1/"_qs.arg(m_project) + rows;
        const qsizetype before = listed(listPath);
        RawTcpClient raw;
        QVERIFY(raw.connectTo(m_agent->apiPort()));
        QVERIFY(raw.send(head("POST", projectPath(m_project, target), m_token, kLargeBody, false)));
        QVERIFY(raw.send(QByteArray(256 * 1024, 'z')));
        // Part of the body reached the core-owned spool in staging...
        QTRY_VERIFY(spooledBytes() > 0);
        QCOMPARE(stagingLeftovers().size(), 1);
        raw.close();
        // ...and goes with the connection.
        QTRY_COMPARE(stagingLeftovers(), QStringList());
        QCOMPARE(listed(listPath), before);
        QCOMPARE(listed(u"/api/v1/projects/%1/builds"_qs.arg(m_project)), 0);
    }
};

QTEST_GUILESS_MAIN(TestUploadRefusals)
#include "tst_uploadrefusals.moc"
