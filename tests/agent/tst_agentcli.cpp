// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The ddd-agent command line, run as a real process.
#include "tests/support/agentprocess.h"
#include "tests/support/httptestclient.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/tempdataroot.h"
#include "tests/support/zipbuilder.h"

#include <QtTest>

#include <csignal>

using ddd::test::AgentProcess;
using ddd::test::HttpTestClient;

class TestAgentCli final : public QObject
{
    Q_OBJECT

    static QString run(const QStringList &arguments, const QByteArray &input, int *exitCode)
    {
        QProcess process;
        process.start(QStringLiteral(DDD_AGENT_BINARY), arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(30000);
        *exitCode = process.exitCode();
        return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void userAddRefusesShortPasswordsAndBadRoles()
    {
        ddd::test::TempDataRoot root;
        int code = 0;
        QString out = run({u"user"_qs, u"add"_qs, u"a@example.com"_qs, u"--data-dir"_qs, root.path()}, "short\n", &code);
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(u"auth.password_too_short"_qs), qPrintable(out));
        out = run({u"user"_qs, u"add"_qs, u"a@example.com"_qs, u"--role"_qs, u"root"_qs, u"--data-dir"_qs, root.path()},
                  "a-long-enough-password\n", &code);
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(u"user.invalid_role"_qs), qPrintable(out));
    }

    void printConfigMasksTheKeyFile()
    {
        int code = 0;
        const QString out = run({u"--print-config"_qs, u"--tls-cert-file=/c.pem"_qs, u"--tls-key-file=/secret.pem"_qs}, {}, &code);
        QCOMPARE(code, 0);
        QVERIFY(out.contains(u"api.port = 8080"_qs));
        QVERIFY(!out.contains(u"/secret.pem"_qs));
    }

    // logrotate's way: rename the file, send SIGHUP; the agent goes on and
    // writes to a new file at the old path.
    void sighupReopensTheCombinedLog()
    {
        ddd::test::TempDataRoot root;
        const QString log = root.file(u"sites.log"_qs);
        AgentProcess agent(QStringLiteral(DDD_AGENT_BINARY), root.path());
        QVERIFY2(agent.start({}, {u"--log-site-combined-file"_qs, log}), qPrintable(agent.output()));
        const auto visit = [&agent](const QByteArray &path) {
            ddd::test::RawTcpClient client;
            return client.connectTo(agent.sitePort()) && client.send("GET " + path + " HTTP/1.1\r\nHost: nowhere.test\r\n\r\n")
                   && client.readResponse(10000).has_value();
        };
        const auto text = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        QVERIFY(visit("/before-rotation"));
        QTRY_VERIFY(text(log).contains("\"GET /before-rotation HTTP/1.1\" 404"));
        QVERIFY(QFile::rename(log, log + u".1"_qs));
        QCOMPARE(::kill(pid_t(agent.pid()), SIGHUP), 0);
        // Lines written before the signal arrived still go to the renamed file.
        QTRY_VERIFY_WITH_TIMEOUT(visit("/after-rotation") && text(log).contains("/after-rotation"), 10000);
        QVERIFY(!text(log).contains("/before-rotation"));
        QVERIFY(text(log + u".1"_qs).contains("/before-rotation"));
        agent.stop();
    }

    // The banner names the scheme the listeners speak: scripts and people
    // copy the address from it.
    void bannerSaysHttpsWhenTlsIsOn()
    {
        ddd::test::TempDataRoot root;
        AgentProcess plain(QStringLiteral(DDD_AGENT_BINARY), root.path());
        QVERIFY2(plain.start(), qPrintable(plain.output()));
        QVERIFY2(plain.output().contains(u"API on http://"_qs), qPrintable(plain.output()));
        plain.stop();
        const QString tls = QStringLiteral(DDD_TEST_DATA_DIR) + u"/tls/"_qs;
        AgentProcess secure(QStringLiteral(DDD_AGENT_BINARY), root.path());
        QVERIFY2(secure.start({}, {u"--tls-cert-file"_qs, tls + u"stub-server.crt"_qs, u"--tls-key-file"_qs,
                                   tls + u"stub-server.key"_qs}),
                 qPrintable(secure.output()));
        QVERIFY2(secure.output().contains(u"API on https://"_qs) && secure.output().contains(u"sites on https://"_qs),
                 qPrintable(secure.output()));
    }

    // The first-start hint repeats how this agent was started, so the account
    // lands in the same data root (the packaged service uses --config).
    void firstStartHintNamesTheConfigFile()
    {
        ddd::test::TempDataRoot root;
        AgentProcess plain(QStringLiteral(DDD_AGENT_BINARY), root.path());
        const QStringList verbose{u"--log-level"_qs, u"info"_qs};
        QVERIFY2(plain.start({}, verbose), qPrintable(plain.output()));
        const QString plainLog = plain.takeLog();
        QVERIFY2(plainLog.contains(u"user add you@example.com --role operator --data-dir "_qs + root.path()),
                 qPrintable(plainLog));
        plain.stop();
        const QString config = root.file(u"agent.toml"_qs);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("log_level = \"info\"\n") > 0);
        file.close();
        AgentProcess configured(QStringLiteral(DDD_AGENT_BINARY), root.path());
        QVERIFY2(configured.start({}, verbose + QStringList{u"--config"_qs, config}), qPrintable(configured.output()));
        const QString configuredLog = configured.takeLog();
        QVERIFY2(configuredLog.contains(u"user add you@example.com --role operator --config "_qs + config),
                 qPrintable(configuredLog));
    }

    // `user add` beside a running agent must not "repair" the data root
    // under an upload that is still streaming in.
    void userAddLeavesAnUploadInFlightAlone()
    {
        ddd::test::TempDataRoot root;
        AgentProcess agent(QStringLiteral(DDD_AGENT_BINARY), root.path());
        QVERIFY(agent.addUser(u"owner@example.com"_qs, u"correct horse battery"_qs));
        QVERIFY2(agent.start(), qPrintable(agent.output()));
        HttpTestClient http(agent.apiPort());
        const QString token = http.post(u"/api/v1/auth/login"_qs, {{u"email"_qs, u"owner@example.com"_qs},
                                                                   {u"password"_qs, u"correct horse battery"_qs}})
                                  .json().value(u"token"_qs).toString();
        http.setToken(token);
        const qint64 project = http.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Site"_qs}}).json().value(u"id"_qs).toInteger();

        const QByteArray zip = ddd::test::ZipBuilder().file("index.html", QByteArray(20000, 'x'), false).build();
        ddd::test::RawTcpClient raw;
        QVERIFY(raw.connectTo(agent.apiPort()));
        QVERIFY(raw.send("POST /api/v1/projects/" + QByteArray::number(project) + "/deploys HTTP/1.1\r\nHost: a\r\n"
                         "Authorization: Bearer " + token.toLatin1() + "\r\nContent-Length: "
                         + QByteArray::number(zip.size()) + "\r\n\r\n" + zip.left(zip.size() / 2)));
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(root.path() + u"/staging"_qs).entryList({u"upload-*"_qs}, QDir::Dirs).isEmpty(), 10000);

        QVERIFY(agent.addUser(u"second@example.com"_qs, u"correct horse battery"_qs));

        QVERIFY(raw.send(zip.mid(zip.size() / 2)));
        const auto answer = raw.readResponse(20000);
        QVERIFY(answer.has_value());
        QCOMPARE(answer->status, 201);
        agent.stop();
    }
};

QTEST_GUILESS_MAIN(TestAgentCli)
#include "tst_agentcli.moc"
