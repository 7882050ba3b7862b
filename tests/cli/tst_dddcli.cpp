// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// `ddd`, the real binary, against the real agent (in-process): login and the
// token file, projects, incremental deploys that send only what changed,
// .dddignore and the built-in defaults, going live, versions, rollback,
// --json shapes, and each refusal with its exit status and stable code.
#include "tests/cli/dddrunner.h"
#include "core/build/buildoutcome.h"
#include "core/build/buildrequest.h"
#include "core/build/buildlogsink.h"
#include "tests/support/agentfixture.h"
#include "tests/support/tempdataroot.h"
#include "tests/support/zipbuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::DddRunner;
using ddd::test::HttpTestClient;

namespace {

const QString kEmail = u"ci@example.com"_qs;
const QString kPassword = u"correct horse battery"_qs;

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

// Relays connections to the agent and cuts the first one that has carried
// more than `cutAfter` bytes towards the agent: a dropped connection in the
// middle of a blob, at the same byte every run.
class CuttingRelay final : public QObject
{
public:
    CuttingRelay(quint16 target, qint64 cutAfter) : m_target(target), m_cutAfter(cutAfter)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                relay(client);
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QString url() const { return u"http://127.0.0.1:%1"_qs.arg(m_server.serverPort()); }
    bool cut() const { return m_cut; }

private:
    void relay(QTcpSocket *client)
    {
        auto *agent = new QTcpSocket(client);
        agent->connectToHost(QHostAddress::LocalHost, m_target);
        connect(client, &QTcpSocket::readyRead, agent, [this, client, agent] {
            const QByteArray bytes = client->readAll();
            m_sent += bytes.size();
            agent->write(bytes);
            if (!m_cut && m_sent > m_cutAfter) {
                m_cut = true;
                client->abort();
                agent->abort();
            }
        });
        connect(agent, &QTcpSocket::readyRead, client, [client, agent] { client->write(agent->readAll()); });
        connect(agent, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }

    QTcpServer m_server;
    quint16 m_target;
    qint64 m_cutAfter;
    qint64 m_sent = 0;
    bool m_cut = false;
};

} // namespace

class TestDddCli final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    std::unique_ptr<ddd::test::TempDataRoot> m_home;
    QString m_loginToken;
    qint64 m_projectId = 0;

    QString agentUrl() const { return u"http://127.0.0.1:%1"_qs.arg(m_agent->apiPort()); }

    // A runner with its own config folder; `logged` sets DDD_AGENT/DDD_TOKEN
    // from a fresh API token, as a CI job would.
    DddRunner runner(const QString &name) const
    {
        DddRunner ddd(m_home->file(name));
        ddd.setVariable(u"DDD_PROJECT"_qs, QString::number(m_projectId));
        return ddd;
    }
    DddRunner ciRunner(const QString &name) const
    {
        DddRunner ddd = runner(name);
        ddd.setVariable(u"DDD_AGENT"_qs, agentUrl());
        ddd.setVariable(u"DDD_TOKEN"_qs, apiToken());
        return ddd;
    }
    QString apiToken() const
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_loginToken);
        const QJsonArray capabilities{u"read"_qs, u"deploy"_qs, u"activate"_qs, u"projects"_qs, u"build"_qs};
        return http.post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"ci"_qs}, {u"capabilities"_qs, capabilities}})
            .json()
            .value(u"secret"_qs)
            .toString();
    }
    QStringList versionFiles(qint64 versionId) const
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_loginToken);
        QStringList paths;
        for (const QJsonValue &file : http.get(u"/api/v1/deploys/%1/files"_qs.arg(versionId)).items())
            paths.append(file.toObject().value(u"path"_qs).toString());
        return paths;
    }
    QByteArray served(const QString &path) const
    {
        HttpTestClient site(m_agent->sitePort());
        const auto reply = site.get(path, "www.example.com");
        return reply.status == 200 ? reply.body : QByteArray("status ") + QByteArray::number(reply.status);
    }
    QString site(const QString &name) const { return m_home->file(name); }
    qsizetype openArchiveUploads() const
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_loginToken);
        return http.get(u"/api/v1/projects/%1/archive-uploads"_qs.arg(m_projectId)).json().value(u"uploads"_qs).toArray().size();
    }
    static QByteArray noise(qsizetype size, quint32 seed)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator random(seed); // incompressible, so it travels as it is
        for (char &byte : bytes)
            byte = char(random.bounded(256));
        return bytes;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_home = std::make_unique<ddd::test::TempDataRoot>();
        m_agent = std::make_unique<AgentFixture>();
        m_agent->accessLogWriter = [](const QByteArray &) {};
        m_agent->config.webhooksAllowPrivateTargets = true; // `ddd webhooks add` names a loopback receiver
        // Builds without a sandbox: the source is the site, and a source
        // holding fail.txt fails, so both ends of `logs --follow` are seen.
        m_agent->buildEngine = [](const ddd::core::build::BuildRequest &request, ddd::core::build::BuildLogSink &log,
                                  std::stop_token) -> ddd::core::Result<ddd::core::build::BuildOutcome> {
            log.output("step one");
            if (QFile::exists(request.sourceDirectory + u"/fail.txt"_qs))
                return ddd::core::Error::make(u"build.failed"_qs, u"the generator exited with 1"_qs);
            log.output("step two");
            return ddd::core::build::BuildOutcome{{}, {{u"build"_qs, 5, 0}}, request.sourceDirectory};
        };
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(kEmail, kPassword));
        m_loginToken = m_agent->login(kEmail, kPassword);
        QVERIFY(!m_loginToken.isEmpty());
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_loginToken);
        const auto created = http.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Docs"_qs}, {u"domain"_qs, u"www.example.com"_qs}});
        QCOMPARE(created.status, 201);
        m_projectId = created.json().value(u"id"_qs).toInteger();
    }

    void cleanupTestCase() { m_agent.reset(); }

    void usageMistakesExitOne()
    {
        const DddRunner ddd = runner(u"usage"_qs);
        QCOMPARE(ddd.run({}).exitCode, 1);
        const auto help = ddd.run({u"--help"_qs});
        QCOMPARE(help.exitCode, 0);
        for (const QString &command : {u"login"_qs, u"projects"_qs, u"deploy"_qs, u"versions"_qs, u"rollback"_qs})
            QVERIFY2(help.out.contains(command.toUtf8()), help.out.constData());
        const auto unknown = ddd.run({u"frobnicate"_qs, u"--json"_qs});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.errorCode(), u"cli.usage"_qs);
        QCOMPARE(ddd.run({u"deploy"_qs}).exitCode, 1);
        QCOMPARE(ddd.run({u"deploy"_qs, site(u"no-such-folder"_qs)}).exitCode, 1);
        QCOMPARE(ddd.run({u"versions"_qs, u"--limit"_qs, u"0"_qs}).exitCode, 1);
        QCOMPARE(ddd.run({u"projects"_qs, u"--bogus"_qs}).exitCode, 1);
        QCOMPARE(ddd.run({u"rollback"_qs, u"first"_qs}).exitCode, 1);
        QCOMPARE(ddd.run({u"--version"_qs}).exitCode, 0);
    }

    void withoutLoginIsAuth()
    {
        const auto run = runner(u"nologin"_qs).run({u"projects"_qs, u"--json"_qs});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errorCode(), u"cli.not_logged_in"_qs);
        QVERIFY(run.out.isEmpty());
    }

    void loginKeepsAnApiTokenInAnOwnerOnlyFile()
    {
        const DddRunner ddd = runner(u"login"_qs);
        const auto login = ddd.run({u"login"_qs, u"--agent"_qs, agentUrl(), u"--email"_qs, kEmail,
                                    u"--password-stdin"_qs, u"--json"_qs},
                                   kPassword.toUtf8() + "\n");
        QVERIFY2(login.exitCode == 0, login.err.constData());
        QCOMPARE(login.json().value(u"email"_qs).toString(), kEmail);
        const QString file = site(u"login/ddd/credentials.json"_qs);
        QVERIFY(login.json().value(u"tokenStore"_qs).toString().endsWith(file));
        const QFile::Permissions mode = QFileInfo(file).permissions();
        QVERIFY(mode.testFlag(QFile::ReadOwner) && mode.testFlag(QFile::WriteOwner));
        QVERIFY(!(mode & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
        QFile stored(file);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QVERIFY2(stored.readAll().contains("ddd_"), "an API token, not the short-lived login token");
        // The next command finds the agent and the token by itself.
        const auto projects = ddd.run({u"projects"_qs, u"--json"_qs});
        QVERIFY2(projects.exitCode == 0, projects.err.constData());
        const QJsonArray items = projects.json().value(u"projects"_qs).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value(u"name"_qs).toString(), u"Docs"_qs);
        QCOMPARE(items.first().toObject().value(u"domain"_qs).toString(), u"www.example.com"_qs);
        const auto text = ddd.run({u"projects"_qs});
        QVERIFY(text.out.contains("Docs") && text.out.contains("www.example.com"));
        // Logout forgets both.
        QCOMPARE(ddd.run({u"logout"_qs}).exitCode, 0);
        QFile after(file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QVERIFY(!after.readAll().contains("ddd_"));
        QCOMPARE(ddd.run({u"projects"_qs}).exitCode, 2);
    }

    void wrongPasswordIsAuth()
    {
        const auto run = runner(u"wrong"_qs).run({u"login"_qs, u"--agent"_qs, agentUrl(), u"--email"_qs, kEmail,
                                                  u"--password-stdin"_qs, u"--json"_qs},
                                                 "not the password\n");
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errorCode(), u"auth.invalid_credentials"_qs);
        QVERIFY(!QFile::exists(site(u"wrong/ddd/credentials.json"_qs)));
    }

    void badTokenIsAuth()
    {
        DddRunner ddd = runner(u"badtoken"_qs);
        ddd.setVariable(u"DDD_AGENT"_qs, agentUrl());
        ddd.setVariable(u"DDD_TOKEN"_qs, u"ddd_not_a_real_token"_qs);
        const auto run = ddd.run({u"projects"_qs, u"--json"_qs});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errorCode().startsWith(u"auth."_qs), run.err.constData());
    }

    void agentDownIsNetwork()
    {
        QTcpServer closed; // a port that was free a moment ago and is closed again
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        DddRunner ddd = runner(u"down"_qs);
        ddd.setVariable(u"DDD_AGENT"_qs, u"http://127.0.0.1:%1"_qs.arg(port));
        ddd.setVariable(u"DDD_TOKEN"_qs, u"ddd_whatever"_qs);
        const auto run = ddd.run({u"projects"_qs, u"--json"_qs});
        QCOMPARE(run.exitCode, 5);
        QCOMPARE(run.errorCode(), u"client.network"_qs);
    }

    void unknownProjectIsNotFound()
    {
        const auto run = ciRunner(u"unknown"_qs).run({u"versions"_qs, u"--project"_qs, u"nope"_qs, u"--json"_qs});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.errorCode(), u"project.not_found"_qs);
        const auto rollback = ciRunner(u"unknown"_qs).run({u"rollback"_qs, u"999"_qs, u"--json"_qs});
        QCOMPARE(rollback.exitCode, 3);
        QCOMPARE(rollback.errorCode(), u"deploy.not_found"_qs);
    }

    // The heart of it: the first deploy sends every kept file, the second
    // only the changed one; .env, .git and what .dddignore names never reach
    // the agent; --go-live makes the site serve it.
    void deployTwiceSendsOnlyWhatChangedAndLeavesSecretsHome()
    {
        const QString folder = site(u"site-a"_qs);
        write(folder + u"/index.html"_qs, "<h1>one</h1>");
        write(folder + u"/about.html"_qs, "<h1>about</h1>");
        write(folder + u"/css/site.css"_qs, "body{}");
        write(folder + u"/.env"_qs, "API_KEY=secret");
        write(folder + u"/.git/HEAD"_qs, "ref: refs/heads/main");
        write(folder + u"/drafts/next.html"_qs, "draft");
        write(folder + u"/.dddignore"_qs, "# kept home\ndrafts/\n");
        const DddRunner ddd = ciRunner(u"deploy"_qs);
        const auto first = ddd.run({u"deploy"_qs, folder, u"--go-live"_qs, u"--json"_qs});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QJsonObject report = first.json();
        QCOMPARE(report.value(u"sent"_qs)[u"files"_qs].toInt(), 3);
        QCOMPARE(report.value(u"live"_qs).toBool(), true);
        QStringList leftOut;
        for (const QJsonValue &path : report.value(u"leftOut"_qs).toArray())
            leftOut.append(path.toString());
        leftOut.sort();
        QCOMPARE(leftOut, (QStringList{u".dddignore"_qs, u".env"_qs, u".git/"_qs, u"drafts/"_qs}));
        const QJsonObject version = report.value(u"version"_qs).toObject();
        QCOMPARE(version.value(u"status"_qs).toString(), u"live"_qs);
        QCOMPARE(version.value(u"fileCount"_qs).toInt(), 3);
        QStringList files = versionFiles(version.value(u"id"_qs).toInteger());
        files.sort();
        QCOMPARE(files, (QStringList{u"about.html"_qs, u"css/site.css"_qs, u"index.html"_qs}));
        QTRY_COMPARE(served(u"/"_qs), QByteArray("<h1>one</h1>"));

        write(folder + u"/index.html"_qs, "<h1>two!</h1>");
        const auto second = ddd.run({u"deploy"_qs, folder, u"--go-live"_qs, u"--json"_qs});
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QCOMPARE(second.json().value(u"sent"_qs)[u"files"_qs].toInt(), 1);
        QCOMPARE(second.json().value(u"sent"_qs)[u"bytes"_qs].toInt(), 13);
        QCOMPARE(second.json().value(u"version"_qs)[u"number"_qs].toInt(), 2);
        QTRY_COMPARE(served(u"/"_qs), QByteArray("<h1>two!</h1>"));
        QCOMPARE(served(u"/.env"_qs), QByteArray("status 404"));

        // Text output for people: what was sent, what stayed home, where it is live.
        write(folder + u"/index.html"_qs, "<h1>three</h1>");
        const auto text = ddd.run({u"deploy"_qs, folder});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.out.contains("Sent 1 file ("), text.out.constData());
        QVERIFY2(text.out.contains("the agent had the rest."), text.out.constData());
        QVERIFY2(text.out.contains("Left out (stayed on this machine): "), text.out.constData());
        QVERIFY2(text.out.contains("Not live yet"), text.out.constData());
        QVERIFY2(text.out.contains("uploading: 100%"), "plain progress lines when stdout is not a terminal");
        QTRY_COMPARE(served(u"/"_qs), QByteArray("<h1>two!</h1>"));
    }

    void versionsAndRollback()
    {
        const DddRunner ddd = ciRunner(u"deploy"_qs);
        const auto versions = ddd.run({u"versions"_qs, u"--json"_qs});
        QVERIFY2(versions.exitCode == 0, versions.err.constData());
        const QJsonArray items = versions.json().value(u"versions"_qs).toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0)[u"number"_qs].toInt(), 3);
        QCOMPARE(items.at(0)[u"status"_qs].toString(), u"ready"_qs);
        QCOMPARE(items.at(1)[u"status"_qs].toString(), u"live"_qs);
        QCOMPARE(versions.json().value(u"project"_qs)[u"name"_qs].toString(), u"Docs"_qs);
        QVERIFY(ddd.run({u"versions"_qs}).out.contains("VERSION"));

        const auto back = ddd.run({u"rollback"_qs, u"--json"_qs});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(back.json().value(u"live"_qs)[u"number"_qs].toInt(), 1);
        QTRY_COMPARE(served(u"/"_qs), QByteArray("<h1>one</h1>"));
        const auto named = ddd.run({u"rollback"_qs, u"3"_qs});
        QVERIFY2(named.exitCode == 0, named.err.constData());
        QVERIFY(named.out.contains("Version 3 of Docs is live"));
        QTRY_COMPARE(served(u"/"_qs), QByteArray("<h1>three</h1>"));
    }

    void refusedFolderExitsFourAndSendsNothing()
    {
        const QString folder = site(u"site-link"_qs);
        write(folder + u"/index.html"_qs, "x");
        QVERIFY(QFile::link(u"/etc/passwd"_qs, folder + u"/passwd"_qs));
        const auto run = ciRunner(u"deploy"_qs).run({u"deploy"_qs, folder, u"--json"_qs});
        QCOMPARE(run.exitCode, 4);
        QCOMPARE(run.errorCode(), u"archive.link_entry"_qs);
        QVERIFY(run.out.isEmpty());
    }

    void archiveGoesAsItIs()
    {
        const QString archive = site(u"site.zip"_qs);
        write(archive, ddd::test::ZipBuilder().file("index.html", "<h1>zip</h1>").build());
        const auto run = ciRunner(u"deploy"_qs).run({u"deploy"_qs, archive, u"--go-live"_qs, u"--json"_qs});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().value(u"version"_qs)[u"source"_qs].toString(), u"archive"_qs);
        QTRY_COMPARE(served(u"/"_qs), QByteArray("<h1>zip</h1>"));
        // --build sends the archive as a source; its build makes the version.
        const auto build = ciRunner(u"deploy"_qs).run({u"deploy"_qs, archive, u"--build"_qs, u"--json"_qs});
        QVERIFY2(build.exitCode == 0, build.err.constData());
        QVERIFY(build.json().value(u"build"_qs).toInteger() > 0);
        QVERIFY(build.json().value(u"source"_qs).toInteger() > 0);
    }

    // An archive goes through an upload session: a dropped connection
    // resumes where the agent stands.
    void archiveResumesAfterADroppedConnection()
    {
        const QString archive = site(u"big.zip"_qs);
        write(archive, ddd::test::ZipBuilder().file("index.html", "<h1>big zip</h1>").file("big.bin", noise(512 * 1024, 7), false).build());
        CuttingRelay relay(m_agent->apiPort(), 128 * 1024);
        DddRunner ddd = ciRunner(u"deploy"_qs);
        ddd.setVariable(u"DDD_AGENT"_qs, relay.url());
        const auto run = ddd.run({u"deploy"_qs, archive, u"--go-live"_qs, u"--json"_qs});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(relay.cut());
        QCOMPARE(run.json().value(u"version"_qs)[u"fileCount"_qs].toInt(), 2);
        QTRY_COMPARE(served(u"/"_qs), QByteArray("<h1>big zip</h1>"));
        QCOMPARE(openArchiveUploads(), 0);
    }

    // What a Ctrl-C leaves (a session holding the first bytes) is found by
    // the archive's hash on the next run and continued, not sent again.
    void rerunResumesTheInterruptedSession()
    {
        const QString archive = site(u"again.zip"_qs);
        const QByteArray bytes = ddd::test::ZipBuilder().file("index.html", "<h1>again</h1>").file("big.bin", noise(300 * 1024, 8), false).build();
        write(archive, bytes);
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_loginToken);
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const auto created = http.post(u"/api/v1/projects/%1/archive-uploads"_qs.arg(m_projectId),
                                       {{u"size"_qs, bytes.size()}, {u"sha256"_qs, sha}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_qs).toString();
        QCOMPARE(http.send("PATCH", u"/api/v1/archive-uploads/"_qs + id, bytes.left(200000), {{"Upload-Offset", "0"}}).status, 200);
        const auto run = ciRunner(u"deploy"_qs).run({u"deploy"_qs, archive, u"--go-live"_qs});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("resuming an earlier upload"), run.err.constData());
        QTRY_COMPARE(served(u"/"_qs), QByteArray("<h1>again</h1>"));
        QCOMPARE(http.get(u"/api/v1/archive-uploads/"_qs + id).errorCode(), u"upload.not_found"_qs);
    }

    // --build sends the folder as a source; logs --follow streams the
    // build's log to its end and says by its exit status how it ended.
    void buildsFollowTheLogToTheEnd()
    {
        const QString folder = site(u"source-ok"_qs);
        write(folder + u"/index.html"_qs, "<h1>built</h1>");
        write(folder + u"/.env"_qs, "TOKEN=1");
        const DddRunner ddd = ciRunner(u"builds"_qs);
        const auto sent = ddd.run({u"deploy"_qs, folder, u"--build"_qs, u"--go-live"_qs, u"--json"_qs});
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        const qint64 build = sent.json().value(u"build"_qs).toInteger();
        QVERIFY(build > 0);
        QCOMPARE(sent.json().value(u"leftOut"_qs).toArray().first().toString(), u".env"_qs);
        const auto follow = ddd.run({u"logs"_qs, QString::number(build), u"--follow"_qs});
        QVERIFY2(follow.exitCode == 0, follow.err.constData());
        QVERIFY2(follow.out.contains("step one") && follow.out.contains("step two"), follow.out.constData());
        QTRY_COMPARE(served(u"/"_qs), QByteArray("<h1>built</h1>"));
        const auto builds = ddd.run({u"builds"_qs, u"--json"_qs});
        QVERIFY2(builds.exitCode == 0, builds.err.constData());
        QCOMPARE(builds.json().value(u"builds"_qs)[0][u"id"_qs].toInteger(), build);
        QCOMPARE(builds.json().value(u"builds"_qs)[0][u"status"_qs].toString(), u"succeeded"_qs);
        QVERIFY(ddd.run({u"logs"_qs, QString::number(build)}).out.contains("step two"));

        const QString failing = site(u"source-fail"_qs);
        write(failing + u"/index.html"_qs, "x");
        write(failing + u"/fail.txt"_qs, "x");
        const qint64 broken = ddd.run({u"deploy"_qs, failing, u"--build"_qs, u"--json"_qs}).json().value(u"build"_qs).toInteger();
        QVERIFY(broken > build);
        const auto failed = ddd.run({u"logs"_qs, QString::number(broken), u"--follow"_qs, u"--json"_qs});
        QCOMPARE(failed.exitCode, 7);
        QCOMPARE(failed.errorCode(), u"build.failed"_qs);
        QCOMPARE(failed.json().value(u"build"_qs)[u"status"_qs].toString(), u"failed"_qs);
        QCOMPARE(ddd.run({u"logs"_qs, u"999999"_qs, u"--json"_qs}).exitCode, 3);
    }

    // Tokens are managed with a login token: the stored API token is
    // refused, so ddd asks for the password and signs in for the one call.
    void webhooksAreAddedListedAndRemoved()
    {
        const DddRunner ddd = ciRunner(u"webhooks"_qs);
        const auto added = ddd.run({u"webhooks"_qs, u"add"_qs, u"http://127.0.0.1:9/hook"_qs, u"--events"_qs,
                                    u"version.activated,build.finished"_qs, u"--json"_qs});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const QString secret = added.json().value(u"secret"_qs).toString();
        QVERIFY(secret.startsWith(u"whsec_"_qs));
        const qint64 id = added.json().value(u"id"_qs).toInteger();
        const auto listed = ddd.run({u"webhooks"_qs, u"--json"_qs});
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        const QJsonArray hooks = listed.json().value(u"webhooks"_qs).toArray();
        QCOMPARE(hooks.size(), 1);
        QCOMPARE(hooks.at(0)[u"events"_qs].toArray(), QJsonArray({u"version.activated"_qs, u"build.finished"_qs}));
        QVERIFY(!listed.out.contains(secret.toUtf8()));
        QVERIFY(ddd.run({u"webhooks"_qs}).out.contains("http://127.0.0.1:9/hook"));
        const auto refused = ddd.run({u"webhooks"_qs, u"add"_qs, u"ftp://example.com/"_qs});
        QVERIFY(refused.exitCode != 0);
        QVERIFY(refused.err.contains("webhook.invalid_url"));
        QCOMPARE(ddd.run({u"webhooks"_qs, u"remove"_qs, u"x"_qs}).exitCode, 1);
        const auto removed = ddd.run({u"webhooks"_qs, u"remove"_qs, QString::number(id)});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        QCOMPARE(ddd.run({u"webhooks"_qs, u"--json"_qs}).json().value(u"webhooks"_qs).toArray().size(), 0);
    }

    void tokensAreListedAndRevoked()
    {
        const DddRunner ddd = ciRunner(u"tokens"_qs);
        const auto listed = ddd.run({u"tokens"_qs, u"--json"_qs, u"--password-stdin"_qs}, kPassword.toUtf8() + "\n");
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        const QJsonArray tokens = listed.json().value(u"tokens"_qs).toArray();
        QVERIFY(std::any_of(tokens.begin(), tokens.end(), [](const QJsonValue &token) {
            return token[u"name"_qs].toString() == u"ci"_qs && token[u"capabilities"_qs].toArray().contains(u"deploy"_qs);
        }));
        QVERIFY(!listed.out.contains("ddd_")); // never a secret

        const QString doomed = apiToken();
        DddRunner victim = runner(u"tokens-victim"_qs);
        victim.setVariable(u"DDD_AGENT"_qs, agentUrl());
        victim.setVariable(u"DDD_TOKEN"_qs, doomed);
        QCOMPARE(victim.run({u"projects"_qs}).exitCode, 0);
        const auto all = ddd.run({u"tokens"_qs, u"--json"_qs}, kPassword.toUtf8() + "\n").json().value(u"tokens"_qs).toArray();
        qint64 newest = 0;
        for (const QJsonValue &token : all)
            newest = std::max(newest, token[u"id"_qs].toInteger());
        const auto revoked = ddd.run({u"tokens"_qs, u"--revoke"_qs, QString::number(newest)}, kPassword.toUtf8() + "\n");
        QVERIFY2(revoked.exitCode == 0, revoked.err.constData());
        QCOMPARE(victim.run({u"projects"_qs}).exitCode, 2);
        const auto wrong = ddd.run({u"tokens"_qs, u"--json"_qs}, "wrong password\n");
        QCOMPARE(wrong.exitCode, 2);
        QCOMPARE(wrong.errorCode(), u"auth.invalid_credentials"_qs);
    }

    // A connection cut in the middle of a blob: the upload goes on where the
    // agent's byte count says (ResumableUpload asks after the refused
    // restart, or after a pause when the request failed), and the deploy
    // succeeds with the whole file.
    void resumesAfterADroppedConnection()
    {
        const QString folder = site(u"site-big"_qs);
        QByteArray big(512 * 1024, Qt::Uninitialized);
        QRandomGenerator random(42); // incompressible, so it travels as it is
        for (char &byte : big)
            byte = char(random.bounded(256));
        write(folder + u"/index.html"_qs, "<h1>big</h1>");
        write(folder + u"/big.bin"_qs, big);
        CuttingRelay relay(m_agent->apiPort(), 128 * 1024);
        DddRunner ddd = ciRunner(u"deploy"_qs);
        ddd.setVariable(u"DDD_AGENT"_qs, relay.url());
        const auto run = ddd.run({u"deploy"_qs, folder, u"--json"_qs});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(relay.cut());
        const QJsonObject version = run.json().value(u"version"_qs).toObject();
        QCOMPARE(version.value(u"fileCount"_qs).toInt(), 2);
        QCOMPARE(version.value(u"totalBytes"_qs).toInteger(), big.size() + 12);
    }
};

QTEST_GUILESS_MAIN(TestDddCli)
#include "tst_dddcli.moc"
