// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Archive upload sessions over real sockets: pieces at offsets, a
// connection cut mid-piece, a restart between pieces, completion checks,
// expiry, the per-user limit and other users. (Disk full: tst_diskfull.)
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/zipbuilder.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QRandomGenerator>
#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::RawTcpClient;

namespace {

const QString kPassword = u"correct horse battery"_qs;

QString sha(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// A zip whose big.bin is incompressible (stored), so the archive is about
// `bytes` long and its pieces carry real data.
QByteArray siteZip(const QByteArray &index, qsizetype bytes, quint32 seed)
{
    QByteArray noise(bytes, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (char &byte : noise)
        byte = char(random.bounded(256));
    return ddd::test::ZipBuilder().file("index.html", index).file("big.bin", noise).build();
}

} // namespace

class TestArchiveUploads final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    qint64 m_project = 0;
    QByteArray m_host;

    HttpTestClient api(const QString &token = {}) const
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(token.isEmpty() ? m_token : token);
        return http;
    }

    HttpReply create(qint64 size, const QString &hash = {}, const QString &token = {}) const
    {
        QJsonObject body{{u"size"_qs, size}};
        if (!hash.isEmpty())
            body.insert(u"sha256"_qs, hash);
        return api(token).post(u"/api/v1/projects/%1/archive-uploads"_qs.arg(m_project), body);
    }

    HttpReply piece(const QString &id, qint64 offset, const QByteArray &bytes, const QString &token = {}) const
    {
        return api(token).send("PATCH", u"/api/v1/archive-uploads/"_qs + id, bytes,
                               {{"Content-Type", "application/offset+octet-stream"},
                                {"Upload-Offset", QByteArray::number(offset)}});
    }

    HttpReply complete(const QString &id, bool activate = true, const QString &token = {}) const
    {
        return api(token).post(u"/api/v1/archive-uploads/%1/complete"_qs.arg(id), {{u"activate"_qs, activate}});
    }

    qint64 offsetOf(const QString &id) const
    {
        const HttpReply status = api().get(u"/api/v1/archive-uploads/"_qs + id);
        return status.status == 200 ? status.header("Upload-Offset").toLongLong() : -status.status;
    }

    int versionCount() const { return int(api().get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)).items().size()); }

    QStringList sessionFolders() const
    {
        return QDir(m_agent->dataDir() + u"/staging/archives"_qs).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    }

    QString userToken(const QString &email)
    {
        if (!m_agent->addUser(email, kPassword))
            return {};
        return m_agent->login(email, kPassword);
    }

    // Sends `archive` in pieces of `pieceBytes` and completes it.
    HttpReply sendWhole(const QByteArray &archive, qint64 pieceBytes)
    {
        const HttpReply created = create(archive.size(), sha(archive));
        if (created.status != 201)
            return created;
        const QString id = created.json().value(u"id"_qs).toString();
        for (qint64 offset = 0; offset < archive.size(); offset += pieceBytes) {
            const HttpReply sent = piece(id, offset, archive.mid(offset, pieceBytes));
            if (sent.status != 200)
                return sent;
        }
        return complete(id);
    }

    void login()
    {
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.maxArchiveUploadsPerUser = 3;
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        login();
        const HttpReply project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Site"_qs}});
        m_project = project.json().value(u"id"_qs).toInteger();
        m_host = project.json().value(u"stagingHost"_qs).toString().toLatin1();
    }

    void cleanupTestCase() { m_agent.reset(); }

    void piecesCompleteIntoAServedVersion()
    {
        const QByteArray archive = siteZip("<h1>pieces</h1>", 300000, 1);
        const HttpReply created = create(archive.size(), sha(archive));
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_qs).toString();
        QCOMPARE(created.json().value(u"offset"_qs).toInteger(), 0);
        QCOMPARE(created.header("Location"), "/api/v1/archive-uploads/" + id.toLatin1());
        for (qint64 offset = 0; offset < archive.size(); offset += 100000) {
            const HttpReply sent = piece(id, offset, archive.mid(offset, 100000));
            QCOMPARE(sent.status, 200);
            QCOMPARE(sent.json().value(u"offset"_qs).toInteger(), std::min<qint64>(offset + 100000, archive.size()));
            QCOMPARE(sent.header("Upload-Offset").toLongLong(), std::min<qint64>(offset + 100000, archive.size()));
        }
        QCOMPARE(offsetOf(id), archive.size());
        // HEAD answers the same headers, for curl -I.
        RawTcpClient raw;
        QVERIFY(raw.connectTo(m_agent->apiPort()));
        QVERIFY(raw.send("HEAD /api/v1/archive-uploads/" + id.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         "Authorization: Bearer " + m_token.toLatin1() + "\r\n\r\n"));
        const auto head = raw.readResponse(5000, false);
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QCOMPARE(head->header("Upload-Offset").toLongLong(), archive.size());
        QCOMPARE(head->header("Upload-Length").toLongLong(), archive.size());
        const HttpReply version = complete(id);
        QCOMPARE(version.status, 201);
        QCOMPARE(version.json().value(u"source"_qs).toString(), u"archive"_qs);
        HttpTestClient site(m_agent->sitePort());
        QCOMPARE(site.get(u"/"_qs, m_host).body, QByteArray("<h1>pieces</h1>"));
        QCOMPARE(site.get(u"/big.bin"_qs, m_host).body.size(), 300000);
        // The session ended with its archive.
        QCOMPARE(api().get(u"/api/v1/archive-uploads/"_qs + id).errorCode(), u"upload.not_found"_qs);
        QCOMPARE(sessionFolders(), QStringList());
        QCOMPARE(m_agent->stagingLeftovers(), QStringList());
    }

    void cutMidPieceResumesAtTheReportedOffset()
    {
        const QByteArray archive = siteZip("<h1>cut</h1>", 400000, 2);
        const HttpReply created = create(archive.size(), sha(archive));
        const QString id = created.json().value(u"id"_qs).toString();
        RawTcpClient raw;
        QVERIFY(raw.connectTo(m_agent->apiPort()));
        const QByteArray head = "PATCH /api/v1/archive-uploads/" + id.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Authorization: Bearer " + m_token.toLatin1() + "\r\nUpload-Offset: 0\r\n"
            "Content-Length: " + QByteArray::number(archive.size()) + "\r\n\r\n";
        QVERIFY(raw.send(head + archive.left(150000)));
        QTRY_COMPARE(offsetOf(id), qint64(150000)); // what arrived is kept
        raw.close();
        // Until the agent notices the cut the piece may still hold the session.
        HttpReply rest;
        const QDeadlineTimer deadline(10000);
        do {
            rest = piece(id, 150000, archive.mid(150000));
        } while (rest.errorCode() == u"upload.busy" && !deadline.hasExpired());
        QCOMPARE(rest.status, 200);
        QCOMPARE(complete(id).status, 201);
        QCOMPARE(HttpTestClient(m_agent->sitePort()).get(u"/"_qs, m_host).body, QByteArray("<h1>cut</h1>"));
    }

    void wrongOffsetAnswersTheCurrentOne()
    {
        const QByteArray archive = siteZip("<h1>offset</h1>", 1000, 3);
        const QString id = create(archive.size()).json().value(u"id"_qs).toString();
        QCOMPARE(piece(id, 0, archive.left(500)).status, 200);
        const HttpReply wrong = piece(id, 100, archive.mid(100));
        QCOMPARE(wrong.status, 409);
        QCOMPARE(wrong.errorCode(), u"upload.offset_mismatch"_qs);
        QCOMPARE(wrong.json()[u"error"_qs][u"details"_qs][u"offset"_qs].toInteger(), 500);
        const HttpReply missing = api().send("PATCH", u"/api/v1/archive-uploads/"_qs + id, archive.mid(500));
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.errorCode(), u"request.invalid_field"_qs);
        const HttpReply beyond = piece(id, 500, archive.mid(500) + "extra");
        QCOMPARE(beyond.status, 413);
        QCOMPARE(beyond.errorCode(), u"upload.too_large"_qs);
        QCOMPARE(offsetOf(id), qint64(500));
        // Content-Range names the offset as well.
        const HttpReply ranged = api().send("PATCH", u"/api/v1/archive-uploads/"_qs + id, archive.mid(500),
                                            {{"Content-Range", u"bytes 500-%1/%2"_qs.arg(archive.size() - 1).arg(archive.size()).toLatin1()}});
        QCOMPARE(ranged.status, 200);
        QCOMPARE(api().del(u"/api/v1/archive-uploads/"_qs + id).status, 204);
        QCOMPARE(offsetOf(id), qint64(-404));
    }

    void completionChecksSizeAndHash()
    {
        const int versions = versionCount();
        const QByteArray archive = siteZip("<h1>hash</h1>", 2000, 4);
        const QString id = create(archive.size(), sha(archive)).json().value(u"id"_qs).toString();
        QCOMPARE(piece(id, 0, archive.left(1000)).status, 200);
        const HttpReply early = complete(id);
        QCOMPARE(early.status, 409);
        QCOMPARE(early.errorCode(), u"upload.incomplete"_qs);
        QCOMPARE(early.json()[u"error"_qs][u"details"_qs][u"offset"_qs].toInteger(), 1000);
        QCOMPARE(offsetOf(id), qint64(1000)); // still open
        QByteArray wrong = archive.mid(1000);
        wrong[10] = char(wrong[10] ^ 0x55);
        QCOMPARE(piece(id, 1000, wrong).status, 200);
        const HttpReply mismatch = complete(id);
        QCOMPARE(mismatch.status, 422);
        QCOMPARE(mismatch.errorCode(), u"upload.hash_mismatch"_qs);
        QCOMPARE(offsetOf(id), qint64(-404));
        QCOMPARE(versionCount(), versions);
        QCOMPARE(sessionFolders(), QStringList());

        // Without a declared hash a damaged archive fails as a one-shot one would.
        const QByteArray junk(5000, 'j');
        const QString plain = create(junk.size()).json().value(u"id"_qs).toString();
        QCOMPARE(piece(plain, 0, junk).status, 200);
        const HttpReply refused = complete(plain);
        QVERIFY2(refused.errorCode().startsWith(u"archive."_qs), refused.body.constData());
        QCOMPARE(versionCount(), versions);
        QCOMPARE(offsetOf(plain), qint64(-404));
        QCOMPARE(sessionFolders(), QStringList());
        QCOMPARE(m_agent->stagingLeftovers(), QStringList());
    }

    void creationRefusals()
    {
        const HttpReply tooLarge = create(m_agent->config.maxUploadBytes + 1);
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.errorCode(), u"archive.too_large"_qs);
        const HttpReply badHash = create(10, u"ABC"_qs);
        QCOMPARE(badHash.status, 400);
        QCOMPARE(badHash.errorCode(), u"request.invalid_field"_qs);
        const HttpReply badSize = api().post(u"/api/v1/projects/%1/archive-uploads"_qs.arg(m_project), {{u"size"_qs, -1}});
        QCOMPARE(badSize.errorCode(), u"request.invalid_field"_qs);
        const HttpReply noProject = api().post(u"/api/v1/projects/999999/archive-uploads"_qs, {{u"size"_qs, 10}});
        QCOMPARE(noProject.status, 404);
        QCOMPARE(noProject.errorCode(), u"project.not_found"_qs);
    }

    void otherUsersSeeNothing()
    {
        const QString id = create(100).json().value(u"id"_qs).toString();
        const QString mallory = userToken(u"mallory@example.com"_qs);
        QVERIFY(!mallory.isEmpty());
        QCOMPARE(api(mallory).get(u"/api/v1/archive-uploads/"_qs + id).errorCode(), u"upload.not_found"_qs);
        QCOMPARE(piece(id, 0, QByteArray(10, 'x'), mallory).errorCode(), u"upload.not_found"_qs);
        QCOMPARE(complete(id, false, mallory).errorCode(), u"upload.not_found"_qs);
        QCOMPARE(api(mallory).del(u"/api/v1/archive-uploads/"_qs + id).status, 404);
        QCOMPARE(api(mallory).get(u"/api/v1/projects/%1/archive-uploads"_qs.arg(m_project)).status, 404);
        QCOMPARE(offsetOf(id), qint64(0));
        QCOMPARE(api().del(u"/api/v1/archive-uploads/"_qs + id).status, 204);
    }

    void openSessionsPerUserAreLimited()
    {
        const QString carol = userToken(u"carol@example.com"_qs);
        const qint64 project = api(carol).post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Carol"_qs}}).json().value(u"id"_qs).toInteger();
        const QString path = u"/api/v1/projects/%1/archive-uploads"_qs.arg(project);
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            const HttpReply created = api(carol).post(path, {{u"size"_qs, 10}});
            QCOMPARE(created.status, 201);
            ids.append(created.json().value(u"id"_qs).toString());
        }
        const HttpReply fourth = api(carol).post(path, {{u"size"_qs, 10}});
        QCOMPARE(fourth.status, 409);
        QCOMPARE(fourth.errorCode(), u"upload.too_many_sessions"_qs);
        QCOMPARE(api(carol).get(path).json().value(u"uploads"_qs).toArray().size(), 3);
        QCOMPARE(create(10).status, 201); // others are not limited by carol's
        QCOMPARE(api(carol).del(u"/api/v1/archive-uploads/"_qs + ids.first()).status, 204);
        QCOMPARE(api(carol).post(path, {{u"size"_qs, 10}}).status, 201);
        for (const QJsonValue &open : api().get(u"/api/v1/projects/%1/archive-uploads"_qs.arg(m_project)).json().value(u"uploads"_qs).toArray())
            QCOMPARE(api().del(u"/api/v1/archive-uploads/"_qs + open[u"id"_qs].toString()).status, 204);
    }

    void idleSessionsExpireAndAreSwept()
    {
        const QString id = create(1000).json().value(u"id"_qs).toString();
        QCOMPARE(piece(id, 0, QByteArray(400, 'a')).status, 200);
        // Login tokens live an hour: a fresh one after each leap of the clock.
        m_agent->clock.advanceMs(23LL * 3600 * 1000);
        login();
        QCOMPARE(piece(id, 400, QByteArray(100, 'a')).status, 200); // activity moves the expiry on
        m_agent->clock.advanceMs(23LL * 3600 * 1000);
        login();
        QCOMPARE(offsetOf(id), qint64(500));
        m_agent->clock.advanceMs(2LL * 3600 * 1000);
        login();
        QCOMPARE(offsetOf(id), qint64(-404));
        QVERIFY(sessionFolders().contains(id)); // until the next sweep
        const QString next = create(10).json().value(u"id"_qs).toString();
        QCOMPARE(sessionFolders(), QStringList{next});
        QCOMPARE(api().del(u"/api/v1/archive-uploads/"_qs + next).status, 204);
    }

    // Last: the agent restarts.
    void restartBetweenPiecesKeepsTheSession()
    {
        const QByteArray archive = siteZip("<h1>restart</h1>", 200000, 5);
        const QString id = create(archive.size(), sha(archive)).json().value(u"id"_qs).toString();
        QCOMPARE(piece(id, 0, archive.left(120000)).status, 200);
        m_agent->stop();
        QVERIFY(m_agent->start());
        login();
        QCOMPARE(offsetOf(id), qint64(120000));
        QCOMPARE(piece(id, 120000, archive.mid(120000)).status, 200);
        QCOMPARE(complete(id).status, 201);
        QCOMPARE(HttpTestClient(m_agent->sitePort()).get(u"/"_qs, m_host).body, QByteArray("<h1>restart</h1>"));
        QCOMPARE(sendWhole(siteZip("<h1>again</h1>", 1000, 6), 300).status, 201);
        QCOMPARE(sessionFolders(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestArchiveUploads)
#include "tst_archiveuploads.moc"
