// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The agent with its metadata in PostgreSQL (database.url) against a real
// PostgreSQL 15 cluster: what the setting accepts and refuses, a deploy
// served and still there after a restart with nothing in agent.db, one
// agent per database, `ddd-agent migrate` moving an agent over, and the
// maintenance commands that only know agent.db refusing with a clear code. (Every API test that runs as a
// `_postgres` variant covers the rest of the agent on PostgreSQL.)
#include "agent/agent.h"
#include "tests/support/agentfixture.h"
#include "tests/support/commandresult.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/postgrestestserver.h"
#include "tests/support/zipbuilder.h"

#include <QFile>
#include <QtTest>

using ddd::agent::AgentConfig;
using ddd::test::AgentFixture;
using ddd::test::CommandResult;
using ddd::test::HttpTestClient;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::PostgresTestServer;
using ddd::test::ZipBuilder;

class TestAgentPostgres final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString failure = m_server.start();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_url = PostgresTestServer::urlOf(m_server.database("postgres"));
    }

    void refusedUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("key=value string") << u"host=db dbname=ddd"_qs;
        QTest::newRow("other scheme") << u"mysql://db/ddd"_qs;
        QTest::newRow("no database") << u"postgresql://db"_qs;
        QTest::newRow("no host") << u"postgresql:///ddd"_qs;
        QTest::newRow("password") << u"postgresql://ddd:s3cret@db/ddd"_qs;
        QTest::newRow("password parameter") << u"postgresql://ddd@db/ddd?password=s3cret"_qs;
    }

    void refusedUrls()
    {
        QFETCH(QString, url);
        const auto config = AgentConfig::load({u"--database-url"_qs, url}, {});
        QVERIFY(!config);
        QCOMPARE(config.error().code, u"config.invalid"_qs);
        QVERIFY(config.error().message.contains(u"database.url"_qs));
        QVERIFY(!config.error().message.contains(u"s3cret"_qs));
    }

    void acceptedUrl()
    {
        const QString url = u"postgresql://ddd@db.internal:5432/ddd?sslmode=verify-full&passfile=/etc/ddd/pgpass"_qs;
        const auto config = AgentConfig::load({u"--database-url"_qs, url}, {});
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        QCOMPARE(config->databaseUrl, url);
        QVERIFY(config->toToml().contains(u"database.url = \""_qs + url));
    }

    // Nothing goes to agent.db; a new agent on the same database and data
    // root finds the account, the project and the live version.
    void metadataOutlivesTheAgent()
    {
        const QString url = freshDatabase(u"outlives"_qs);
        AgentFixture first;
        first.config.databaseUrl = url;
        QVERIFY(first.start());
        Site site;
        publish(first, "<h1>kept</h1>", site);
        if (QTest::currentTestFailed())
            return;
        checkServed(first, site);
        QVERIFY(!QFile::exists(first.dataDir() + u"/agent.db"_qs));
        first.agent().stop();

        AgentFixture second;
        second.config = first.config;
        first.stop();
        QVERIFY(second.start());
        checkServed(second, site);
    }

    // One agent writes to a database (agents with only the site role follow
    // it, tst_agentcluster): a second one with the api role refuses to start.
    void oneAgentPerDatabase()
    {
        const QString url = freshDatabase(u"sole"_qs);
        AgentFixture first;
        first.config.databaseUrl = url;
        QVERIFY(first.start());
        AgentFixture second;
        second.config.databaseUrl = url;
        {
            ddd::agent::Agent refused(second.config, second.clock);
            const auto opened = refused.open();
            QVERIFY(!opened);
            QCOMPARE(opened.error().code, u"storage.in_use"_qs);
        }
        first.stop();
        QVERIFY(second.start()); // the lock went with the first agent
    }

    // `ddd-agent migrate`: an agent's agent.db into PostgreSQL; the agent
    // then runs on it over the same data root and serves the same site.
    void migrateMovesAnAgentOver()
    {
        AgentFixture before;
        QVERIFY(before.start());
        Site site;
        publish(before, "<h1>moved</h1>", site);
        if (QTest::currentTestFailed())
            return;
        const QString session = before.login(u"ada@example.com"_qs, kPassword);
        before.agent().stop();

        const QString url = freshDatabase(u"migrated"_qs);
        const QStringList where{u"--data-dir"_qs, before.dataDir(), u"--database-url"_qs, url};
        const CommandResult migrated = CommandResult::run(QStringLiteral(DDD_AGENT_BINARY), QStringList{u"migrate"_qs} + where);
        QVERIFY2(migrated.ok(), qPrintable(migrated.output));
        QVERIFY2(migrated.output.contains(u"copied and verified"_qs), qPrintable(migrated.output));
        const CommandResult again = CommandResult::run(QStringLiteral(DDD_AGENT_BINARY), QStringList{u"migrate"_qs} + where);
        QVERIFY(!again.ok());
        QVERIFY2(again.output.contains(u"migrate.target_not_empty"_qs), qPrintable(again.output));

        AgentFixture after;
        after.config = before.config;
        after.config.databaseUrl = url;
        before.stop();
        QVERIFY(after.start());
        checkServed(after, site);
        // Its keys/jwt.key became the database's key: sessions signed before the move still work.
        HttpTestClient api(after.apiPort());
        api.setToken(session);
        QCOMPARE(api.get(u"/api/v1/me"_qs).status, 200);
    }

    // A key file the agent would refuse stops the run before anything is
    // copied: the next run, with the file fixed, finds the database empty.
    void migrateChecksTheKeyFileFirst()
    {
        AgentFixture before;
        QVERIFY(before.start());
        before.stop();
        QFile key(before.dataDir() + u"/keys/jwt.key"_qs);
        QVERIFY(key.setPermissions(key.permissions() | QFile::ReadGroup | QFile::ReadOther));
        const QStringList where{u"migrate"_qs, u"--data-dir"_qs, before.dataDir(), u"--database-url"_qs,
                                freshDatabase(u"keyfirst"_qs)};
        const CommandResult refused = CommandResult::run(QStringLiteral(DDD_AGENT_BINARY), where);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.output.contains(u"auth.key_permissions"_qs), qPrintable(refused.output));
        QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        const CommandResult migrated = CommandResult::run(QStringLiteral(DDD_AGENT_BINARY), where);
        QVERIFY2(migrated.ok(), qPrintable(migrated.output));
    }

    void migrateRefusals()
    {
        QTemporaryDir empty;
        const QString agent = QStringLiteral(DDD_AGENT_BINARY);
        const CommandResult noTarget = CommandResult::run(agent, {u"migrate"_qs, u"--data-dir"_qs, empty.path()});
        QVERIFY(!noTarget.ok());
        QVERIFY2(noTarget.output.contains(u"migrate.no_target"_qs), qPrintable(noTarget.output));
        const CommandResult noSource = CommandResult::run(
            agent, {u"migrate"_qs, u"--data-dir"_qs, empty.path(), u"--database-url"_qs, m_url});
        QVERIFY(!noSource.ok());
        QVERIFY2(noSource.output.contains(u"migrate.no_database"_qs), qPrintable(noSource.output));
    }

    void maintenanceCommandsNeedAgentDb_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("backup") << QStringList{u"backup"_qs, u"/tmp/ddd-never-written"_qs};
        QTest::newRow("restore") << QStringList{u"restore"_qs, u"/tmp/ddd-never-read"_qs};
        QTest::newRow("check") << QStringList{u"check"_qs};
    }

    void maintenanceCommandsNeedAgentDb()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir dataDir;
        const CommandResult run = CommandResult::run(QStringLiteral(DDD_AGENT_BINARY),
                                                     arguments + QStringList{u"--data-dir"_qs, dataDir.path(),
                                                                             u"--database-url"_qs, m_url});
        QVERIFY(!run.ok());
        QVERIFY2(run.output.contains(u"backup.postgres_unsupported"_qs), qPrintable(run.output));
        QVERIFY(!QFile::exists(u"/tmp/ddd-never-written"_qs));
    }

private:
    static inline const QString kPassword = u"correct horse battery"_qs;

    QString freshDatabase(const QString &name) { return PostgresTestServer::urlOf(m_server.database(name.toLatin1())); }

    struct Site
    {
        qint64 id = 0;
        QByteArray host;
        QByteArray body;
    };

    // An account, a project and a live version serving `body` at "/".
    static void publish(AgentFixture &agent, const QByteArray &body, Site &site)
    {
        QVERIFY(agent.addUser(u"ada@example.com"_qs, kPassword));
        HttpTestClient api(agent.apiPort());
        api.setToken(agent.login(u"ada@example.com"_qs, kPassword));
        const auto project = api.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Site"_qs}});
        QCOMPARE(project.status, 201);
        site = {project.json().value(u"id"_qs).toInteger(),
                project.json().value(u"stagingHost"_qs).toString().toLatin1(), body};
        const auto deployed = api.send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(site.id),
                                       ZipBuilder().file("index.html", body).build(),
                                       {{"Content-Type", "application/zip"}});
        QCOMPARE(deployed.status, 201);
    }

    // The account still signs in, the project is there and "/" serves it.
    static void checkServed(AgentFixture &agent, const Site &site)
    {
        HttpTestClient api(agent.apiPort());
        api.setToken(agent.login(u"ada@example.com"_qs, kPassword));
        QCOMPARE(api.get(u"/api/v1/projects/%1"_qs.arg(site.id)).status, 200);
        QCOMPARE(page(agent.sitePort(), site.host).body, site.body);
    }

    static RawResponse page(quint16 port, const QByteArray &host)
    {
        RawTcpClient client;
        if (!client.connectTo(port) || !client.send("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"))
            return {};
        return client.readResponse(10000).value_or(RawResponse());
    }

    PostgresTestServer m_server;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestAgentPostgres)
#include "tst_agentpostgres.moc"
