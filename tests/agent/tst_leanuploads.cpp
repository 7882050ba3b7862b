// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Lean redeploys over real sockets: a manifest told against a version the
// agent has ({"base", "changed", "removed"}), gzip-compressed manifests and
// blobs, and every refusal of those forms with its stable code.
#include "tests/support/agentfixture.h"
#include "tests/support/deflate.h"

#include <QCryptographicHash>
#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::Deflate;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;

namespace {

const QString kPassword = u"correct horse battery"_qs;
using Headers = QList<std::pair<QByteArray, QByteArray>>;

QByteArray sha(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QJsonObject fileEntry(const QString &path, const QByteArray &data)
{
    return {{u"path"_qs, path}, {u"sha256"_qs, QString::fromLatin1(sha(data))}, {u"size"_qs, data.size()}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject patch(qint64 base, const QJsonArray &changed, const QStringList &removed = {})
{
    return {{u"base"_qs, base}, {u"changed"_qs, changed}, {u"removed"_qs, QJsonArray::fromStringList(removed)}};
}

} // namespace

class TestLeanUploads final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    qint64 m_project = 0;
    qint64 m_base = 0; // version 1 of m_project: index.html, about.html, old.html
    qint64 m_live = 0; // the project's live version (-1 in test data stands for it)
    QByteArray m_host;

    HttpTestClient api(const QString &token = {})
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(token.isEmpty() ? m_token : token);
        return http;
    }

    HttpReply startRaw(const QByteArray &body, const Headers &extra = {}, qint64 project = 0,
                       const QString &token = {})
    {
        Headers headers{{"Content-Type", "application/json"}};
        headers.append(extra);
        return api(token).send("POST", u"/api/v1/projects/%1/uploads"_qs.arg(project ? project : m_project), body,
                               headers);
    }

    HttpReply startGzip(const QJsonObject &manifest) { return startRaw(Deflate::gzip(json(manifest)), {{"Content-Encoding", "gzip"}}); }

    HttpReply putBlob(const QString &upload, const QByteArray &hash, const QByteArray &body, const Headers &extra = {})
    {
        Headers headers{{"Content-Type", "application/octet-stream"}};
        headers.append(extra);
        return api().send("PUT", u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, QString::fromLatin1(hash)), body, headers);
    }

    qint64 deployFull(const QList<std::pair<QString, QByteArray>> &files, qint64 project)
    {
        QJsonArray entries;
        for (const auto &[path, data] : files)
            entries.append(fileEntry(path, data));
        const HttpReply plan = startRaw(json({{u"files"_qs, entries}}), {}, project);
        const QString upload = plan.json().value(u"uploadId"_qs).toString();
        for (const auto &[path, data] : files)
            putBlob(upload, sha(data), data);
        const HttpReply version = api().post(u"/api/v1/uploads/%1/finalize"_qs.arg(upload), {{u"activate"_qs, true}});
        return version.json().value(u"id"_qs).toInteger();
    }

    qint64 newProject(const QString &name, const QString &token = {})
    {
        return api(token).post(u"/api/v1/projects"_qs, {{u"name"_qs, name}}).json().value(u"id"_qs).toInteger();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        const HttpReply project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Lean"_qs}});
        m_project = project.json().value(u"id"_qs).toInteger();
        m_host = project.json().value(u"stagingHost"_qs).toString().toLatin1();
        m_base = deployFull({{u"index.html"_qs, "<h1>one</h1>"}, {u"about.html"_qs, "<p>about</p>"},
                             {u"old.html"_qs, "<p>old</p>"}},
                            m_project);
        QVERIFY(m_base > 0);
        m_live = m_base;
    }

    void cleanupTestCase() { m_agent.reset(); }

    void baseRelativeGzipManifestWithGzipBlobs()
    {
        const QByteArray index = "<h1>two</h1>" + QByteArray(5000, 'x');
        const QByteArray fresh = "<p>new page</p>";
        const HttpReply plan = startGzip(patch(m_base, {fileEntry(u"index.html"_qs, index), fileEntry(u"new.html"_qs, fresh)},
                                               {u"old.html"_qs}));
        QCOMPARE(plan.status, 201);
        QCOMPARE(plan.json().value(u"missing"_qs).toArray().size(), 2);
        const QJsonObject diff = plan.json().value(u"diff"_qs).toObject();
        QCOMPARE(diff.value(u"added"_qs).toInt(), 1);
        QCOMPARE(diff.value(u"changed"_qs).toInt(), 1);
        QCOMPARE(diff.value(u"removed"_qs).toInt(), 1);
        const QString upload = plan.json().value(u"uploadId"_qs).toString();
        const QByteArray packed = Deflate::gzip(index);
        QVERIFY(packed.size() < index.size() / 4);
        const HttpReply blob = putBlob(upload, sha(index), packed, {{"Content-Encoding", "gzip"}});
        QCOMPARE(blob.status, 200);
        QCOMPARE(blob.json().value(u"complete"_qs).toBool(), true);
        QCOMPARE(blob.json().value(u"received"_qs).toInteger(), index.size());
        QCOMPARE(putBlob(upload, sha(fresh), fresh).status, 200);
        const HttpReply version = api().post(u"/api/v1/uploads/%1/finalize"_qs.arg(upload), {{u"activate"_qs, true}});
        QCOMPARE(version.status, 201);
        QCOMPARE(version.json().value(u"fileCount"_qs).toInt(), 3);
        m_live = version.json().value(u"id"_qs).toInteger();

        HttpTestClient site(m_agent->sitePort());
        QCOMPARE(site.get(u"/"_qs, m_host).body, index);
        QCOMPARE(site.get(u"/new.html"_qs, m_host).body, fresh);
        QCOMPARE(site.get(u"/about.html"_qs, m_host).body, QByteArray("<p>about</p>"));
        QCOMPARE(site.get(u"/old.html"_qs, m_host).status, 404);
    }

    void plainBaseRelativeManifestIsAcceptedToo()
    {
        const HttpReply plan = startRaw(json(patch(m_base, {})));
        QCOMPARE(plan.status, 201);
        QCOMPARE(plan.json().value(u"missing"_qs).toArray().size(), 0);
    }

    void manifestRefusals_data()
    {
        QTest::addColumn<QJsonObject>("manifest");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QJsonObject page = fileEntry(u"page.html"_qs, "<p>page</p>");
        QTest::newRow("unknown base") << patch(987654, {page}) << 404 << u"upload.base_not_found"_qs;
        QTest::newRow("removed path not in base") << patch(-1, {}, {u"missing.html"_qs}) << 422
                                                  << u"manifest.not_in_base"_qs;
        QTest::newRow("changed and removed") << patch(-1, {fileEntry(u"about.html"_qs, "x")}, {u"about.html"_qs})
                                             << 400 << u"manifest.invalid"_qs;
        QTest::newRow("removed twice") << patch(-1, {}, {u"about.html"_qs, u"about.html"_qs}) << 400
                                       << u"manifest.invalid"_qs;
        QJsonObject both = patch(-1, {page});
        both.insert(u"files"_qs, QJsonArray{page});
        QTest::newRow("files beside base") << both << 400 << u"manifest.invalid"_qs;
        QTest::newRow("base not an id") << QJsonObject{{u"base"_qs, u"1"_qs}, {u"changed"_qs, QJsonArray{}}} << 400
                                        << u"manifest.invalid"_qs;
        QTest::newRow("changed not a list") << QJsonObject{{u"base"_qs, -1}, {u"changed"_qs, page}} << 400
                                            << u"manifest.invalid"_qs;
        QTest::newRow("bad changed entry") << patch(-1, {QJsonObject{{u"path"_qs, u"a.html"_qs}}}) << 400
                                           << u"manifest.invalid"_qs;
        QTest::newRow("unsafe changed path") << patch(-1, {fileEntry(u"../etc/passwd"_qs, "x")}) << 400
                                             << u"archive.path_traversal"_qs;
        QTest::newRow("changed twice") << patch(-1, {page, page}) << 400 << u"archive.duplicate_entry"_qs;
        QTest::newRow("case collision with base") << patch(-1, {fileEntry(u"About.html"_qs, "x")}) << 400
                                                  << u"archive.case_collision"_qs;
        QTest::newRow("nothing left") << patch(-1, {}, {u"index.html"_qs, u"about.html"_qs, u"new.html"_qs}) << 400
                                      << u"archive.empty"_qs;
    }

    void manifestRefusals()
    {
        QFETCH(QJsonObject, manifest);
        QFETCH(int, status);
        QFETCH(QString, code);
        if (manifest.value(u"base"_qs).toInteger() == -1)
            manifest.insert(u"base"_qs, m_live);
        for (const bool compressed : {false, true}) {
            const HttpReply reply = compressed ? startGzip(manifest) : startRaw(json(manifest));
            QCOMPARE(reply.errorCode(), code);
            QCOMPARE(reply.status, status);
        }
    }

    // Versions of other projects, the caller's own or not, are no base.
    void baseOfAnotherProjectIsRefused()
    {
        const qint64 mine = newProject(u"Second"_qs);
        const qint64 other = deployFull({{u"index.html"_qs, "<p>second</p>"}}, mine);
        QVERIFY(other > 0);
        QCOMPARE(startRaw(json(patch(other, {}))).errorCode(), u"upload.base_not_found"_qs);

        QVERIFY(m_agent->addUser(u"stranger@example.com"_qs, kPassword));
        const QString stranger = m_agent->login(u"stranger@example.com"_qs, kPassword);
        const qint64 theirs = newProject(u"Theirs"_qs, stranger);
        const HttpReply reply = startRaw(json(patch(m_base, {})), {}, theirs, stranger);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), u"upload.base_not_found"_qs);
    }

    void encodingRefusals_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray manifest = json(patch(1, {}));
        const QByteArray packed = Deflate::gzip(manifest);
        QTest::newRow("not gzip") << QByteArray("gzip") << manifest << 400 << u"request.invalid_encoding"_qs;
        QTest::newRow("truncated") << QByteArray("gzip") << packed.left(packed.size() - 6) << 400
                                   << u"request.invalid_encoding"_qs;
        QTest::newRow("bad checksum") << QByteArray("gzip") << Deflate::withBadGzipTrailer(packed) << 400
                                      << u"request.invalid_encoding"_qs;
        QTest::newRow("trailing bytes") << QByteArray("gzip") << packed + "junk" << 400 << u"request.invalid_encoding"_qs;
        QTest::newRow("brotli") << QByteArray("br") << manifest << 415 << u"request.unsupported_encoding"_qs;
        // 65 MiB of spaces pack into about 65 KiB: past the 64 MiB a manifest may decode to.
        QTest::newRow("bomb") << QByteArray("gzip") << Deflate::gzip(QByteArray(65 << 20, ' ')) << 413
                              << u"request.too_large"_qs;
    }

    void encodingRefusals()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpReply reply = startRaw(body, {{"Content-Encoding", encoding}});
        QCOMPARE(reply.errorCode(), code);
        QCOMPARE(reply.status, status);
    }

    void blobEncodingRefusals()
    {
        const QByteArray data = "<p>blob " + QByteArray(3000, 'y') + "</p>";
        const HttpReply plan = startRaw(json(patch(m_live, {fileEntry(u"blob.html"_qs, data)})));
        QCOMPARE(plan.status, 201);
        const QString upload = plan.json().value(u"uploadId"_qs).toString();
        const HttpReply damaged = putBlob(upload, sha(data), data, {{"Content-Encoding", "gzip"}});
        QCOMPARE(damaged.errorCode(), u"request.invalid_encoding"_qs);
        QCOMPARE(damaged.status, 400);
        const HttpReply unknown = putBlob(upload, sha(data), data, {{"Content-Encoding", "zstd"}});
        QCOMPARE(unknown.errorCode(), u"request.unsupported_encoding"_qs);
        // More decoded bytes than the manifest declared: stopped at the declared size.
        const HttpReply bomb = putBlob(upload, sha(data), Deflate::gzip(QByteArray(8 << 20, 'y')),
                                       {{"Content-Encoding", "gzip"}});
        QCOMPARE(bomb.errorCode(), u"blob.too_large"_qs);
        QCOMPARE(bomb.status, 413);
        // Nothing of the refused bodies stays behind to spoil the real upload.
        const HttpReply status = api().get(u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, QString::fromLatin1(sha(data))));
        QCOMPARE(status.json().value(u"received"_qs).toInteger(), 0);
        const HttpReply good = putBlob(upload, sha(data), Deflate::gzip(data), {{"Content-Encoding", "gzip"}});
        QCOMPARE(good.status, 200);
        QCOMPARE(good.json().value(u"complete"_qs).toBool(), true);
    }

};

QTEST_GUILESS_MAIN(TestLeanUploads)
#include "tst_leanuploads.moc"
