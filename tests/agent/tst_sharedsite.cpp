// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The agent with blobs.s3.* set, against a real S3 server (radosgw,
// tests/support/radosgw-fixture.sh): deploys publish every blob before the
// version exists, serving fetches what this machine lacks, deleted versions'
// blobs leave the bucket in time, and an unreachable bucket refuses deploys
// with 503 while what is here is served.
#include "agent/agent.h"
#include "agent/http/s3objectstore.h"
#include "core/backup/backupwriter.h"
#include "core/backup/storecheck.h"
#include "core/blobs/blobstore.h"
#include "core/blobs/sha256.h"
#include "core/blobs/sharedblobs.h"
#include "core/deploy/bucketcollector.h"
#include "tests/cli/dddrunner.h"
#include "tests/support/agentfixture.h"
#include "tests/support/radosgwfixture.h"
#include "tests/support/refusingport.h"
#include "tests/support/testbucket.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/zipbuilder.h"

#include <QTemporaryFile>
#include <QtTest>

using ddd::agent::http::S3Endpoint;
using ddd::agent::http::S3ObjectStore;
using ddd::core::backup::BackupRequest;
using ddd::core::backup::BackupWriter;
using ddd::core::backup::CheckReport;
using ddd::core::backup::StoreCheck;
using ddd::core::blobs::Sha256;
using ddd::core::blobs::SharedBlobs;
using ddd::test::AgentFixture;
using ddd::test::DddRunner;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::RadosgwFixture;
using ddd::test::RefusingPort;
using ddd::test::TestBucket;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::ZipBuilder;

namespace {

const QString kPassword = u"correct horse battery"_qs;
const QByteArray kDomain = "www.shared.test";

} // namespace

class TestSharedSite final : public QObject
{
    Q_OBJECT

    RadosgwFixture m_radosgw;
    S3Endpoint m_endpoint;
    std::unique_ptr<S3ObjectStore> m_bucket;
    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    qint64 m_project = 0;

    HttpTestClient api()
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_token);
        return http;
    }

    void useBucket(const S3Endpoint &endpoint)
    {
        m_agent->config.s3 = TestBucket::settingsFor(endpoint);
    }

    // Waits for the background precompression too: it reads the new blobs,
    // so a blob a test deletes afterwards stays deleted.
    HttpReply deploy(const QByteArray &zip)
    {
        HttpReply reply = api().send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_project), zip,
                                     {{"Content-Type", "application/zip"}});
        m_agent->agent().waitForVariants();
        return reply;
    }

    RawResponse visit(const QByteArray &target)
    {
        RawTcpClient client;
        if (!client.connectTo(m_agent->sitePort())
            || !client.send("GET " + target + " HTTP/1.1\r\nHost: " + kDomain + "\r\n\r\n"))
            return {};
        return client.readResponse(30000).value_or(RawResponse());
    }

    QSet<QByteArray> objectsInBucket() { return TestBucket::blobKeys(*m_bucket); }

    QString localBlob(const QByteArray &content) const
    {
        return ddd::core::blobs::BlobStore(m_agent->dataDir()).pathFor(Sha256::hexOf(content));
    }

    // Bytes of blobs on this machine, variants (local-only) left out.
    qint64 localBlobBytes() const
    {
        qint64 total = 0;
        QDirIterator files(m_agent->dataDir() + u"/blobs"_qs, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QFileInfo file = files.nextFileInfo();
            if (!file.fileName().contains(u'.'))
                total += file.size();
        }
        return total;
    }

    // As if the blob of `content` was last written or read `ageMs` ago.
    bool age(const QByteArray &content, qint64 ageMs) const
    {
        QFile file(localBlob(content));
        return file.open(QIODevice::ReadWrite)
            && file.setFileTime(QDateTime::currentDateTime().addMSecs(-ageMs), QFileDevice::FileModificationTime);
    }

    HttpReply uploadSource(const QByteArray &zip)
    {
        return api().send("POST", u"/api/v1/projects/%1/sources"_qs.arg(m_project), zip,
                          {{"Content-Type", "application/zip"}});
    }

    qsizetype sourceCount()
    {
        return api().get(u"/api/v1/projects/%1/sources"_qs.arg(m_project)).items().size();
    }

    qsizetype versionCount()
    {
        return api().get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)).items().size();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const std::optional<RadosgwFixture::Server> server = m_radosgw.start();
        QVERIFY2(server, qPrintable(m_radosgw.failure()));
        auto bucket = TestBucket::create(*server, "ddd-sites", "agents/");
        QVERIFY2(bucket, qPrintable(bucket ? QString() : bucket.error().message));
        m_endpoint = *bucket;
        m_bucket = std::make_unique<S3ObjectStore>(m_endpoint);

        m_agent = std::make_unique<AgentFixture>();
        useBucket(m_endpoint);
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        const HttpReply created2 = api().post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Shared"_qs},
                                                                                  {u"domain"_qs, QString::fromLatin1(kDomain)}});
        QCOMPARE(created2.status, 201);
        m_project = created2.json().value(u"id"_qs).toInteger();
    }

    // Every distinct content goes up once, before the version is recorded;
    // a later deploy sends only what is new.
    void deployPublishesItsBlobsFirst()
    {
        const HttpReply first = deploy(ZipBuilder().file("index.html", "home").file("copy.html", "home")
                                           .file("app.js", "console.log(1)").build());
        QCOMPARE(first.status, 201);
        const QSet<QByteArray> expected{SharedBlobs::keyFor(Sha256::hexOf("home")),
                                        SharedBlobs::keyFor(Sha256::hexOf("console.log(1)"))};
        QCOMPARE(objectsInBucket(), expected);

        const HttpReply second = deploy(ZipBuilder().file("index.html", "home").file("app.js", "console.log(2)").build());
        QCOMPARE(second.status, 201);
        QCOMPARE(objectsInBucket(), expected + QSet<QByteArray>{SharedBlobs::keyFor(Sha256::hexOf("console.log(2)"))});
        QCOMPARE(visit("/app.js").body, QByteArray("console.log(2)"));
    }

    // A source goes up before its row is written, so an agent with the
    // build role elsewhere finds its files.
    void sourcePublishesItsBlobsFirst()
    {
        const QByteArray page = "a source page only";
        const HttpReply uploaded = uploadSource(ZipBuilder().file("index.html", page).build());
        QCOMPARE(uploaded.status, 201);
        QVERIFY(objectsInBucket().contains(SharedBlobs::keyFor(Sha256::hexOf(page))));
    }

    // This machine lost a blob (or never had it): the first request fetches
    // it, checked, and it is served and kept.
    void missingBlobIsFetchedFromTheBucket()
    {
        const QByteArray page = "<h1>fetched on demand</h1>";
        QCOMPARE(deploy(ZipBuilder().file("index.html", page).file("404.html", "gone").build()).status, 201);
        QVERIFY(QFile::remove(localBlob(page)));
        QVERIFY(QFile::remove(localBlob("gone")));

        const RawResponse home = visit("/");
        QCOMPARE(home.status, 200);
        QCOMPARE(home.body, page);
        QVERIFY(QFile::exists(localBlob(page)));
        const RawResponse missing = visit("/nothing-here"); // the 404 page's blob, too
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.body, QByteArray("gone"));
        QVERIFY(m_agent->stagingLeftovers().isEmpty());
    }

    // `ddd-agent backup` and `check` beside a cache that lacks a blob the
    // bucket holds: the backup copies it from the bucket, the check counts
    // it as held there; without the bucket both name it missing.
    void backupAndCheckReachIntoTheBucket()
    {
        const QByteArray evicted = "evicted here, kept in the bucket";
        QCOMPARE(deploy(ZipBuilder().file("index.html", evicted).build()).status, 201);
        QVERIFY(QFile::remove(localBlob(evicted)));
        const QString name = QString::fromLatin1(Sha256::hexOf(evicted));

        const CheckReport alone = StoreCheck::run(m_agent->dataDir());
        QCOMPARE(alone.problems.size(), 1);
        QCOMPARE(alone.problems.first().code, u"check.blob_missing"_qs);
        const CheckReport shared = StoreCheck::run(m_agent->dataDir(), 2, m_bucket.get());
        QVERIFY2(shared.ok(), qPrintable(shared.toText()));
        QCOMPARE(shared.counts.value(u"blobs_in_bucket"_qs), 1);

        ddd::test::TempDataRoot backups;
        BackupRequest request{m_agent->dataDir(), backups.file(u"without"_qs), {}, u"test"_qs, 0, nullptr};
        QCOMPARE(BackupWriter::write(request).error().code, u"backup.blob_missing"_qs);
        request.destination = backups.file(u"with"_qs);
        request.sharedBlobs = m_bucket.get();
        QVERIFY(BackupWriter::write(request));
        QFile copy(ddd::core::blobs::BlobStore(request.destination).pathFor(Sha256::hexOf(evicted)));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), evicted);
        QVERIFY(StoreCheck::run(request.destination).ok()); // whole on its own
        QVERIFY(!QFile::exists(localBlob(evicted)));         // the backup did not fill the cache

        QVERIFY(m_bucket->remove(SharedBlobs::keyFor(Sha256::hexOf(evicted))));
        const CheckReport lost = StoreCheck::run(m_agent->dataDir(), 2, m_bucket.get());
        QCOMPARE(lost.problems.size(), 1);
        QVERIFY(lost.problems.first().message.contains(u"lost it too"_qs));
        QVERIFY(lost.problems.first().message.contains(name));
        QVERIFY(m_bucket->putIfAbsent(SharedBlobs::keyFor(Sha256::hexOf(evicted)), copy.fileName(), Sha256::hexOf(evicted)));
    }

    // Neither here nor in the bucket: a server error, never a partial answer.
    void blobLostEverywhereIsAServerError()
    {
        const QByteArray page = "lost twice";
        QCOMPARE(deploy(ZipBuilder().file("index.html", page).build()).status, 201);
        QVERIFY(m_bucket->remove(SharedBlobs::keyFor(Sha256::hexOf(page))));
        QVERIFY(QFile::remove(localBlob(page)));
        const RawResponse answer = visit("/");
        QCOMPARE(answer.status, 500);
        QVERIFY(!answer.body.contains(page));
        QVERIFY(!QFile::exists(localBlob(page)));
    }

    // A deleted version's blobs leave the bucket once no deploy claimed
    // them for the grace period; what a live version uses stays.
    void deletedVersionsLeaveTheBucketAfterTheGrace()
    {
        const QByteArray kept = "in both versions", dropped = "only in the deleted one";
        const HttpReply first = deploy(ZipBuilder().file("index.html", kept).file("old.html", dropped).build());
        QCOMPARE(first.status, 201);
        QCOMPARE(deploy(ZipBuilder().file("index.html", kept).build()).status, 201);
        QCOMPARE(api().send("DELETE", u"/api/v1/deploys/%1"_qs.arg(first.json().value(u"id"_qs).toInteger())).status,
                 204);
        const QByteArray droppedKey = SharedBlobs::keyFor(Sha256::hexOf(dropped));
        m_agent->agent().sweepBucketNow();
        QVERIFY(objectsInBucket().contains(droppedKey)); // claimed by its deploy a moment ago

        m_agent->clock.advanceMs(ddd::core::deploy::BucketCollector::DefaultGraceMs + 1);
        m_agent->agent().sweepBucketNow();
        QVERIFY(!objectsInBucket().contains(droppedKey));
        QVERIFY(objectsInBucket().contains(SharedBlobs::keyFor(Sha256::hexOf(kept))));
        QCOMPARE(visit("/").body, kept);
    }

    // An object put into the bucket by an agent that died before recording
    // it (here: put directly) is found by listing the real bucket, kept for
    // the grace period, then deleted.
    void objectsNobodyRecordedLeaveAfterTheGrace()
    {
        const QByteArray stray = "uploaded by an agent that died before recording it";
        const QByteArray sha256 = Sha256::hexOf(stray);
        QTemporaryFile file;
        QVERIFY(file.open() && file.write(stray) == stray.size() && file.flush());
        QVERIFY(m_bucket->putIfAbsent(SharedBlobs::keyFor(sha256), file.fileName(), sha256));
        m_agent->agent().sweepBucketNow();
        QVERIFY(objectsInBucket().contains(SharedBlobs::keyFor(sha256)));
        m_agent->clock.advanceMs(ddd::core::deploy::BucketCollector::DefaultGraceMs + 1);
        m_agent->agent().sweepBucketNow();
        QVERIFY(!objectsInBucket().contains(SharedBlobs::keyFor(sha256)));
        QCOMPARE(visit("/").status, 200);
    }

    // blobs.cache_max_bytes: past the cap the least recently read blobs the
    // bucket holds are deleted here (never the rules files), and whatever
    // needs one again (a request, a rollback reading `_redirects`) fetches it back.
    void cappedCacheEvictsAndFetchesBack()
    {
        m_agent->stop();
        m_agent->clock.setMs(QDateTime::currentMSecsSinceEpoch()); // file times are real ones
        const qint64 cap = 96 * 1024; // the first version fits, the second does not
        m_agent->config.blobCacheMaxBytes = cap;
        QVERIFY(m_agent->start());
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);

        const QByteArray rules = "/old /page0.html 301\n";
        ZipBuilder site;
        site.file("_redirects", rules);
        QList<QByteArray> pages;
        for (int i = 0; i < 10; ++i) {
            pages.append(QByteArray("page ") + QByteArray::number(i) + QByteArray(8 * 1024, 'x'));
            site.file(QByteArray("page") + QByteArray::number(i) + ".html", pages.last());
        }
        const HttpReply first = deploy(site.build());
        QCOMPARE(first.status, 201);
        QVERIFY(age(rules, 5 * 3'600'000)); // the oldest of all, yet kept: it is a rules file
        for (int i = 0; i < 10; ++i) // page0 the oldest
            QVERIFY(age(pages.at(i), 3 * 3'600'000 - i * 60'000));
        QCOMPARE(visit("/page9.html").status, 200); // read now: it stays

        const QByteArray large(32 * 1024, 'L');
        QCOMPARE(deploy(ZipBuilder().file("index.html", "second").file("large.bin", large).build()).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(localBlobBytes() <= cap, 20000);
        QVERIFY(QFile::exists(localBlob(rules)));
        QVERIFY(!QFile::exists(localBlob(pages.at(0))));
        QVERIFY(QFile::exists(localBlob(pages.at(9))));
        QVERIFY(QFile::exists(localBlob(large))); // just deployed
        QVERIFY(m_bucket->sizeOf(SharedBlobs::keyFor(Sha256::hexOf(rules))).value().has_value());

        QVERIFY(QFile::remove(localBlob(rules))); // as on an agent that never had it: fetched for the rollback
        const HttpReply back = api().post(u"/api/v1/deploys/%1/activate"_qs.arg(first.json().value(u"id"_qs).toInteger()),
                                          QJsonObject());
        QCOMPARE(back.status, 200);
        const RawResponse moved = visit("/old");
        QCOMPARE(moved.status, 301);
        QVERIFY(moved.header("Location").endsWith("/page0.html"));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(visit("/page" + QByteArray::number(i) + ".html").body, pages.at(i));
        m_agent->config.blobCacheMaxBytes = 0;
    }

    // The bucket unreachable: deploys are refused with 503 and record
    // nothing; what this machine holds is still served, what it lacks is
    // 503 with Retry-After.
    // An archive upload in pieces keeps its bytes in the bucket: with this
    // agent's staging folder gone (as on another agent) the next piece and
    // the completion still work, and the pieces leave the bucket with it.
    void archiveUploadPiecesLiveInTheBucket()
    {
        const QByteArray archive = ZipBuilder().file("index.html", "<h1>sent in pieces</h1>").build();
        const HttpReply created = api().post(u"/api/v1/projects/%1/archive-uploads"_qs.arg(m_project),
                                             QJsonObject{{u"size"_qs, archive.size()}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_qs).toString();
        const auto piece = [&](qint64 offset, const QByteArray &bytes) {
            return api().send("PATCH", u"/api/v1/archive-uploads/"_qs + id, bytes,
                              {{"Content-Type", "application/offset+octet-stream"},
                               {"Upload-Offset", QByteArray::number(offset)}});
        };
        QCOMPARE(piece(0, archive.first(100)).status, 200);
        const QByteArray prefix = "archive-uploads/" + id.toLatin1() + '/';
        QCOMPARE(TestBucket::keysUnder(*m_bucket, prefix).size(), 1);
        QVERIFY(QDir(m_agent->dataDir() + u"/staging/archives/"_qs + id).removeRecursively());

        const HttpReply status = api().get(u"/api/v1/archive-uploads/"_qs + id);
        QCOMPARE(status.header("Upload-Offset"), QByteArray("100"));
        QCOMPARE(piece(100, archive.sliced(100)).status, 200);
        QCOMPARE(TestBucket::keysUnder(*m_bucket, prefix).size(), 2);
        const HttpReply version = api().post(u"/api/v1/archive-uploads/%1/complete"_qs.arg(id),
                                             QJsonObject{{u"activate"_qs, true}});
        QCOMPARE(version.status, 201);
        m_agent->agent().waitForVariants();
        QCOMPARE(visit("/").body, QByteArray("<h1>sent in pieces</h1>"));
        QVERIFY(TestBucket::keysUnder(*m_bucket, "archive-uploads/").isEmpty());
    }

    void unreachableBucket()
    {
        const QByteArray kept = "served from the local store", lacking = "only in the bucket";
        QCOMPARE(deploy(ZipBuilder().file("index.html", kept).file("other.html", lacking).build()).status, 201);
        QVERIFY(QFile::remove(localBlob(lacking)));
        const qsizetype versions = versionCount();

        const RefusingPort refusing; // held until the test ends: nothing else can listen there
        QVERIFY(refusing.port());
        S3Endpoint closed = m_endpoint;
        closed.port = refusing.port();
        m_agent->stop();
        useBucket(closed);
        QVERIFY(m_agent->start());
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);

        const HttpReply refused = deploy(ZipBuilder().file("index.html", "never recorded").build());
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.errorCode(), u"objects.unavailable"_qs);
        QCOMPARE(versionCount(), versions);
        QVERIFY(m_agent->stagingLeftovers().isEmpty());
        const qsizetype sources = sourceCount();
        const HttpReply source = uploadSource(ZipBuilder().file("index.html", "never a source").build());
        QCOMPARE(source.status, 503);
        QCOMPARE(source.errorCode(), u"objects.unavailable"_qs);
        QCOMPARE(sourceCount(), sources);
        QVERIFY(m_agent->stagingLeftovers().isEmpty());
        // `ddd deploy` in a CI job: exit 6 (the agent failed), the code on stderr.
        ddd::test::TempDataRoot home;
        QVERIFY(QDir().mkpath(home.file(u"site"_qs)));
        QFile page(home.file(u"site/index.html"_qs));
        QVERIFY(page.open(QIODevice::WriteOnly) && page.write("never recorded either") > 0);
        page.close();
        DddRunner ddd(home.file(u"config"_qs));
        ddd.setVariable(u"DDD_AGENT"_qs, u"http://127.0.0.1:%1"_qs.arg(m_agent->apiPort()));
        ddd.setVariable(u"DDD_TOKEN"_qs, m_token);
        ddd.setVariable(u"DDD_PROJECT"_qs, QString::number(m_project));
        const DddRunner::Run cli = ddd.run({u"deploy"_qs, home.file(u"site"_qs), u"--json"_qs});
        QCOMPARE(cli.exitCode, 6);
        QCOMPARE(cli.errorCode(), u"objects.unavailable"_qs);
        QCOMPARE(versionCount(), versions);

        const RawResponse here = visit("/");
        QCOMPARE(here.status, 200);
        QCOMPARE(here.body, kept);
        const RawResponse away = visit("/other.html");
        QCOMPARE(away.status, 503);
        QCOMPARE(away.header("Retry-After"), QByteArray("5"));
        QVERIFY(!away.body.contains(lacking));
    }
};

QTEST_GUILESS_MAIN(TestSharedSite)
#include "tst_sharedsite.moc"
