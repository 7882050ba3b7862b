// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// `ddd-agent backup`, `restore` and `check` as an operator runs them, against
// real agent processes: a backup taken while another thread deploys (and
// retention deletes) in a loop restores into a new data root on which a new
// agent serves every live site byte for byte; refusals exit 1 with their
// stable code; check exits 2 and reports in JSON.
#include "tests/support/agentprocess.h"
#include "tests/support/httptestclient.h"
#include "tests/support/tempdataroot.h"
#include "tests/support/zipbuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

#include <atomic>
#include <mutex>
#include <thread>

using ddd::test::AgentProcess;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::ZipBuilder;

namespace {

const QString kEmail = u"owner@example.com"_qs;
const QString kPassword = u"correct horse battery"_qs;
constexpr int kFiles = 20;

using Site = QMap<QByteArray, QByteArray>; // path -> content

// Deploy `n` of the busy project: every file names its deploy, one is shared.
Site busySite(int n)
{
    Site site{{"index.html", "<h1>deploy " + QByteArray::number(n) + "</h1>"}, {"shared.css", "body { margin: 0 }"}};
    for (int i = 0; i < kFiles; ++i)
        site.insert("pages/p" + QByteArray::number(i) + ".html",
                    "page " + QByteArray::number(i) + " of deploy " + QByteArray::number(n) + QByteArray(i * 97, '.'));
    return site;
}

// Incompressible bytes (a zip of repeated bytes trips the ratio limit).
QByteArray noise(qsizetype size)
{
    QRandomGenerator random(42);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

QByteArray zip(const Site &site)
{
    ZipBuilder builder;
    for (auto it = site.cbegin(); it != site.cend(); ++it)
        builder.file(it.key(), it.value());
    return builder.build();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run agentCommand(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(DDD_AGENT_BINARY), arguments);
    process.waitForFinished(600000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

struct Project
{
    qint64 id = 0;
    QByteArray host;
};

} // namespace

class TestBackupCli final : public QObject
{
    Q_OBJECT

    static QString login(const AgentProcess &agent)
    {
        HttpTestClient http(agent.apiPort());
        return http.post(u"/api/v1/auth/login"_qs, {{u"email"_qs, kEmail}, {u"password"_qs, kPassword}})
            .json().value(u"token"_qs).toString();
    }

    static Project createProject(const AgentProcess &agent, const QString &token, const QString &name)
    {
        HttpTestClient http(agent.apiPort());
        http.setToken(token);
        const QJsonObject project = http.post(u"/api/v1/projects"_qs, {{u"name"_qs, name}}).json();
        return {project.value(u"id"_qs).toInteger(), project.value(u"stagingHost"_qs).toString().toLatin1()};
    }

    static HttpReply deploy(quint16 apiPort, const QString &token, const Project &project, const Site &site)
    {
        HttpTestClient http(apiPort);
        http.setToken(token);
        return http.send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(project.id), zip(site),
                         {{"Content-Type", "application/zip"}});
    }

    static qint64 liveVersion(const AgentProcess &agent, const QString &token, const Project &project)
    {
        HttpTestClient http(agent.apiPort());
        http.setToken(token);
        for (const QJsonValue &version : http.get(u"/api/v1/projects/%1/deploys"_qs.arg(project.id)).items())
            if (version.toObject().value(u"status"_qs).toString() == u"live")
                return version.toObject().value(u"id"_qs).toInteger();
        return 0;
    }

    // The paths of `site` whose served bytes differ from it.
    static QStringList differences(const AgentProcess &agent, const Project &project, const Site &site)
    {
        HttpTestClient http(agent.sitePort());
        QStringList wrong;
        for (auto it = site.cbegin(); it != site.cend(); ++it) {
            const HttpReply reply = http.get(u"/"_qs + QString::fromLatin1(it.key()), project.host);
            if (reply.status != 200 || reply.body != it.value())
                wrong.append(QString::fromLatin1(it.key()));
        }
        return wrong;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void backupDuringUploadsRestoresTheSameSites()
    {
        ddd::test::TempDataRoot root;
        QTemporaryDir out;
        AgentProcess agent(QStringLiteral(DDD_AGENT_BINARY), root.path());
        QVERIFY(agent.addUser(kEmail, kPassword));
        // Retention of one version: garbage collection runs during the backup too.
        QVERIFY2(agent.start({}, {u"--deploys-retain-versions"_qs, u"1"_qs}), qPrintable(agent.output()));
        const QString token = login(agent);
        const Project quiet = createProject(agent, token, u"Quiet"_qs);
        const Project busy = createProject(agent, token, u"Busy"_qs);
        Site quietSite{{"index.html", "<p>quiet</p>"}, {"big.bin", noise(1 << 20)}};
        QCOMPARE(deploy(agent.apiPort(), token, quiet, quietSite).status, 201);

        std::mutex mutex;
        QMap<qint64, int> deployOfVersion;
        std::atomic<int> deploys{0};
        std::atomic<bool> stop{false};
        std::atomic<int> failures{0};
        std::thread uploader([&, port = agent.apiPort()] {
            for (int n = 1; !stop; ++n) {
                const HttpReply reply = deploy(port, token, busy, busySite(n));
                if (reply.status != 201) {
                    ++failures;
                    continue;
                }
                const std::lock_guard lock(mutex);
                deployOfVersion.insert(reply.json().value(u"id"_qs).toInteger(), n);
                ++deploys;
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(deploys >= 3, 60000);
        const Run backup = agentCommand({u"backup"_qs, out.filePath(u"backup"_qs), u"--data-dir"_qs, root.path()});
        const int afterBackup = deploys;
        QTRY_VERIFY_WITH_TIMEOUT(deploys >= afterBackup + 2, 60000);
        stop = true;
        uploader.join();
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.err));
        QCOMPARE(failures.load(), 0);
        QVERIFY(!QFileInfo::exists(out.filePath(u"backup/indexes"_qs)));

        const QString restoredRoot = out.filePath(u"restored"_qs);
        const Run restore = agentCommand({u"restore"_qs, out.filePath(u"backup"_qs), u"--data-dir"_qs, restoredRoot});
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.err));
        const Run check = agentCommand({u"check"_qs, u"--data-dir"_qs, restoredRoot});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));

        AgentProcess restored(QStringLiteral(DDD_AGENT_BINARY), restoredRoot);
        QVERIFY2(restored.start(), qPrintable(restored.output()));
        const QString restoredToken = login(restored); // accounts and the signing key came along
        QVERIFY(!restoredToken.isEmpty());
        QCOMPARE(differences(restored, quiet, quietSite), QStringList());
        QCOMPARE(differences(agent, quiet, quietSite), QStringList());
        const qint64 live = liveVersion(restored, restoredToken, busy);
        QVERIFY(deployOfVersion.contains(live));
        QCOMPARE(differences(restored, busy, busySite(deployOfVersion.value(live))), QStringList());
        // Indexes were rebuilt at start-up, and the restored agent takes deploys.
        QVERIFY(!QDir(restoredRoot + u"/indexes"_qs).isEmpty());
        QCOMPARE(deploy(restored.apiPort(), restoredToken, busy, busySite(999)).status, 201);
        QCOMPARE(differences(restored, busy, busySite(999)), QStringList());
        // The running agent itself checks clean too.
        const Run liveCheck = agentCommand({u"check"_qs, u"--data-dir"_qs, root.path()});
        QVERIFY2(liveCheck.exitCode == 0, qPrintable(liveCheck.out + liveCheck.err));
    }

    void refusalsExitWithTheirCode()
    {
        ddd::test::TempDataRoot root;
        QTemporaryDir out;
        AgentProcess agent(QStringLiteral(DDD_AGENT_BINARY), root.path());
        QVERIFY(agent.addUser(kEmail, kPassword));
        QCOMPARE(agentCommand({u"backup"_qs, out.filePath(u"b"_qs), u"--data-dir"_qs, root.path()}).exitCode, 0);

        const Run exists = agentCommand({u"backup"_qs, out.filePath(u"b"_qs), u"--data-dir"_qs, root.path()});
        QCOMPARE(exists.exitCode, 1);
        QVERIFY2(exists.err.contains(u"(backup.destination_exists)"_qs), qPrintable(exists.err));
        const Run notEmpty = agentCommand({u"restore"_qs, out.filePath(u"b"_qs), u"--data-dir"_qs, root.path()});
        QCOMPARE(notEmpty.exitCode, 1);
        QVERIFY2(notEmpty.err.contains(u"(restore.not_empty)"_qs), qPrintable(notEmpty.err));
        const Run notBackup = agentCommand({u"restore"_qs, root.path(), u"--data-dir"_qs, out.filePath(u"r"_qs)});
        QCOMPARE(notBackup.exitCode, 1);
        QVERIFY2(notBackup.err.contains(u"(restore.not_a_backup)"_qs), qPrintable(notBackup.err));
        QVERIFY(!QFileInfo::exists(out.filePath(u"r"_qs)));
        const Run usage = agentCommand({u"restore"_qs});
        QCOMPARE(usage.exitCode, 1);
    }

    void checkReportsProblemsAsJson()
    {
        ddd::test::TempDataRoot root;
        AgentProcess agent(QStringLiteral(DDD_AGENT_BINARY), root.path());
        QVERIFY(agent.addUser(kEmail, kPassword));
        QVERIFY2(agent.start(), qPrintable(agent.output()));
        const QString token = login(agent);
        const Project project = createProject(agent, token, u"Checked"_qs);
        QCOMPARE(deploy(agent.apiPort(), token, project, busySite(1)).status, 201);
        const Run clean = agentCommand({u"check"_qs, u"--json"_qs, u"--data-dir"_qs, root.path()});
        QCOMPARE(clean.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(clean.out.toUtf8()).object().value(u"ok"_qs).toBool());

        const QByteArray index = QCryptographicHash::hash(busySite(1).value("index.html"), QCryptographicHash::Sha256).toHex();
        QVERIFY(QFile::remove(root.path() + u"/blobs/"_qs + QString::fromLatin1(index.left(2) + '/' + index)));
        const Run broken = agentCommand({u"check"_qs, u"--json"_qs, u"--data-dir"_qs, root.path()});
        QCOMPARE(broken.exitCode, 2);
        const QJsonObject report = QJsonDocument::fromJson(broken.out.toUtf8()).object();
        QVERIFY(!report.value(u"ok"_qs).toBool());
        const QJsonArray problems = report.value(u"problems"_qs).toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().toObject().value(u"code"_qs).toString(), u"check.blob_missing"_qs);
        const Run text = agentCommand({u"check"_qs, u"--data-dir"_qs, root.path()});
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(text.out.contains(u"problem check.blob_missing"_qs), qPrintable(text.out));
    }
};

QTEST_GUILESS_MAIN(TestBackupCli)
#include "tst_backupcli.moc"
