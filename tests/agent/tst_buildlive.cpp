// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Builds while they run, over real sockets: one active build per project,
// the live log as Server-Sent Events, tail, redaction, cancel, and a restart
// mid-build. A gate holds the builds running (tests/agent/buildtestkit.h).
#include "core/storage/buildlogstore.h"
#include "core/storage/buildstore.h"
#include "core/storage/connectionprovider.h"
#include "tests/agent/buildtestkit.h"
#include "tests/support/rawtcpclient.h"

#include <QDir>
#include <QJsonDocument>
#include <QtTest>

using namespace ddd::test;

namespace {

const QString kPassword = u"correct horse battery"_qs;

// The agent's database as another agent sharing it sees it.
std::unique_ptr<ddd::core::storage::ConnectionProvider> otherAgentsView(const AgentFixture &agent)
{
    using ddd::core::storage::ConnectionProvider;
    if (agent.config.databaseUrl.isEmpty())
        return std::make_unique<ConnectionProvider>(agent.dataDir() + u"/agent.db"_qs);
    return std::make_unique<ConnectionProvider>(ConnectionProvider::Postgres{agent.config.databaseUrl.toUtf8()});
}

// A build of the project's newest source, queued as another agent would.
qint64 queueElsewhere(ddd::core::storage::ConnectionProvider &db, qint64 project, qint64 source)
{
    ddd::core::model::Build build;
    build.projectId = project;
    build.sourceId = source;
    build.trigger = ddd::core::model::BuildTrigger::Rebuild;
    build.createdAt = QDateTime::currentMSecsSinceEpoch();
    auto stored = ddd::core::storage::BuildStore(db).insert(build);
    return stored ? stored->id : 0;
}

} // namespace

class TestBuildLive final : public QObject
{
    Q_OBJECT

    struct Session
    {
        std::unique_ptr<AgentFixture> agent = std::make_unique<AgentFixture>();
        BuildGate gate;
        std::unique_ptr<BuildApi> api;
        QString token;

        bool start(bool createUser = true)
        {
            agent->buildEngine = gate.engine();
            if (!agent->start() || (createUser && !agent->addUser(u"owner@example.com"_qs, kPassword)))
                return false;
            token = agent->login(u"owner@example.com"_qs, kPassword);
            api = std::make_unique<BuildApi>(*agent, token);
            return !token.isEmpty();
        }

        qint64 startBuild(qint64 project)
        {
            const HttpReply upload = api->uploadSource(project, BuildApi::siteZip("<h1>live</h1>"), u"?build=1"_qs);
            return upload.json().value(u"build"_qs).toObject().value(u"id"_qs).toInteger();
        }
    };

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void secondRequestAnswersTheActiveBuild()
    {
        Session s;
        QVERIFY(s.start());
        const qint64 project = s.api->createProject(u"Active"_qs);
        const qint64 build = s.startBuild(project);
        s.api->waitFor(build, u"running"_qs);
        const HttpReply again = s.api->client().post(u"/api/v1/projects/%1/builds"_qs.arg(project), {});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"id"_qs).toInteger(), build);
        s.gate.release();
        // The agent's own phases frame the gate engine's one: source layout, build, store.
        QStringList phases;
        for (const QJsonValue &phase : s.api->waitFor(build, u"succeeded"_qs).value(u"phases"_qs).toArray())
            phases.append(phase.toObject().value(u"name"_qs).toString());
        QCOMPARE(phases, (QStringList{u"source"_qs, u"build"_qs, u"store"_qs}));
        const HttpReply rebuild = s.api->client().post(u"/api/v1/projects/%1/builds"_qs.arg(project), {});
        QCOMPARE(rebuild.status, 202);
        QCOMPARE(rebuild.json().value(u"trigger"_qs).toString(), u"rebuild"_qs);
        QCOMPARE(s.api->client().get(u"/api/v1/projects/%1/builds"_qs.arg(project)).items().size(), 2);
    }

    void streamDeliversLinesThenTheEnd()
    {
        Session s;
        QVERIFY(s.start());
        const qint64 build = s.startBuild(s.api->createProject(u"Stream"_qs));
        s.api->waitFor(build, u"running"_qs);
        RawTcpClient raw;
        QVERIFY(raw.connectTo(s.agent->apiPort()));
        QVERIFY(raw.send("GET /api/v1/builds/" + QByteArray::number(build) + "/log/stream HTTP/1.1\r\n"
                         "Host: 127.0.0.1\r\nAuthorization: Bearer " + s.token.toLatin1() + "\r\n\r\n"));
        QVERIFY(raw.waitForData(5000)); // the lines so far, while the build still runs
        s.gate.release();
        const auto all = raw.readUntilClosed(10000);
        QVERIFY(all);
        QVERIFY(all->startsWith("HTTP/1.1 200"));
        QVERIFY(all->contains("Content-Type: text/event-stream"));
        QVERIFY(all->contains("event: line\ndata: step one\n\n"));
        QVERIFY(all->contains("event: line\ndata: step two\n\n"));
        const qsizetype end = all->indexOf("event: end\ndata: ");
        QVERIFY(end > all->indexOf("step two"));
        const QJsonObject finished = QJsonDocument::fromJson(all->mid(end + 17).trimmed()).object();
        QCOMPARE(finished.value(u"status"_qs).toString(), u"succeeded"_qs);

        // A finished build's stream is the whole log and the end at once.
        RawTcpClient again;
        QVERIFY(again.connectTo(s.agent->apiPort()));
        QVERIFY(again.send("GET /api/v1/builds/" + QByteArray::number(build) + "/log/stream HTTP/1.1\r\n"
                           "Host: 127.0.0.1\r\nAuthorization: Bearer " + s.token.toLatin1() + "\r\n\r\n"));
        const auto replay = again.readUntilClosed(5000);
        QVERIFY(replay && replay->contains("data: step one") && replay->contains("event: end"));
    }

    void logTailAndRedaction()
    {
        Session s;
        s.agent->config.buildFlagsAllowlist = {u"--baseURL"_qs};
        QVERIFY(s.start());
        const qint64 project = s.api->createProject(u"Secrets"_qs);
        QCOMPARE(s.api->client().patch(u"/api/v1/projects/%1"_qs.arg(project),
                                       {{u"settings"_qs, QJsonObject{{u"buildFlags"_qs,
                                                                      QJsonArray{u"--baseURL=s3cr3t-flag-value"_qs}}}}})
                     .status, 200);
        const qint64 build = s.startBuild(project);
        s.gate.release();
        s.api->waitFor(build, u"succeeded"_qs);
        const QByteArray log = s.api->client().get(u"/api/v1/builds/%1/log"_qs.arg(build)).body;
        QVERIFY(log.contains("step one"));
        for (const char *secret : {"hunter2hunter2", "abc.def.ghi", "s3cr3t-flag-value", "0123456789abcdef0123456789abcdef01"})
            QVERIFY2(!log.contains(secret), secret);
        QVERIFY(log.contains("API_TOKEN=[redacted]"));
        QVERIFY(log.contains("Bearer [redacted]"));
        const QByteArray tail = s.api->client().get(u"/api/v1/builds/%1/log?tail=2"_qs.arg(build)).body;
        QCOMPARE(tail.count('\n'), 2);
        QVERIFY(log.endsWith(tail));
        QCOMPARE(s.api->client().get(u"/api/v1/builds/%1/log?tail=x"_qs.arg(build)).errorCode(),
                 u"request.invalid_field"_qs);
    }

    void cancelRunningAndQueued()
    {
        Session s;
        QVERIFY(s.start());
        const qint64 running = s.startBuild(s.api->createProject(u"Cancel1"_qs));
        s.api->waitFor(running, u"running"_qs);
        const HttpReply cancelled = s.api->client().post(u"/api/v1/builds/%1/cancel"_qs.arg(running), {});
        QCOMPARE(cancelled.status, 200);
        const QJsonObject ended = s.api->waitFor(running, u"cancelled"_qs);
        QCOMPARE(ended.value(u"error"_qs).toObject().value(u"code"_qs).toString(), u"build.cancelled"_qs);
        QVERIFY(ended.value(u"versionId"_qs).isNull());
        QCOMPARE(s.api->client().post(u"/api/v1/builds/%1/cancel"_qs.arg(running), {}).status, 409);
    }

    // The queue is the database's: a build another agent queued runs here
    // (without a wake-up, at the next poll), and a running build stops when
    // another agent is asked to cancel it.
    void buildsQueuedAndCancelledElsewhereReachThisAgent()
    {
        Session s;
        QVERIFY(s.start());
        auto other = otherAgentsView(*s.agent);
        const qint64 project = s.api->createProject(u"Elsewhere"_qs);
        const HttpReply upload = s.api->uploadSource(project, BuildApi::siteZip("<h1>there</h1>"));
        QCOMPARE(upload.status, 201);
        const qint64 build = queueElsewhere(*other, project, upload.json().value(u"id"_qs).toInteger());
        QVERIFY(build);
        s.api->waitFor(build, u"running"_qs);
        QVERIFY(ddd::core::storage::BuildStore(*other).requestCancel(build));
        const QJsonObject ended = s.api->waitFor(build, u"cancelled"_qs);
        QCOMPARE(ended.value(u"error"_qs).toObject().value(u"code"_qs).toString(), u"build.cancelled"_qs);
    }

    // A build an agent took and then stopped beating for (it died) is
    // recorded interrupted by this one, and its project builds again. Its
    // log, shipped by the gone agent, streams here and ends.
    void theBuildOfAGoneAgentIsInterrupted()
    {
        Session s;
        s.agent->config.buildConcurrency = 1; // busy with `running`, so the gone agent takes `orphan`
        QVERIFY(s.start());
        auto other = otherAgentsView(*s.agent);
        const qint64 running = s.startBuild(s.api->createProject(u"Busy"_qs));
        s.api->waitFor(running, u"running"_qs);
        const qint64 project = s.api->createProject(u"Orphan"_qs);
        const HttpReply upload = s.api->uploadSource(project, BuildApi::siteZip("<h1>orphan</h1>"));
        const qint64 orphan = queueElsewhere(*other, project, upload.json().value(u"id"_qs).toInteger());
        const qint64 minuteAgo = QDateTime::currentMSecsSinceEpoch() - 60'000;
        auto taken = ddd::core::storage::BuildStore(*other).claimNext(u"gone-agent"_qs, minuteAgo, {});
        QVERIFY(taken && taken->has_value());
        QCOMPARE((*taken)->id, orphan);
        QVERIFY(ddd::core::storage::BuildLogStore(*other).append(orphan, 1, "the gone agent's line\n"));
        RawTcpClient stream;
        QVERIFY(stream.connectTo(s.agent->apiPort()));
        QVERIFY(stream.send("GET /api/v1/builds/" + QByteArray::number(orphan) + "/log/stream HTTP/1.1\r\n"
                            "Host: 127.0.0.1\r\nAuthorization: Bearer " + s.token.toLatin1() + "\r\n\r\n"));
        const auto streamed = stream.readUntilClosed(10000);
        QVERIFY(streamed && streamed->contains("event: line\ndata: the gone agent's line\n\n"));
        QVERIFY(streamed->contains("event: end\ndata: {") && streamed->contains("\"interrupted\""));
        const QJsonObject ended = s.api->waitFor(orphan, u"interrupted"_qs);
        QCOMPARE(ended.value(u"error"_qs).toObject().value(u"code"_qs).toString(), u"build.interrupted"_qs);
        QCOMPARE(s.api->waitFor(running, u"running"_qs).value(u"status"_qs).toString(), u"running"_qs);
        QCOMPARE(s.api->client().post(u"/api/v1/projects/%1/builds"_qs.arg(project), {}).status, 202);
    }

    // One build runs (builds.concurrency 1), one waits (builds.max_queued 1):
    // a third project's build is refused, and taken once the queue moved.
    void fullQueueRefusesMoreBuilds()
    {
        Session s;
        s.agent->config.buildConcurrency = 1;
        s.agent->config.buildMaxQueued = 1;
        QVERIFY(s.start());
        const qint64 running = s.startBuild(s.api->createProject(u"Full1"_qs));
        s.api->waitFor(running, u"running"_qs);
        const qint64 waiting = s.startBuild(s.api->createProject(u"Full2"_qs));
        QCOMPARE(s.api->waitFor(waiting, u"queued"_qs).value(u"status"_qs).toString(), u"queued"_qs);
        const qint64 third = s.api->createProject(u"Full3"_qs);
        const HttpReply upload = s.api->uploadSource(third, BuildApi::siteZip("<h1>3</h1>"), u"?build=1"_qs);
        QCOMPARE(upload.status, 503);
        QCOMPARE(upload.errorCode(), u"build.queue_full"_qs);
        const qint64 kept = upload.json()[u"error"_qs][u"details"_qs][u"sourceId"_qs].toInteger();
        QCOMPARE(s.api->client().get(u"/api/v1/sources/%1"_qs.arg(kept)).status, 200);
        const QString builds = u"/api/v1/projects/%1/builds"_qs.arg(third);
        const HttpReply refused = s.api->client().post(builds, {});
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.errorCode(), u"build.queue_full"_qs);
        QVERIFY(s.api->client().get(builds).items().isEmpty());
        s.gate.release();
        s.api->waitFor(waiting, u"succeeded"_qs);
        QCOMPARE(s.api->client().post(builds, {}).status, 202);
    }

    // Deleting a project mid-build: its running build stops, its queued one
    // never runs, and no log outlives them; other projects build on.
    void deletedProjectLeavesNoBuildsOrLogs()
    {
        Session s;
        s.agent->config.buildConcurrency = 1;
        QVERIFY(s.start());
        const qint64 runningProject = s.api->createProject(u"Gone1"_qs);
        const qint64 running = s.startBuild(runningProject);
        s.api->waitFor(running, u"running"_qs);
        const qint64 queuedProject = s.api->createProject(u"Gone2"_qs);
        const qint64 queued = s.startBuild(queuedProject);
        const qint64 keptProject = s.api->createProject(u"Kept"_qs);
        const qint64 kept = s.startBuild(keptProject);
        auto other = otherAgentsView(*s.agent);
        ddd::core::storage::BuildLogStore logs(*other);
        QTRY_VERIFY(!logs.read(running).value().isEmpty());
        QCOMPARE(s.api->client().del(u"/api/v1/projects/%1"_qs.arg(queuedProject)).status, 204);
        QCOMPARE(s.api->client().del(u"/api/v1/projects/%1"_qs.arg(runningProject)).status, 204);
        QCOMPARE(s.api->client().get(u"/api/v1/builds/%1"_qs.arg(queued)).status, 404);
        s.gate.release();
        QCOMPARE(s.api->waitFor(kept, u"succeeded"_qs).value(u"status"_qs).toString(), u"succeeded"_qs);
        QVERIFY(logs.read(running).value().isEmpty());
        QVERIFY(logs.read(kept).value().contains("step one"));
        // A finished build's log goes with its project.
        QCOMPARE(s.api->client().del(u"/api/v1/projects/%1"_qs.arg(keptProject)).status, 204);
        QVERIFY(logs.read(kept).value().isEmpty());
    }

    // Two builds run (the global limit), a third waits; the agent stops and a
    // new one starts on the same data root.
    void restartMidBuildInterruptsRunningAndRunsQueued()
    {
        Session s;
        QVERIFY(s.start());
        const qint64 first = s.startBuild(s.api->createProject(u"R1"_qs));
        const qint64 second = s.startBuild(s.api->createProject(u"R2"_qs));
        s.api->waitFor(first, u"running"_qs);
        s.api->waitFor(second, u"running"_qs);
        const qint64 third = s.startBuild(s.api->createProject(u"R3"_qs));
        QCOMPARE(s.api->client().get(u"/api/v1/builds/%1"_qs.arg(third)).json().value(u"status"_qs).toString(),
                 u"queued"_qs);
        s.agent->stop();

        BuildGate open;
        open.release();
        s.gate = open;
        QVERIFY(s.start(false));
        for (qint64 id : {first, second}) {
            const QJsonObject build = s.api->client().get(u"/api/v1/builds/%1"_qs.arg(id)).json();
            QCOMPARE(build.value(u"status"_qs).toString(), u"interrupted"_qs);
            QCOMPARE(build.value(u"error"_qs).toObject().value(u"code"_qs).toString(), u"build.interrupted"_qs);
        }
        QCOMPARE(s.api->waitFor(third, u"succeeded"_qs).value(u"status"_qs).toString(), u"succeeded"_qs);
        // The work folder goes right after the build is recorded finished.
        QTRY_VERIFY_WITH_TIMEOUT(
            QDir(s.agent->dataDir() + u"/work"_qs).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestBuildLive)
#include "tst_buildlive.moc"
