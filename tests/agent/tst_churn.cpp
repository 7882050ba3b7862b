// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Load under churn (issue 11), the bounded version of bench/churn.py: a real
// agent serves 10 sites to client threads (each fetches a page and right
// after it the asset the page names, both carrying the version's marker)
// while deploy, ready-then-activate, rollback and build cycles run through
// the API. Not one 5xx, not one failed request, and not one marker pair the
// live history does not allow (ChurnHistory says exactly what is allowed).
// No timing is asserted; bench/churn.py reports p99, memory and descriptors.
#include "tests/agent/churnhistory.h"
#include "tests/support/agentprocess.h"
#include "tests/support/httptestclient.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/zipbuilder.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QThread>
#include <QtTest>

#include <atomic>

using ddd::test::AgentProcess;
using ddd::test::ChurnHistory;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::RawTcpClient;
using ddd::test::ZipBuilder;

namespace {

constexpr int kSites = 10;
constexpr int kClients = 3;
constexpr int kDrivers = 2;

QByteArray markerOf(const QByteArray &body)
{
    static const QRegularExpression pattern(u"M:([a-z0-9-]+)"_qs);
    return pattern.match(QString::fromLatin1(body)).captured(1).toLatin1();
}

QByteArray siteZip(const QByteArray &marker)
{
    return ZipBuilder()
        .file("index.html", "<html><script src=\"/app.js\"></script>M:" + marker + "</html>")
        .file("app.js", "/* M:" + marker + " */")
        .build();
}

struct Observation
{
    int site = 0;
    QByteArray page, asset;
    qint64 t0 = 0, t1 = 0, t2 = 0, t3 = 0;
};

struct ClientTally
{
    QList<Observation> observations;
    int serverErrors = 0;
    int failures = 0; // no answer, or an answer other than 200
    QString firstFailure;
};

struct ChurnTotals
{
    int pairs = 0, changed = 0, mismatches = 0, serverErrors = 0, failures = 0;
    QString firstMismatch;
};

} // namespace

class TestChurn final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentProcess> m_agent;
    QString m_token;
    QList<qint64> m_projects;
    QList<QByteArray> m_hosts;
    ChurnHistory m_history;
    std::mutex m_versionsMutex;
    QHash<qint64, QByteArray> m_versionMarkers;
    std::atomic<bool> m_stop{false};
    std::mutex m_failuresMutex;
    QStringList m_driverFailures;

    HttpTestClient api() const
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_token);
        return http;
    }

    void noteVersion(qint64 id, const QByteArray &marker)
    {
        std::lock_guard lock(m_versionsMutex);
        m_versionMarkers.insert(id, marker);
    }

    QByteArray markerOfVersion(qint64 id)
    {
        std::lock_guard lock(m_versionsMutex);
        return m_versionMarkers.value(id);
    }

    void driverFailed(const QString &what, const HttpReply &reply)
    {
        std::lock_guard lock(m_failuresMutex);
        m_driverFailures.append(what + u": %1 "_qs.arg(reply.status) + QString::fromUtf8(reply.body.left(200)));
    }

    qint64 deploy(int site, const QByteArray &marker, bool activate)
    {
        const HttpReply reply = api().send(
            "POST", u"/api/v1/projects/%1/deploys?activate=%2"_qs.arg(m_projects[site]).arg(activate ? u"true" : u"false"),
            siteZip(marker), {{"Content-Type", "application/zip"}});
        if (reply.status != 201)
            return driverFailed(u"deploy"_qs, reply), 0;
        const qint64 id = reply.json().value(u"id"_qs).toInteger();
        noteVersion(id, marker);
        return id;
    }

    void build(int site, const QByteArray &marker)
    {
        const HttpReply started = api().send("POST", u"/api/v1/projects/%1/sources?build=1&activate=1"_qs.arg(m_projects[site]),
                                             siteZip(marker), {{"Content-Type", "application/zip"}});
        if (started.status != 201)
            return driverFailed(u"build"_qs, started);
        const qint64 id = started.json().value(u"build"_qs).toObject().value(u"id"_qs).toInteger();
        for (QDeadlineTimer deadline(60000); !deadline.hasExpired(); QThread::msleep(50)) {
            const HttpReply state = api().get(u"/api/v1/builds/%1"_qs.arg(id));
            const QString status = state.json().value(u"status"_qs).toString();
            if (status == u"queued" || status == u"running")
                continue;
            if (status != u"succeeded")
                return driverFailed(u"build ended "_qs + status, state);
            return noteVersion(state.json().value(u"versionId"_qs).toInteger(), marker);
        }
        driverFailed(u"build did not end"_qs, started);
    }

    // One cycle on one site; the generation is recorded only once the API
    // has confirmed the switch, with the window it may have happened in.
    void cycle(int site, int number)
    {
        const QByteArray marker = "s" + QByteArray::number(site) + "-c" + QByteArray::number(number);
        const int kind = number % 4;
        qint64 ready = kind == 1 ? deploy(site, marker, false) : 0;
        const qint64 start = ChurnHistory::nowNs();
        QByteArray live = marker;
        if (kind == 0) {
            if (!deploy(site, marker, true))
                return;
        } else if (kind == 1) {
            const HttpReply activated = api().post(u"/api/v1/deploys/%1/activate"_qs.arg(ready), {});
            if (!ready || activated.status != 200)
                return driverFailed(u"activate"_qs, activated);
        } else if (kind == 2) {
            const HttpReply rolled = api().post(u"/api/v1/projects/%1/rollback"_qs.arg(m_projects[site]), {});
            live = markerOfVersion(rolled.json().value(u"id"_qs).toInteger());
            if (rolled.status != 200 || live.isEmpty())
                return driverFailed(u"rollback"_qs, rolled);
        } else {
            build(site, marker);
        }
        m_history.record(site, live, start, ChurnHistory::nowNs());
    }

    std::optional<ddd::test::RawResponse> fetch(RawTcpClient &client, int site, const QByteArray &path)
    {
        if (!client.send("GET " + path + " HTTP/1.1\r\nHost: " + m_hosts[site] + "\r\n\r\n"))
            return std::nullopt;
        return client.readResponse(30000);
    }

    // Page then asset on one connection, over and over, until told to stop.
    ClientTally visit(int first)
    {
        ClientTally tally;
        for (int i = first; !m_stop.load(); ++i) {
            const int site = i % kSites;
            RawTcpClient client;
            Observation seen{site};
            seen.t0 = ChurnHistory::nowNs();
            const auto page = client.connectTo(m_agent->sitePort()) ? fetch(client, site, "/") : std::nullopt;
            seen.t1 = seen.t2 = ChurnHistory::nowNs();
            const auto asset = page ? fetch(client, site, "/app.js") : std::nullopt;
            seen.t3 = ChurnHistory::nowNs();
            for (const auto &answer : {page, asset})
                if (answer && answer->status >= 500)
                    ++tally.serverErrors;
            if (!page || !asset || page->status != 200 || asset->status != 200) {
                if (tally.failures++ == 0)
                    tally.firstFailure = u"site %1: %2 %3"_qs.arg(site).arg(page ? page->status : -1).arg(asset ? asset->status : -1);
                continue;
            }
            seen.page = markerOf(page->body);
            seen.asset = markerOf(asset->body);
            tally.observations.append(seen);
        }
        return tally;
    }

    // Clients visit until the drivers have run every cycle.
    void runUnderChurn(int cycles, QList<ClientTally> &tallies)
    {
        QList<QThread *> clients, drivers;
        for (int c = 0; c < kClients; ++c)
            clients.append(QThread::create([this, c, &tallies] { tallies[c] = visit(c * 3); }));
        for (int d = 0; d < kDrivers; ++d)
            drivers.append(QThread::create([this, d, cycles] {
                // Cycle k is cycle k / kSites + 1 of site k % kSites; one
                // driver per site, so a site's windows never overlap.
                for (int k = 0; k < cycles; ++k)
                    if (k % kSites % kDrivers == d)
                        cycle(k % kSites, k / kSites + 1);
            }));
        for (QThread *thread : clients + drivers)
            thread->start();
        for (QThread *driver : drivers)
            QVERIFY(driver->wait(QDeadlineTimer(300000)));
        m_stop = true;
        for (QThread *client : clients)
            QVERIFY(client->wait(QDeadlineTimer(60000)));
        qDeleteAll(clients + drivers);
    }

    void add(const ClientTally &tally, ChurnTotals &totals) const
    {
        totals.serverErrors += tally.serverErrors;
        totals.failures += tally.failures;
        if (!tally.firstFailure.isEmpty())
            qWarning().noquote() << "first failed request:" << tally.firstFailure;
        for (const Observation &seen : tally.observations) {
            ++totals.pairs;
            totals.changed += seen.page != seen.asset;
            if (!m_history.consistent(seen.site, seen.page, seen.t0, seen.t1, seen.asset, seen.t2, seen.t3)
                && totals.mismatches++ == 0)
                totals.firstMismatch = u"site %1: page %2, asset %3"_qs.arg(seen.site).arg(
                    QString::fromLatin1(seen.page), QString::fromLatin1(seen.asset));
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        static QTemporaryDir dataDir;
        m_agent = std::make_unique<AgentProcess>(QStringLiteral(DDD_AGENT_BINARY), dataDir.path());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, u"correct horse battery"_qs));
        QVERIFY2(m_agent->start(), qPrintable(m_agent->output()));
        m_token = HttpTestClient(m_agent->apiPort())
                      .post(u"/api/v1/auth/login"_qs, {{u"email"_qs, u"owner@example.com"_qs}, {u"password"_qs, u"correct horse battery"_qs}})
                      .json().value(u"token"_qs).toString();
        for (int site = 0; site < kSites; ++site) {
            const QJsonObject project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Churn %1"_qs.arg(site)}}).json();
            m_projects.append(project.value(u"id"_qs).toInteger());
            m_hosts.append(project.value(u"stagingHost"_qs).toString().toLatin1());
            const QByteArray marker = "s" + QByteArray::number(site) + "-c0";
            QVERIFY(deploy(site, marker, true) > 0);
            m_history.record(site, marker, 0, ChurnHistory::nowNs());
        }
    }

    void cleanupTestCase() { m_agent.reset(); }

    // The definition itself: "a" live from the start, "b" switched in
    // somewhere in [100, 200], "a" again (a rollback) in [300, 400].
    void historyAllowsOnlySwitchesThatHappened_data()
    {
        QTest::addColumn<QByteArray>("page");
        QTest::addColumn<qint64>("t0");
        QTest::addColumn<QByteArray>("asset");
        QTest::addColumn<qint64>("t2");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("same, quiet") << QByteArray("a") << qint64(10) << QByteArray("a") << qint64(21) << true;
        QTest::newRow("asset ahead of any switch") << QByteArray("a") << qint64(10) << QByteArray("b") << qint64(21) << false;
        QTest::newRow("switch between the two") << QByteArray("a") << qint64(90) << QByteArray("b") << qint64(150) << true;
        QTest::newRow("back to an older one") << QByteArray("b") << qint64(150) << QByteArray("a") << qint64(170) << false;
        QTest::newRow("rollback between the two") << QByteArray("b") << qint64(250) << QByteArray("a") << qint64(350) << true;
        QTest::newRow("page after its version left") << QByteArray("a") << qint64(250) << QByteArray("a") << qint64(260) << false;
        QTest::newRow("never live") << QByteArray("c") << qint64(10) << QByteArray("c") << qint64(21) << false;
    }

    void historyAllowsOnlySwitchesThatHappened()
    {
        QFETCH(QByteArray, page);
        QFETCH(qint64, t0);
        QFETCH(QByteArray, asset);
        QFETCH(qint64, t2);
        QFETCH(bool, allowed);
        ChurnHistory history;
        history.record(0, "a", 0, 0);
        history.record(0, "b", 100, 200);
        history.record(0, "a", 300, 400);
        QCOMPARE(history.consistent(0, page, t0, t0 + 10, asset, t2, t2 + 10), allowed);
    }

    void servesOneVersionPerSiteUnderChurn()
    {
        const int cycles = qEnvironmentVariableIntValue("DDD_CHURN_CYCLES") > 0 ? qEnvironmentVariableIntValue("DDD_CHURN_CYCLES") : 100;
        QList<ClientTally> tallies(kClients);
        runUnderChurn(cycles, tallies);
        QCOMPARE(m_driverFailures, QStringList());
        ChurnTotals totals;
        for (const ClientTally &tally : tallies)
            add(tally, totals);
        int activations = 0;
        for (int site = 0; site < kSites; ++site)
            activations += m_history.generations(site) - 1;
        qInfo().noquote() << u"%1 page+asset pairs, %2 with an activation between them, %3 activations"_qs
                                 .arg(totals.pairs).arg(totals.changed).arg(activations);
        QCOMPARE(activations, cycles);
        QVERIFY(totals.pairs > 0);
        QCOMPARE(totals.serverErrors, 0);
        QCOMPARE(totals.failures, 0);
        QVERIFY2(totals.mismatches == 0, qPrintable(u"%1 mismatches; first: "_qs.arg(totals.mismatches) + totals.firstMismatch));
    }
};

QTEST_GUILESS_MAIN(TestChurn)
#include "tst_churn.moc"
