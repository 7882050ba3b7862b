// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The real ddd-agent killed while lego is obtaining a certificate from
// pebble, then started again on the same data root: lego dies with the agent
// (no orphan racing the next run over lego's files), the status on disk says
// the order never finished, and the restarted agent completes it.
#include "tests/agent/pebbleserver.h"
#include "tests/support/agentprocess.h"
#include "tests/support/httptestclient.h"

#include <QtTest>

using ddd::test::AgentProcess;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::PebbleServer;

namespace {

const QString kPassword = u"correct horse battery"_qs;
constexpr int kIssuanceTimeoutMs = 120000;

// The pids of `parent`'s children running `command` (Linux /proc).
QList<qint64> childrenNamed(qint64 parent, const QString &command)
{
    QList<qint64> found;
    const QStringList tasks = QDir(u"/proc/%1/task"_qs.arg(parent)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile children(u"/proc/%1/task/%2/children"_qs.arg(parent).arg(task));
        if (!children.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &pid : children.readAll().split(' ')) {
            QFile comm(u"/proc/%1/comm"_qs.arg(QString::fromLatin1(pid.trimmed())));
            if (!pid.trimmed().isEmpty() && comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == command.toUtf8())
                found << pid.trimmed().toLongLong();
        }
    }
    return found;
}

} // namespace

class TestAcmeRestart final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void restartDuringIssuanceCompletes()
    {
        QTemporaryDir dataDir;
        PebbleServer pebble;
        AgentProcess agent(QStringLiteral(DDD_AGENT_BINARY), dataDir.path());
        const QStringList acme{u"--acme-enabled"_qs, u"true"_qs, u"--acme-email"_qs, u"ops@example.com"_qs,
                               u"--acme-directory-url"_qs, pebble.directoryUrl(), u"--acme-ca-certificates"_qs,
                               pebble.listenerCaFile()};
        QVERIFY2(agent.start({}, acme), qPrintable(agent.output()));
        const quint16 sitePort = agent.sitePort();
        QVERIFY2(pebble.start(sitePort), qPrintable(pebble.output()));
        QVERIFY(agent.addUser(u"alice@example.com"_qs, kPassword));

        HttpTestClient http(agent.apiPort());
        http.setToken(http.post(u"/api/v1/auth/login"_qs, {{u"email"_qs, u"alice@example.com"_qs},
                                                            {u"password"_qs, kPassword}})
                          .json().value(u"token"_qs).toString());
        const HttpReply created = http.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Blog"_qs},
                                                                     {u"domain"_qs, u"blog.example.test"_qs}});
        QCOMPARE(created.status, 201);
        const QString statusPath = u"/api/v1/projects/%1/certificate"_qs.arg(created.json().value(u"id"_qs).toInteger());

        // Killed while lego runs.
        QTRY_VERIFY_WITH_TIMEOUT(!childrenNamed(agent.pid(), u"lego"_qs).isEmpty(), 30000);
        const qint64 lego = childrenNamed(agent.pid(), u"lego"_qs).first();
        agent.kill();
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(u"/proc/%1"_qs.arg(lego)), 10000);
        QFile onDisk(dataDir.filePath(u"acme/status/project-1.json"_qs));
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(onDisk.readAll()).object().value(u"state"_qs).toString(), u"pending"_qs);
        QVERIFY(!QFileInfo::exists(dataDir.filePath(u"certificates/blog.example.test"_qs)));

        // pebble validates on the port it was told: the same one again.
        QVERIFY2(agent.start({}, acme + QStringList{u"--site-port"_qs, QString::number(sitePort)}), qPrintable(agent.output()));
        HttpTestClient again(agent.apiPort());
        again.setToken(again.post(u"/api/v1/auth/login"_qs, {{u"email"_qs, u"alice@example.com"_qs},
                                                              {u"password"_qs, kPassword}})
                           .json().value(u"token"_qs).toString());
        QTRY_COMPARE_WITH_TIMEOUT(again.get(statusPath).json().value(u"state"_qs).toString(), u"valid"_qs,
                                  kIssuanceTimeoutMs);
        QVERIFY(QFileInfo::exists(dataDir.filePath(u"certificates/blog.example.test/fullchain.pem"_qs)));
        QVERIFY(QFileInfo::exists(dataDir.filePath(u"certificates/blog.example.test/privkey.pem"_qs)));
        agent.stop();
    }
};

QTEST_GUILESS_MAIN(TestAcmeRestart)
#include "tst_acmerestart.moc"
