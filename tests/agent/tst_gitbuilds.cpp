// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Builds from a Git repository over real sockets, with a real `git daemon`
// on loopback and the agent's real sandbox: the clone runs sandboxed with
// network, becomes a source that remembers its commit, and is built and
// served; hooks fetch the newest commit; every refusal has its code.
#include "tests/agent/buildtestkit.h"
#include "tests/agent/gitserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QtTest>

using namespace ddd::test;

namespace {

const QString kPassword = u"correct horse battery"_qs;
constexpr int kBuildWaitMs = 120000;

QJsonObject gitSettings(const QString &url, const QString &branch = u"main"_qs)
{
    return {{u"settings"_qs,
             QJsonObject{{u"build"_qs, QJsonObject{{u"git"_qs, QJsonObject{{u"url"_qs, url}, {u"branch"_qs, branch}}}}}}}};
}

} // namespace

class TestGitBuilds final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    std::unique_ptr<BuildApi> m_api;
    GitServer m_git;
    QString m_firstCommit;

    qint64 gitProject(const QString &name, const QString &url, const QString &branch = u"main"_qs,
                      QByteArray *host = nullptr)
    {
        const qint64 project = m_api->createProject(name, host);
        const HttpReply saved = m_api->client().patch(u"/api/v1/projects/%1"_qs.arg(project), gitSettings(url, branch));
        if (saved.status != 200)
            qWarning() << "saving the Git settings failed:" << saved.status << saved.body;
        return project;
    }

    HttpReply startGitBuild(qint64 project, bool activate = true)
    {
        return m_api->client().post(u"/api/v1/projects/%1/builds"_qs.arg(project),
                                    {{u"from"_qs, u"git"_qs}, {u"activate"_qs, activate}});
    }

    QJsonObject source(qint64 id) { return m_api->client().get(u"/api/v1/sources/%1"_qs.arg(id)).json(); }

    qsizetype sourceCount(qint64 project)
    {
        return m_api->client().get(u"/api/v1/projects/%1/sources"_qs.arg(project)).items().size();
    }

    QStringList versionPaths(qint64 versionId)
    {
        QStringList paths;
        const QJsonArray files =
            m_api->client().get(u"/api/v1/deploys/%1/files"_qs.arg(versionId)).items();
        for (const QJsonValue &file : files)
            paths << file.toObject().value(u"path"_qs).toString();
        return paths;
    }

    QStringList leftovers() const { return m_agent->uploadAndBuildLeftovers(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_git.start());
        m_firstCommit = m_git.commit({{u"index.html"_qs, "<h1>first from git</h1>"},
                                      {u"about/index.html"_qs, "<p>about</p>"}},
                                     u"First page"_qs);
        QVERIFY(!m_firstCommit.isEmpty());
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_api = std::make_unique<BuildApi>(*m_agent, m_agent->login(u"owner@example.com"_qs, kPassword));
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_agent.reset();
    }

    void settingsRoundTrip()
    {
        const qint64 project = gitProject(u"Settings"_qs, m_git.url(), u"release/1.x"_qs);
        const QJsonObject git = m_api->client()
                                    .get(u"/api/v1/projects/%1"_qs.arg(project))
                                    .json()
                                    .value(u"settings"_qs)
                                    .toObject()
                                    .value(u"build"_qs)
                                    .toObject()
                                    .value(u"git"_qs)
                                    .toObject();
        QCOMPARE(git, (QJsonObject{{u"url"_qs, m_git.url()}, {u"branch"_qs, u"release/1.x"_qs}}));
        // A new project has no Git: an empty URL and the default branch.
        const qint64 plain = m_api->createProject(u"No Git"_qs);
        const QJsonObject none = m_api->client().get(u"/api/v1/projects/%1"_qs.arg(plain)).json()
                                     .value(u"settings"_qs).toObject().value(u"build"_qs).toObject()
                                     .value(u"git"_qs).toObject();
        QCOMPARE(none, (QJsonObject{{u"url"_qs, QString()}, {u"branch"_qs, u"main"_qs}}));
    }

    void invalidGitSettingsAreRefusedAtSave_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("code");
        QTest::newRow("credentials") << u"https://user:hunter22@example.org/site.git"_qs << u"main"_qs
                                     << u"build.invalid_git_url"_qs;
        QTest::newRow("ssh") << u"ssh://git@example.org/site.git"_qs << u"main"_qs << u"build.invalid_git_url"_qs;
        QTest::newRow("file") << u"file:///etc"_qs << u"main"_qs << u"build.invalid_git_url"_qs;
        QTest::newRow("not a URL") << u"example.org/site"_qs << u"main"_qs << u"build.invalid_git_url"_qs;
        QTest::newRow("option branch") << u"https://example.org/site.git"_qs << u"--upload-pack=x"_qs
                                       << u"build.invalid_git_branch"_qs;
        QTest::newRow("dotdot branch") << u"https://example.org/site.git"_qs << u"a..b"_qs
                                       << u"build.invalid_git_branch"_qs;
    }
    void invalidGitSettingsAreRefusedAtSave()
    {
        QFETCH(QString, url);
        QFETCH(QString, branch);
        QFETCH(QString, code);
        const qint64 project = m_api->createProject(u"Invalid Git"_qs);
        const HttpReply saved =
            m_api->client().patch(u"/api/v1/projects/%1"_qs.arg(project), gitSettings(url, branch));
        QCOMPARE(saved.status, 422);
        QCOMPARE(saved.errorCode(), code);
        QVERIFY2(!saved.body.contains("hunter22"), saved.body); // credentials are never echoed
        const QJsonObject git = m_api->client().get(u"/api/v1/projects/%1"_qs.arg(project)).json()
                                    .value(u"settings"_qs).toObject().value(u"build"_qs).toObject()
                                    .value(u"git"_qs).toObject();
        QCOMPARE(git.value(u"url"_qs).toString(), QString());
        // A wrong shape is a settings error like any other.
        const HttpReply shape = m_api->client().patch(
            u"/api/v1/projects/%1"_qs.arg(project),
            {{u"settings"_qs, QJsonObject{{u"build"_qs, QJsonObject{{u"git"_qs, QJsonObject{{u"url"_qs, 7}}}}}}}});
        QCOMPARE(shape.errorCode(), u"project.invalid_settings"_qs);
    }

    void gitBuildIsFetchedBuiltAndServed()
    {
        QByteArray host;
        const qint64 project = gitProject(u"From Git"_qs, m_git.url(), u"main"_qs, &host);
        const HttpReply started = startGitBuild(project);
        QCOMPARE(started.status, 202);
        QCOMPARE(started.json().value(u"trigger"_qs).toString(), u"git"_qs);
        QVERIFY(started.json().value(u"sourceId"_qs).isNull());
        const qint64 build = started.json().value(u"id"_qs).toInteger();
        const QJsonObject done = m_api->waitFor(build, u"succeeded"_qs, kBuildWaitMs);
        QVERIFY2(done.value(u"status"_qs).toString() == u"succeeded"_qs, QJsonDocument(done).toJson());
        QCOMPARE(done.value(u"phases"_qs).toArray().first().toObject().value(u"name"_qs).toString(), u"fetch"_qs);
        QCOMPARE(done.value(u"phases"_qs).toArray().first().toObject().value(u"exitCode"_qs).toInt(), 0);

        const QJsonObject fetched = source(done.value(u"sourceId"_qs).toInteger());
        const QJsonObject origin = fetched.value(u"git"_qs).toObject();
        QCOMPARE(origin.value(u"commit"_qs).toString(), m_firstCommit);
        QCOMPARE(origin.value(u"url"_qs).toString(), m_git.url());
        QCOMPARE(origin.value(u"branch"_qs).toString(), u"main"_qs);
        QCOMPARE(origin.value(u"subject"_qs).toString(), u"First page"_qs);
        QCOMPARE(fetched.value(u"fileCount"_qs).toInt(), 2); // no .git
        QCOMPARE(fetched.value(u"detection"_qs).toObject().value(u"generator"_qs).toString(), u"plain"_qs);

        const QStringList paths = versionPaths(done.value(u"versionId"_qs).toInteger());
        QCOMPARE(paths.size(), 2);
        for (const QString &path : paths)
            QVERIFY2(!path.startsWith(u".git"_qs), qPrintable(path));
        const HttpReply served = HttpTestClient(m_agent->sitePort()).get(u"/"_qs, host);
        QCOMPARE(served.status, 200);
        QCOMPARE(served.body, QByteArray("<h1>first from git</h1>"));
        const QByteArray log = m_api->client().get(u"/api/v1/builds/%1/log"_qs.arg(build)).body;
        QVERIFY2(log.contains("git clone") && log.contains("fetch finished"), log);
        QTRY_COMPARE_WITH_TIMEOUT(leftovers(), QStringList(), 10000); // the work folder goes just after the record

        // A rebuild of the fetched source does not fetch again.
        const HttpReply rebuild = m_api->client().post(
            u"/api/v1/projects/%1/builds"_qs.arg(project), {{u"sourceId"_qs, fetched.value(u"id"_qs).toInteger()}});
        QCOMPARE(rebuild.status, 202);
        const QJsonObject rebuilt = m_api->waitFor(rebuild.json().value(u"id"_qs).toInteger(), u"succeeded"_qs);
        QCOMPARE(rebuilt.value(u"sourceId"_qs).toInteger(), fetched.value(u"id"_qs).toInteger());
        for (const QJsonValue &phase : rebuilt.value(u"phases"_qs).toArray())
            QVERIFY(phase.toObject().value(u"name"_qs).toString() != u"fetch"_qs);
        QCOMPARE(sourceCount(project), 1);
    }

    void hookBuildsTheNewestCommit()
    {
        QByteArray host;
        const qint64 project = gitProject(u"Hooked"_qs, m_git.url(), u"main"_qs, &host);
        QVERIFY(m_api->client().patch(u"/api/v1/projects/%1"_qs.arg(project),
                                      {{u"settings"_qs, QJsonObject{{u"build"_qs, QJsonObject{{u"publishAutomatically"_qs, true}}}}}})
                    .status
                == 200);
        const QString second = m_git.commit({{u"index.html"_qs, "<h1>second from git</h1>"}}, u"Second page"_qs);
        QVERIFY(!second.isEmpty() && second != m_firstCommit);
        const HttpReply hook = m_api->client().post(u"/api/v1/projects/%1/build-hooks"_qs.arg(project),
                                                    {{u"name"_qs, u"CI"_qs}});
        QCOMPARE(hook.status, 201);
        const QString path = QUrl(hook.json().value(u"url"_qs).toString()).path();
        const HttpReply triggered = HttpTestClient(m_agent->apiPort()).send("POST", path);
        QCOMPARE(triggered.status, 202);
        QCOMPARE(triggered.json().value(u"trigger"_qs).toString(), u"hook"_qs);
        const QJsonObject done =
            m_api->waitFor(triggered.json().value(u"id"_qs).toInteger(), u"succeeded"_qs, kBuildWaitMs);
        QVERIFY2(done.value(u"status"_qs).toString() == u"succeeded"_qs, QJsonDocument(done).toJson());
        QCOMPARE(source(done.value(u"sourceId"_qs).toInteger()).value(u"git"_qs).toObject().value(u"commit"_qs).toString(),
                 second);
        QCOMPARE(HttpTestClient(m_agent->sitePort()).get(u"/"_qs, host).body, QByteArray("<h1>second from git</h1>"));
    }

    void unknownBranchFailsAndLeavesNothing()
    {
        const qint64 project = gitProject(u"No Branch"_qs, m_git.url(), u"does-not-exist"_qs);
        const HttpReply started = startGitBuild(project);
        QCOMPARE(started.status, 202);
        const QJsonObject done = m_api->waitFor(started.json().value(u"id"_qs).toInteger(), u"failed"_qs, kBuildWaitMs);
        const QJsonObject error = done.value(u"error"_qs).toObject();
        QVERIFY2(error.value(u"code"_qs).toString() == u"build.git_failed"_qs, QJsonDocument(done).toJson());
        QVERIFY(error.value(u"details"_qs).toObject().value(u"exitCode"_qs).toInt() != 0);
        QVERIFY(done.value(u"sourceId"_qs).isNull());
        QCOMPARE(done.value(u"phases"_qs).toArray().first().toObject().value(u"name"_qs).toString(), u"fetch"_qs);
        QCOMPARE(sourceCount(project), 0);
        QTRY_COMPARE_WITH_TIMEOUT(leftovers(), QStringList(), 10000); // the work folder goes just after the record
    }

    void unreachableHostFails()
    {
        // A port nobody listens on: the kernel refuses the connection at once.
        quint16 closed = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closed = probe.serverPort();
        }
        const qint64 project = gitProject(u"Unreachable"_qs, u"git://127.0.0.1:%1/site.git"_qs.arg(closed));
        const HttpReply started = startGitBuild(project);
        QCOMPARE(started.status, 202);
        const QJsonObject done = m_api->waitFor(started.json().value(u"id"_qs).toInteger(), u"failed"_qs, kBuildWaitMs);
        QCOMPARE(done.value(u"error"_qs).toObject().value(u"code"_qs).toString(), u"build.git_failed"_qs);
        QCOMPARE(sourceCount(project), 0);
    }

    void cancelStopsAHangingClone()
    {
        // Accepts connections (the kernel's backlog) and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        const qint64 project = gitProject(u"Hanging"_qs, u"git://127.0.0.1:%1/site.git"_qs.arg(silent.serverPort()));
        const HttpReply started = startGitBuild(project);
        QCOMPARE(started.status, 202);
        const qint64 build = started.json().value(u"id"_qs).toInteger();
        QCOMPARE(m_api->waitFor(build, u"running"_qs).value(u"status"_qs).toString(), u"running"_qs);
        QCOMPARE(m_api->client().post(u"/api/v1/builds/%1/cancel"_qs.arg(build), {}).status, 200);
        const QJsonObject done = m_api->waitFor(build, u"cancelled"_qs, kBuildWaitMs);
        QCOMPARE(done.value(u"error"_qs).toObject().value(u"code"_qs).toString(), u"build.cancelled"_qs);
        QCOMPARE(sourceCount(project), 0);
        QTRY_COMPARE_WITH_TIMEOUT(leftovers(), QStringList(), 10000); // the work folder goes just after the record
    }

    void gitRequestRefusals()
    {
        const qint64 project = m_api->createProject(u"Without Git"_qs);
        const HttpReply noGit = startGitBuild(project);
        QCOMPARE(noGit.status, 422);
        QCOMPARE(noGit.errorCode(), u"build.no_git"_qs);
        const HttpReply badFrom = m_api->client().post(u"/api/v1/projects/%1/builds"_qs.arg(project),
                                                       {{u"from"_qs, u"svn"_qs}});
        QCOMPARE(badFrom.errorCode(), u"request.invalid_field"_qs);
        const qint64 withGit = gitProject(u"Git and source"_qs, m_git.url());
        const HttpReply both = m_api->client().post(u"/api/v1/projects/%1/builds"_qs.arg(withGit),
                                                    {{u"from"_qs, u"git"_qs}, {u"sourceId"_qs, 1}});
        QCOMPARE(both.errorCode(), u"request.invalid_field"_qs);
        // "source" without a source is the old answer.
        const HttpReply fromSource = m_api->client().post(u"/api/v1/projects/%1/builds"_qs.arg(project),
                                                          {{u"from"_qs, u"source"_qs}});
        QCOMPARE(fromSource.errorCode(), u"source.not_found"_qs);
    }

    // builds.git = false: no Git URL can be saved and no Git build started.
    void operatorCanTurnGitOff()
    {
        AgentFixture agent;
        agent.config.buildGit = false;
        QVERIFY(agent.start());
        QVERIFY(agent.addUser(u"owner@example.com"_qs, kPassword));
        BuildApi api(agent, agent.login(u"owner@example.com"_qs, kPassword));
        const qint64 project = api.createProject(u"Off"_qs);
        const HttpReply saved = api.client().patch(u"/api/v1/projects/%1"_qs.arg(project), gitSettings(m_git.url()));
        QCOMPARE(saved.status, 422);
        QCOMPARE(saved.errorCode(), u"build.git_disabled"_qs);
        const HttpReply started = api.client().post(u"/api/v1/projects/%1/builds"_qs.arg(project),
                                                    {{u"from"_qs, u"git"_qs}});
        QCOMPARE(started.status, 422);
        QCOMPARE(started.errorCode(), u"build.git_disabled"_qs);
        // Clearing the URL is always allowed.
        QCOMPARE(api.client().patch(u"/api/v1/projects/%1"_qs.arg(project), gitSettings(QString())).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestGitBuilds)
#include "tst_gitbuilds.moc"
