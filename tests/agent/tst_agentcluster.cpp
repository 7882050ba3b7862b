// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Two agents sharing one PostgreSQL database and one bucket (a real
// PostgreSQL 15 cluster and a real radosgw): the one with the api role
// takes every change, the one with only the site role serves it within a
// bound: deploys, rollbacks, settings, aliases and removals; what
// agent.roles accepts and refuses; a follower waits for the writer's
// schema. A second writer sharing the bucket writes side by side with the
// first (one without the bucket is refused), and each one's sites follow
// what the other records. Builds queued through one agent's API run on an
// agent with only the build role.
#include "agent/agent.h"
#include "tests/agent/buildtestkit.h"
#include "core/blobs/blobstore.h"
#include "core/blobs/sha256.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/livepointerstore.h"
#include "core/storage/migrations.h"
#include "tests/support/agentfixture.h"
#include "tests/support/postgrestestserver.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/refusingport.h"
#include "tests/support/sharedbackends.h"
#include "tests/support/testbucket.h"
#include "tests/support/zipbuilder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using ddd::agent::AgentConfig;
using ddd::agent::http::S3Endpoint;
using ddd::test::AgentFixture;
using ddd::test::BuildApi;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::PostgresTestServer;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::RefusingPort;
using ddd::test::SharedBackends;
using ddd::test::TestBucket;
using ddd::test::ZipBuilder;

namespace {

const QString kPassword = u"correct horse battery"_qs;
const QByteArray kDomain = "www.cluster.test";
const QByteArray kAlias = "cluster.test";
const QByteArray kTeamPassword = "let me in please";
const QByteArray kTeamLogin = "Authorization: Basic " + ("team:" + kTeamPassword).toBase64() + "\r\n";
// Far above the LAN target (p99 under a second): these machines are noisy.
constexpr int kBoundMs = 10000;

} // namespace

class TestAgentCluster final : public QObject
{
    Q_OBJECT

    SharedBackends m_backends;
    QString m_url;
    std::unique_ptr<AgentFixture> m_writer;
    std::unique_ptr<AgentFixture> m_follower;
    QString m_token;
    qint64 m_project = 0;

    void share(AgentConfig &config, const QString &url) const { m_backends.share(config, url); }

    HttpTestClient api()
    {
        HttpTestClient http(m_writer->apiPort());
        http.setToken(m_token);
        return http;
    }

    HttpReply deploy(const QByteArray &body)
    {
        return api().send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_project),
                          ZipBuilder().file("index.html", body).file("app.js", "console.log('" + body + "')").build(),
                          {{"Content-Type", "application/zip"}});
    }

    static RawResponse visit(quint16 port, const QByteArray &host, const QByteArray &extra = {})
    {
        RawTcpClient client;
        if (!client.connectTo(port) || !client.send("GET / HTTP/1.1\r\nHost: " + host + "\r\n" + extra + "\r\n"))
            return {};
        return client.readResponse(10000).value_or(RawResponse());
    }

    // `target` of the project's site, with the site password.
    static RawResponse fetch(quint16 port, const QByteArray &target)
    {
        RawTcpClient client;
        if (!client.connectTo(port)
            || !client.send("GET " + target + " HTTP/1.1\r\nHost: " + kDomain + "\r\n" + kTeamLogin + "\r\n"))
            return {};
        return client.readResponse(30000).value_or(RawResponse());
    }

    // How long until the follower's answer for `host` passes `served`.
    qint64 followerServes(const std::function<bool(const RawResponse &)> &served, const QByteArray &host = kDomain,
                          const QByteArray &extra = {})
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < kBoundMs) {
            if (served(visit(m_follower->sitePort(), host, extra)))
                return waited.elapsed();
            QTest::qWait(20);
        }
        return -1;
    }

    qint64 followerServesBody(const QByteArray &body)
    {
        return followerServes([&](const RawResponse &r) { return r.status == 200 && r.body == body; });
    }

    bool writerServesBody(const QByteArray &body)
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < kBoundMs) {
            const RawResponse served = visit(m_writer->sitePort(), kDomain);
            if (served.status == 200 && served.body == body)
                return true;
            QTest::qWait(20);
        }
        return false;
    }

    qint64 versionId(int number)
    {
        for (const QJsonValue &version : api().get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)).items())
            if (version.toObject().value(u"number"_qs).toInt() == number)
                return version.toObject().value(u"id"_qs).toInteger();
        return 0;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString failure = m_backends.start("ddd-cluster", "cluster/");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_url = m_backends.freshDatabaseUrl();

        m_writer = std::make_unique<AgentFixture>();
        share(m_writer->config, m_url);
        QVERIFY(m_writer->start());
        QVERIFY(m_writer->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_writer->login(u"owner@example.com"_qs, kPassword);
        const HttpReply created = api().post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Cluster"_qs},
                                                                                 {u"domain"_qs, QString::fromLatin1(kDomain)}});
        QCOMPARE(created.status, 201);
        m_project = created.json().value(u"id"_qs).toInteger();
        QCOMPARE(deploy("<h1>first</h1>").status, 201);

        m_follower = std::make_unique<AgentFixture>();
        share(m_follower->config, m_url);
        m_follower->config.roleNames = {u"site"_qs};
        // No key file is copied: share links check with the key in the database.
        QVERIFY(m_follower->start());
    }

    void rolesRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        const QStringList shared{u"--database-url"_qs, u"postgresql://ddd@db/ddd"_qs, u"--blobs-s3-endpoint"_qs,
                                 u"http://127.0.0.1:9000"_qs, u"--blobs-s3-bucket"_qs, u"ddd-sites"_qs};
        QTest::newRow("unknown role") << QStringList{u"--agent-roles"_qs, u"site,cdn"_qs} << u"\"cdn\""_qs;
        QTest::newRow("no role") << QStringList{u"--agent-roles"_qs, u","_qs} << u"at least one"_qs;
        QTest::newRow("api without build on SQLite") << QStringList{u"--agent-roles"_qs, u"api,site"_qs}
                                                     << u"only one of api and build"_qs;
        QTest::newRow("build without api or a bucket")
            << QStringList{u"--agent-roles"_qs, u"build"_qs, u"--database-url"_qs, u"postgresql://ddd@db/ddd"_qs}
            << u"only one of api and build"_qs;
        QTest::newRow("site alone on SQLite") << QStringList{u"--agent-roles"_qs, u"site"_qs} << u"database.url"_qs;
        QTest::newRow("site alone without a bucket")
            << QStringList{u"--agent-roles"_qs, u"site"_qs, u"--database-url"_qs, u"postgresql://ddd@db/ddd"_qs}
            << u"blobs.s3.endpoint"_qs;
        QTest::newRow("api without site, with acme, on SQLite")
            << QStringList{u"--agent-roles"_qs, u"api,build"_qs, u"--acme-enabled"_qs, u"true"_qs, u"--acme-email"_qs,
                           u"ops@example.com"_qs, u"--acme-lego"_qs, u"/bin/true"_qs}
            << u"acme.enabled needs the api and site roles"_qs;
    }

    void rolesRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const auto config = AgentConfig::load(arguments, {u"DDD_BLOBS_S3_ACCESS_KEY_ID=k"_qs,
                                                          u"DDD_BLOBS_S3_SECRET_ACCESS_KEY=s"_qs});
        QVERIFY(!config);
        QCOMPARE(config.error().code, u"config.invalid"_qs);
        QVERIFY2(config.error().message.contains(says), qPrintable(config.error().message));
    }

    void rolesAccepted()
    {
        const auto config = AgentConfig::load({u"--agent-roles"_qs, u"api,build"_qs}, {});
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        QVERIFY(config->roles().api && config->roles().build && !config->roles().site);
        QVERIFY2(config->toToml().contains(u"agent.roles = [\"api\", \"build\"]"_qs), qPrintable(config->toToml()));
        const auto site = AgentConfig::load({u"--agent-roles"_qs, u"site"_qs}, {u"DDD_DATABASE_URL=postgresql://d@db/d"_qs,
            u"DDD_BLOBS_S3_ENDPOINT=http://127.0.0.1:9000"_qs, u"DDD_BLOBS_S3_BUCKET=ddd-sites"_qs,
            u"DDD_BLOBS_S3_ACCESS_KEY_ID=k"_qs, u"DDD_BLOBS_S3_SECRET_ACCESS_KEY=s"_qs});
        QVERIFY2(site, qPrintable(site ? QString() : site.error().message));
        QVERIFY(site->roles().followsAnother());
        const QStringList sharedEnvironment{u"DDD_DATABASE_URL=postgresql://d@db/d"_qs,
            u"DDD_BLOBS_S3_ENDPOINT=http://127.0.0.1:9000"_qs, u"DDD_BLOBS_S3_BUCKET=ddd-sites"_qs,
            u"DDD_BLOBS_S3_ACCESS_KEY_ID=k"_qs, u"DDD_BLOBS_S3_SECRET_ACCESS_KEY=s"_qs};
        const auto builder = AgentConfig::load({u"--agent-roles"_qs, u"build"_qs}, sharedEnvironment);
        QVERIFY2(builder, qPrintable(builder ? QString() : builder.error().message));
        QVERIFY(!builder->roles().followsAnother()); // its builds record versions
        QVERIFY(AgentConfig::load({u"--agent-roles"_qs, u"api"_qs}, sharedEnvironment));
        // With a shared database any agent may order certificates (the one
        // holding the issuer lock does), a site agent among them.
        const auto siteWithAcme = AgentConfig::load(
            {u"--agent-roles"_qs, u"site"_qs, u"--acme-enabled"_qs, u"true"_qs, u"--acme-email"_qs,
             u"ops@example.com"_qs, u"--acme-lego"_qs, u"/bin/true"_qs},
            {u"DDD_DATABASE_URL=postgresql://d@db/d"_qs, u"DDD_BLOBS_S3_ENDPOINT=http://127.0.0.1:9000"_qs,
             u"DDD_BLOBS_S3_BUCKET=ddd-sites"_qs, u"DDD_BLOBS_S3_ACCESS_KEY_ID=k"_qs,
             u"DDD_BLOBS_S3_SECRET_ACCESS_KEY=s"_qs});
        QVERIFY2(siteWithAcme, qPrintable(siteWithAcme ? QString() : siteWithAcme.error().message));
    }

    // The follower has no API listener; it serves the live version it
    // found at start-up, fetched from the bucket (a page this short has no
    // precompressed variant).
    void followerServesWithoutAnApi()
    {
        QCOMPARE(m_follower->apiPort(), quint16(0));
        QVERIFY(m_follower->sitePort() != 0);
        const RawResponse home = visit(m_follower->sitePort(), kDomain, "Accept-Encoding: br, gzip\r\n");
        QCOMPARE(home.status, 200);
        QCOMPARE(home.body, QByteArray("<h1>first</h1>"));
        QCOMPARE(home.headerCount("Content-Encoding"), 0);
    }

    // Both agents write heartbeats to the shared database; the writer's
    // status lists them with their roles, alive, the follower not behind.
    void statusListsTheCluster()
    {
        QVERIFY(m_writer->addUser(u"ops@example.com"_qs, kPassword, u"operator"_qs));
        HttpTestClient http(m_writer->apiPort());
        http.setToken(m_writer->login(u"ops@example.com"_qs, kPassword));
        const HttpReply status = http.get(u"/api/v1/status"_qs);
        QCOMPARE(status.status, 200);
        const QJsonObject cluster = status.json().value(u"cluster"_qs).toObject();
        QCOMPARE(cluster.value(u"ok"_qs).toBool(), true);
        const QJsonArray agents = cluster.value(u"agents"_qs).toArray();
        QCOMPARE(agents.size(), 2);
        QStringList roles;
        for (const QJsonValue &agent : agents) {
            roles << agent[u"roles"_qs].toVariant().toStringList().join(u',');
            QVERIFY(agent[u"alive"_qs].toBool());
            QCOMPARE(agent[u"lagMs"_qs].toInteger(), 0);
            QCOMPARE(agent[u"version"_qs].toString(), QStringLiteral(DDD_VERSION));
            QVERIFY(!agent[u"id"_qs].toString().isEmpty());
        }
        roles.sort();
        QCOMPARE(roles, (QStringList{u"api,build,site"_qs, u"site"_qs}));
    }

    void deployReachesTheFollower()
    {
        QCOMPARE(deploy("<h1>second</h1>").status, 201);
        const qint64 took = followerServesBody("<h1>second</h1>");
        QVERIFY2(took >= 0, "the follower never served the new version");
        qInfo("deploy served by the follower after %lld ms", took);
    }

    void rollbackReachesTheFollower()
    {
        QCOMPARE(api().post(u"/api/v1/projects/%1/rollback"_qs.arg(m_project), {}).status, 200);
        QVERIFY(followerServesBody("<h1>first</h1>") >= 0);
    }

    // Another agent with the api role activates a version (here: its
    // store, on its own connection): the writer's site serves it too, and
    // so does the follower.
    void anotherAgentsActivationReachesTheWriter()
    {
        ddd::core::storage::ConnectionProvider elsewhere(ddd::core::storage::ConnectionProvider::Postgres{m_url.toUtf8()});
        ddd::core::storage::LivePointerStore pointers(elsewhere);
        const qint64 second = versionId(2);
        QVERIFY(second);
        QVERIFY(pointers.activate(m_project, second, QDateTime::currentMSecsSinceEpoch()));
        QVERIFY2(writerServesBody("<h1>second</h1>"), "the writer never served the other agent's activation");
        QVERIFY(followerServesBody("<h1>second</h1>") >= 0);
        QVERIFY(pointers.activate(m_project, versionId(1), QDateTime::currentMSecsSinceEpoch()));
        QVERIFY(writerServesBody("<h1>first</h1>"));
    }

    void settingsReachTheFollower()
    {
        const QJsonObject protect{{u"enabled"_qs, true}, {u"scope"_qs, u"all"_qs},
                                  {u"users"_qs, QJsonArray{QJsonObject{{u"username"_qs, u"team"_qs},
                                                                       {u"password"_qs, QString::fromLatin1(kTeamPassword)}}}}};
        const HttpReply patched = api().patch(u"/api/v1/projects/%1"_qs.arg(m_project),
                                              {{u"settings"_qs, QJsonObject{{u"sitePassword"_qs, protect}}},
                                               {u"aliases"_qs, QJsonArray{QString::fromLatin1(kAlias)}}});
        QCOMPARE(patched.status, 200);
        QVERIFY(followerServes([](const RawResponse &r) { return r.status == 401; }) >= 0);
        QCOMPARE(visit(m_follower->sitePort(), kDomain, kTeamLogin).body, QByteArray("<h1>first</h1>"));
        QVERIFY(followerServes([](const RawResponse &r) { return r.status == 301; }, kAlias) >= 0);

        const HttpReply link = api().post(u"/api/v1/projects/%1/share-links"_qs.arg(m_project),
                                          {{u"expiresInSeconds"_qs, 3600}});
        QCOMPARE(link.status, 201);
        const QByteArray token = link.json().value(u"token"_qs).toString().toLatin1();
        RawTcpClient client;
        QVERIFY(client.connectTo(m_follower->sitePort()));
        QVERIFY(client.send("GET /?ddd_share=" + token + " HTTP/1.1\r\nHost: " + kDomain + "\r\n\r\n"));
        QCOMPARE(client.readResponse(10000).value_or(RawResponse()).status, 303);
    }

    // The database crashes and comes back: the writer's next requests
    // reconnect, the follower reconnects its listener and catches up.
    void followerCatchesUpAfterTheDatabaseRestarts()
    {
        QVERIFY(m_backends.postgres().restart());
        HttpReply deployed;
        for (int attempt = 0; attempt < 50 && deployed.status != 201; ++attempt) {
            deployed = deploy("<h1>after the restart</h1>");
            if (deployed.status != 201)
                QTest::qWait(100); // 503 storage.unavailable on a connection the restart cut
        }
        QCOMPARE(deployed.status, 201);
        // The site password set above still holds.
        const qint64 took = followerServes([](const RawResponse &r) { return r.body == "<h1>after the restart</h1>"; },
                                           kDomain, kTeamLogin);
        QVERIFY2(took >= 0, "the follower never caught up after the restart");
        qInfo("served by the follower %lld ms after the deploy that followed the restart", took);
    }

    // The bucket out of the follower's reach: what it has fetched it keeps
    // serving, a file it never fetched answers 503 with Retry-After, and once
    // the bucket is back it serves everything again.
    void followerServesItsCacheWhileTheBucketIsDown()
    {
        QCOMPARE(deploy("<h1>cached</h1>").status, 201);
        // The site password set above still holds.
        auto served = [](const QByteArray &body) { return [body](const RawResponse &r) { return r.body == body; }; };
        QVERIFY(followerServes(served("<h1>cached</h1>"), kDomain, kTeamLogin) >= 0);
        const RefusingPort refusing;
        QVERIFY(refusing.port());
        S3Endpoint closed = m_backends.endpoint();
        closed.port = refusing.port();
        m_follower->stop();
        m_follower->config.s3 = TestBucket::settingsFor(closed);
        QVERIFY(m_follower->start());
        QCOMPARE(visit(m_follower->sitePort(), kDomain, kTeamLogin).body, QByteArray("<h1>cached</h1>"));
        const RawResponse lacking = fetch(m_follower->sitePort(), "/app.js");
        QCOMPARE(lacking.status, 503);
        QCOMPARE(lacking.header("Retry-After"), QByteArray("5"));

        m_follower->stop();
        share(m_follower->config, m_url);
        QVERIFY(m_follower->start());
        QCOMPARE(fetch(m_follower->sitePort(), "/app.js").body, QByteArray("console.log('<h1>cached</h1>')"));
    }

    // A version deleted on the writer: the follower's copies of blobs that
    // nothing references any more leave its disk at its next round, the
    // live version's stay.
    void followerDropsCopiesNobodyReferences()
    {
        const QByteArray gone = "<h1>short-lived</h1>", kept = "<h1>successor</h1>";
        const HttpReply first = deploy(gone);
        QCOMPARE(first.status, 201);
        auto served = [](const QByteArray &body) { return [body](const RawResponse &r) { return r.body == body; }; };
        QVERIFY(followerServes(served(gone), kDomain, kTeamLogin) >= 0);
        QCOMPARE(deploy(kept).status, 201);
        QVERIFY(followerServes(served(kept), kDomain, kTeamLogin) >= 0);
        QCOMPARE(api().del(u"/api/v1/deploys/%1"_qs.arg(first.json().value(u"id"_qs).toInteger())).status, 204);
        const ddd::core::blobs::BlobStore copies(m_follower->dataDir());
        using ddd::core::blobs::Sha256;
        QVERIFY(QFile::exists(copies.pathFor(Sha256::hexOf(gone))));
        m_follower->clock.advanceMs(60'000); // past the idle time a copy just read keeps
        m_follower->agent().sweepBucketNow();
        QVERIFY(!QFile::exists(copies.pathFor(Sha256::hexOf(gone))));
        QVERIFY(QFile::exists(copies.pathFor(Sha256::hexOf(kept))));
        QCOMPARE(visit(m_follower->sitePort(), kDomain, kTeamLogin).body, kept);
    }

    // The writer publishes each variant it keeps to the bucket and then
    // announces the project: the follower fetches the variant a client
    // prefers and answers with the same bytes as the writer.
    void followerServesTheWritersVariants()
    {
        QByteArray page = "<!doctype html><title>variants</title>\n";
        for (int i = 0; i < 300; ++i)
            page += "<p>a paragraph that compresses well, number " + QByteArray::number(i % 5) + "</p>\n";
        QCOMPARE(deploy(page).status, 201);
        m_writer->agent().waitForVariants();
        const QByteArray brotli = "Accept-Encoding: br\r\n";
        const RawResponse written = visit(m_writer->sitePort(), kDomain, kTeamLogin + brotli);
        QCOMPARE(written.header("Content-Encoding"), QByteArray("br"));
        const qint64 took = followerServes(
            [&](const RawResponse &r) { return r.header("Content-Encoding") == "br" && r.body == written.body; },
            kDomain, kTeamLogin + brotli);
        QVERIFY2(took >= 0, "the follower never served the writer's brotli variant");
        qInfo("variant served by the follower %lld ms after the writer made it", took);
        QVERIFY(written.body.size() < page.size() / 4);
        const RawResponse gzip = visit(m_follower->sitePort(), kDomain, kTeamLogin + "Accept-Encoding: gzip\r\n");
        QCOMPARE(gzip.header("Content-Encoding"), QByteArray("gzip"));
        QCOMPARE(visit(m_follower->sitePort(), kDomain, kTeamLogin).body, page);
    }

    void removedProjectLeavesTheFollower()
    {
        QCOMPARE(api().del(u"/api/v1/projects/%1"_qs.arg(m_project)).status, 204);
        QVERIFY(followerServes([](const RawResponse &r) { return r.status == 404; }) >= 0);
    }

    // A follower never migrates: on a database the writer has not set up
    // it refuses to start.
    void followerWaitsForTheWritersSchema()
    {
        AgentFixture early;
        share(early.config, m_backends.freshDatabaseUrl());
        early.config.roleNames = {u"site"_qs};
        ddd::agent::Agent refused(early.config, early.clock);
        const auto opened = refused.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, u"storage.schema_behind"_qs);

        // The schema is there, the session-token key not yet: the writer never started.
        const QByteArray conninfo = m_backends.postgres().freshDatabase();
        auto migrated = ddd::core::storage::Database::connect(conninfo);
        QVERIFY(migrated && ddd::core::storage::Migrations::migrate(*migrated));
        share(early.config, PostgresTestServer::urlOf(conninfo));
        ddd::agent::Agent keyless(early.config, early.clock);
        const auto withoutKey = keyless.open();
        QVERIFY(!withoutKey);
        QCOMPARE(withoutKey.error().code, u"auth.key_missing"_qs);
    }

    // One writer at a time; more followers are welcome.
    // Writers sharing the bucket write side by side: a deploy on the second
    // is served by the first and by the follower, a rollback on the first
    // by the second. A writer without the bucket is refused next to them.
    void writersShareTheDatabase()
    {
        AgentFixture noBucket;
        noBucket.config.databaseUrl = m_url;
        ddd::agent::Agent refused(noBucket.config, noBucket.clock);
        const auto opened = refused.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, u"storage.in_use"_qs);

        AgentFixture second;
        share(second.config, m_url);
        QVERIFY(second.start());
        HttpTestClient other(second.apiPort());
        other.setToken(second.login(u"owner@example.com"_qs, kPassword));
        const HttpReply created =
            other.post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Two"_qs}, {u"domain"_qs, u"www.two.test"_qs}});
        QCOMPARE(created.status, 201);
        const qint64 project = created.json().value(u"id"_qs).toInteger();
        const QString deploys = u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(project);
        for (const QByteArray &body : {QByteArray("<h1>one</h1>"), QByteArray("<h1>two</h1>")})
            QCOMPARE(other.send("POST", deploys, ZipBuilder().file("index.html", body).build(),
                                {{"Content-Type", "application/zip"}})
                         .status,
                     201);
        auto serves = [](quint16 port, const QByteArray &body) {
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < kBoundMs) {
                if (visit(port, "www.two.test").body == body)
                    return true;
                QTest::qWait(20);
            }
            return false;
        };
        QVERIFY2(serves(m_writer->sitePort(), "<h1>two</h1>"), "the first writer never served the second's deploy");
        QVERIFY(serves(m_follower->sitePort(), "<h1>two</h1>"));

        QCOMPARE(api().post(u"/api/v1/projects/%1/rollback"_qs.arg(project), {}).status, 200);
        QVERIFY2(serves(second.sitePort(), "<h1>one</h1>"), "the second writer never served the first's rollback");
        QVERIFY(serves(m_follower->sitePort(), "<h1>one</h1>"));
        const QJsonArray versions = other.get(u"/api/v1/projects/%1/deploys"_qs.arg(project)).items();
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.first().toObject().value(u"number"_qs).toInt(), 2);
    }

    // api and build on different agents, on a database and a bucket prefix
    // of their own so the writer above (which builds too) cannot take the
    // build: queued through one agent's API, run by the other from the
    // source in the bucket, its log and version back through the database.
    void buildsRunOnTheAgentWithTheBuildRole()
    {
        const QString url = m_backends.freshDatabaseUrl();
        AgentFixture front;
        share(front.config, url);
        front.config.s3.prefix = u"builds/"_qs;
        front.config.roleNames = {u"api"_qs, u"site"_qs};
        QVERIFY(front.start());
        AgentFixture builder;
        share(builder.config, url);
        builder.config.s3.prefix = u"builds/"_qs;
        builder.config.roleNames = {u"build"_qs};
        QVERIFY(builder.start());
        QCOMPARE(builder.apiPort(), 0);
        QCOMPARE(builder.sitePort(), 0);

        QVERIFY(front.addUser(u"owner@example.com"_qs, kPassword));
        BuildApi api(front, front.login(u"owner@example.com"_qs, kPassword));
        QByteArray host;
        const qint64 project = api.createProject(u"Built elsewhere"_qs, &host);
        const HttpReply upload =
            api.uploadSource(project, BuildApi::siteZip("<h1>built by the builder</h1>"), u"?build=1&activate=1"_qs);
        QCOMPARE(upload.status, 201);
        const qint64 build = upload.json().value(u"build"_qs).toObject().value(u"id"_qs).toInteger();
        const QJsonObject done = api.waitFor(build, u"succeeded"_qs, 120000);
        QVERIFY2(done.value(u"status"_qs).toString() == u"succeeded"_qs, QJsonDocument(done).toJson());
        QVERIFY(api.client().get(u"/api/v1/builds/%1/log"_qs.arg(build)).body.contains("== storing the site as a version"));
        QElapsedTimer waited;
        waited.start();
        while (visit(front.sitePort(), host).body != "<h1>built by the builder</h1>" && waited.elapsed() < kBoundMs)
            QTest::qWait(20);
        QCOMPARE(visit(front.sitePort(), host).body, QByteArray("<h1>built by the builder</h1>"));
    }
};

QTEST_GUILESS_MAIN(TestAgentCluster)
#include "tst_agentcluster.moc"
