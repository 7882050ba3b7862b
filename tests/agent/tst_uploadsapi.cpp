// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The incremental upload protocol over real sockets: manifest, missing set,
// resumable blob PUTs, hash checks, finalize.
#include "tests/support/agentfixture.h"

#include <QCryptographicHash>
#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;

namespace {

const QString kPassword = u"correct horse battery"_qs;

QByteArray sha(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QJsonObject fileEntry(const QString &path, const QByteArray &data)
{
    return {{u"path"_qs, path}, {u"sha256"_qs, QString::fromLatin1(sha(data))}, {u"size"_qs, data.size()}};
}

} // namespace

class TestUploadsApi final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    qint64 m_project = 0;
    QByteArray m_host;

    HttpTestClient api()
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_token);
        return http;
    }

    HttpReply putBlob(const QString &upload, const QByteArray &hash, const QByteArray &bytes, const QByteArray &range = {})
    {
        QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/octet-stream"}};
        if (!range.isEmpty())
            headers.append({"Content-Range", range});
        return api().send("PUT", u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, QString::fromLatin1(hash)), bytes, headers);
    }

    HttpReply start(const QJsonArray &files)
    {
        return api().post(u"/api/v1/projects/%1/uploads"_qs.arg(m_project), {{u"files"_qs, files}});
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        const HttpReply project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Site"_qs}});
        m_project = project.json().value(u"id"_qs).toInteger();
        m_host = project.json().value(u"stagingHost"_qs).toString().toLatin1();
    }

    void cleanupTestCase() { m_agent.reset(); }

    void fullProtocolWithResumeAndDedup()
    {
        const QByteArray index = "<h1>incremental</h1>";
        const QByteArray big(300000, 'b');
        const HttpReply plan = start({fileEntry(u"index.html"_qs, index), fileEntry(u"big.bin"_qs, big),
                                      fileEntry(u"copy.html"_qs, index)});
        QCOMPARE(plan.status, 201);
        const QString upload = plan.json().value(u"uploadId"_qs).toString();
        QVERIFY(!upload.isEmpty());
        QCOMPARE(plan.json().value(u"missing"_qs).toArray().size(), 2); // identical files sent once

        QCOMPARE(putBlob(upload, sha(index), index).status, 200);
        // The connection "drops" after 100000 bytes of big.bin ...
        const HttpReply first = putBlob(upload, sha(big), big.left(100000), "bytes 0-99999/300000");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(u"received"_qs).toInteger(), 100000);
        QCOMPARE(first.json().value(u"complete"_qs).toBool(), false);
        // ... the client asks where the agent's copy stopped and resumes there.
        const HttpReply status = api().get(u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, QString::fromLatin1(sha(big))));
        QCOMPARE(status.json().value(u"received"_qs).toInteger(), 100000);
        const HttpReply wrongOffset = putBlob(upload, sha(big), big.mid(50000), "bytes 50000-299999/300000");
        QCOMPARE(wrongOffset.status, 409);
        QCOMPARE(wrongOffset.errorCode(), u"upload.offset_mismatch"_qs);
        const HttpReply rest = putBlob(upload, sha(big), big.mid(100000), "bytes 100000-299999/300000");
        QCOMPARE(rest.status, 200);
        QCOMPARE(rest.json().value(u"complete"_qs).toBool(), true);

        const HttpReply version = api().post(u"/api/v1/uploads/%1/finalize"_qs.arg(upload), {{u"activate"_qs, true}});
        QCOMPARE(version.status, 201);
        QCOMPARE(version.json().value(u"source"_qs).toString(), u"incremental"_qs);
        HttpTestClient site(m_agent->sitePort());
        QCOMPARE(site.get(u"/"_qs, m_host).body, index);
        QCOMPARE(site.get(u"/big.bin"_qs, m_host).body, big);

        // A redeploy with one changed file needs only that file.
        const QByteArray changed = "<h1>changed</h1>";
        const HttpReply again = start({fileEntry(u"index.html"_qs, changed), fileEntry(u"big.bin"_qs, big),
                                       fileEntry(u"copy.html"_qs, index)});
        QCOMPARE(again.json().value(u"missing"_qs).toArray(), QJsonArray{QString::fromLatin1(sha(changed))});
    }

    void wrongBytesAreDiscarded()
    {
        const QByteArray data = "the real content";
        const HttpReply plan = start({fileEntry(u"index.html"_qs, data)});
        const QString upload = plan.json().value(u"uploadId"_qs).toString();
        const HttpReply forged = putBlob(upload, sha(data), "something else!!");
        QCOMPARE(forged.status, 400);
        QCOMPARE(forged.errorCode(), u"blob.hash_mismatch"_qs);
        const HttpReply status = api().get(u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, QString::fromLatin1(sha(data))));
        QCOMPARE(status.json().value(u"received"_qs).toInteger(), 0);
        const HttpReply incomplete = api().post(u"/api/v1/uploads/%1/finalize"_qs.arg(upload), {});
        QCOMPARE(incomplete.status, 409);
        QCOMPARE(incomplete.errorCode(), u"upload.incomplete"_qs);
    }

    void refusals()
    {
        QCOMPARE(start({QJsonObject{{u"path"_qs, u"../x"_qs}, {u"sha256"_qs, QString(64, u'a')}, {u"size"_qs, 1}}}).status, 400);
        const HttpReply plan = start({fileEntry(u"a.txt"_qs, "a")});
        const QString upload = plan.json().value(u"uploadId"_qs).toString();
        QCOMPARE(putBlob(upload, sha("not in manifest"), "not in manifest").errorCode(), u"blob.not_in_manifest"_qs);
        QCOMPARE(putBlob(u"0123456789abcdef0123456789abcdef"_qs, sha("a"), "a").errorCode(), u"upload.not_found"_qs);
        QCOMPARE(putBlob(upload, sha("a"), "a", "bytes 5-1/1").errorCode(), u"request.invalid_field"_qs);

        QVERIFY(m_agent->addUser(u"other@example.com"_qs, kPassword));
        HttpTestClient other(m_agent->apiPort());
        other.setToken(m_agent->login(u"other@example.com"_qs, kPassword));
        const HttpReply stolen = other.send("PUT", u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, QString::fromLatin1(sha("a"))), "a");
        QCOMPARE(stolen.errorCode(), u"upload.not_found"_qs);
    }
};

QTEST_GUILESS_MAIN(TestUploadsApi)
#include "tst_uploadsapi.moc"
