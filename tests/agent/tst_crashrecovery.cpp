// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// kill -9 at every named step of a deploy, an activation and a garbage
// collection, then restart the real ddd-agent on the same data directory:
// the database passes integrity_check, the site is exactly the old or the
// new version, nothing is left in staging and no version is stuck.
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "tests/support/agentprocess.h"
#include "tests/support/httptestclient.h"
#include "tests/support/tempdataroot.h"
#include "tests/support/zipbuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QtTest>

using ddd::test::AgentProcess;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::ZipBuilder;

namespace {

const QString kEmail = u"owner@example.com"_qs;
const QString kPassword = u"correct horse battery"_qs;
constexpr int kFiles = 12;

// Version `n` of the site: every file names its version, so a mix shows.
QByteArray siteArchive(int n)
{
    ZipBuilder zip;
    zip.file("index.html", "<h1>version " + QByteArray::number(n) + "</h1>");
    for (int i = 0; i < kFiles; ++i)
        zip.file("pages/p" + QByteArray::number(i) + ".html", "page " + QByteArray::number(i) + " of version " + QByteArray::number(n));
    return zip.build();
}

} // namespace

class TestCrashRecovery final : public QObject
{
    Q_OBJECT

    struct Site
    {
        QString token;
        qint64 project = 0;
        QByteArray host;
    };

    static HttpTestClient api(const AgentProcess &agent, const QString &token)
    {
        HttpTestClient http(agent.apiPort());
        http.setToken(token);
        return http;
    }

    static QString login(const AgentProcess &agent)
    {
        HttpTestClient http(agent.apiPort());
        return http.post(u"/api/v1/auth/login"_qs, {{u"email"_qs, kEmail}, {u"password"_qs, kPassword}})
            .json().value(u"token"_qs).toString();
    }

    static HttpReply deploy(const AgentProcess &agent, const Site &site, int n, bool activate)
    {
        return api(agent, site.token).send("POST", u"/api/v1/projects/%1/deploys%2"_qs.arg(site.project)
                                                       .arg(activate ? u"?activate=true"_qs : QString()),
                                           siteArchive(n), {{"Content-Type", "application/zip"}});
    }

    // Which version the whole site answers with, or -1 for a mix or a gap.
    static int servedVersion(const AgentProcess &agent, const QByteArray &host)
    {
        HttpTestClient http(agent.sitePort());
        const QByteArray index = http.get(u"/"_qs, host).body;
        int version = -1;
        for (int n : {1, 2})
            if (index == "<h1>version " + QByteArray::number(n) + "</h1>")
                version = n;
        for (int i = 0; i < kFiles && version > 0; ++i) {
            const QByteArray page = http.get(u"/pages/p%1.html"_qs.arg(i), host).body;
            if (page != "page " + QByteArray::number(i) + " of version " + QByteArray::number(version))
                return -1;
        }
        return version;
    }

    // Starts an incremental upload of a new index.html and sends its bytes.
    static void sendOneBlob(const AgentProcess &agent, const Site &site)
    {
        const QByteArray index = "<h1>version 3</h1>";
        const QString hash = QString::fromLatin1(QCryptographicHash::hash(index, QCryptographicHash::Sha256).toHex());
        const QJsonArray files{QJsonObject{{u"path"_qs, u"index.html"_qs}, {u"sha256"_qs, hash}, {u"size"_qs, index.size()}}};
        const HttpReply plan = api(agent, site.token).post(u"/api/v1/projects/%1/uploads"_qs.arg(site.project),
                                                           {{u"files"_qs, files}});
        api(agent, site.token).send("PUT", u"/api/v1/uploads/%1/blobs/%2"_qs.arg(plan.json().value(u"uploadId"_qs).toString(), hash),
                                    index);
    }

    static QString integrity(const QString &dataDir)
    {
        auto db = ddd::core::storage::Database::open(dataDir + u"/agent.db"_qs);
        if (!db)
            return db.error().message;
        auto check = db->prepare(u"PRAGMA integrity_check"_qs);
        if (!check || !check->step().ok())
            return u"integrity_check failed to run"_qs;
        return check->columnText(0);
    }

    static QStringList stagingLeftovers(const QString &dataDir)
    {
        QStringList entries = QDir(dataDir + u"/staging"_qs).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        entries.removeAll(u"partial"_qs);
        return entries;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killAndRestart_data()
    {
        QTest::addColumn<QString>("crashPoint");
        QTest::addColumn<QString>("action");
        QTest::newRow("mid blob upload") << u"upload.chunk_written"_qs << u"blob"_qs;
        QTest::newRow("spool written") << u"deploy.spool_written"_qs << u"deploy"_qs;
        QTest::newRow("mid ingest") << u"ingest.blob_staged"_qs << u"deploy"_qs;
        QTest::newRow("blobs committed") << u"deploy.blobs_committed"_qs << u"deploy"_qs;
        QTest::newRow("version committed") << u"deploy.version_committed"_qs << u"deploy"_qs;
        QTest::newRow("before activation") << u"activation.before_commit"_qs << u"deploy"_qs;
        QTest::newRow("activation committed") << u"activation.committed"_qs << u"deploy"_qs;
        QTest::newRow("version deleted") << u"retention.version_deleted"_qs << u"delete"_qs;
        QTest::newRow("mid garbage collection") << u"gc.blob_removed"_qs << u"delete"_qs;
    }

    void killAndRestart()
    {
        QFETCH(QString, crashPoint);
        QFETCH(QString, action);
        ddd::test::TempDataRoot root;
        AgentProcess agent(QStringLiteral(DDD_AGENT_BINARY), root.path());
        QVERIFY(agent.addUser(kEmail, kPassword));
        QVERIFY2(agent.start(), qPrintable(agent.output()));
        Site site{login(agent)};
        const HttpReply project = api(agent, site.token).post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Crash"_qs}});
        site.project = project.json().value(u"id"_qs).toInteger();
        site.host = project.json().value(u"stagingHost"_qs).toString().toLatin1();
        QCOMPARE(deploy(agent, site, 1, true).status, 201);
        qint64 doomed = 0;
        if (action == u"delete")
            doomed = deploy(agent, site, 2, false).json().value(u"id"_qs).toInteger();
        agent.stop();

        QVERIFY2(agent.start(crashPoint), qPrintable(agent.output()));
        site.token = login(agent);
        if (action == u"deploy")
            deploy(agent, site, 2, true);
        else if (action == u"blob")
            sendOneBlob(agent, site);
        else
            api(agent, site.token).del(u"/api/v1/deploys/%1"_qs.arg(doomed));
        QVERIFY2(agent.waitForKill(), "the crash point was never reached");

        QVERIFY2(agent.start(), qPrintable(agent.output()));
        site.token = login(agent);
        const int served = servedVersion(agent, site.host);
        QVERIFY2(served == 1 || served == 2, "the site is neither the old nor the new version");
        const QJsonArray versions = api(agent, site.token).get(u"/api/v1/projects/%1/deploys"_qs.arg(site.project)).items();
        for (const QJsonValue &version : versions) {
            const QString status = version.toObject().value(u"status"_qs).toString();
            QVERIFY2(status != u"uploading" && status != u"processing", qPrintable(status));
        }
        // Nothing the crash left behind survives the restart; the background
        // precompressor's own staging file of the moment (variant-*) goes too.
        QTRY_COMPARE_WITH_TIMEOUT(stagingLeftovers(root.path()), QStringList(), 15000);
        // The agent still works: a fresh deploy goes live.
        QCOMPARE(deploy(agent, site, 1, true).status, 201);
        QCOMPARE(servedVersion(agent, site.host), 1);
        agent.stop();
        QCOMPARE(integrity(root.path()), u"ok"_qs);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
