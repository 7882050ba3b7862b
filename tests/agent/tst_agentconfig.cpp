// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/agentconfig.h"
#include "tests/support/tempdataroot.h"

#include <QFile>
#include <QtTest>

using ddd::agent::AgentConfig;

class TestAgentConfig final : public QObject
{
    Q_OBJECT

    QString writeToml(const ddd::test::TempDataRoot &root, const QByteArray &text)
    {
        const QString path = root.file(u"agent.toml"_qs);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write toml");
        file.write(text);
        return path;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultsAreTheEmbeddedSetUp()
    {
        auto config = AgentConfig::load({}, {});
        QVERIFY(config.ok());
        QCOMPARE(config->apiAddress, u"127.0.0.1"_qs);
        QCOMPARE(config->apiPort, 8080);
        QCOMPARE(config->sitePort, 8081);
        QCOMPARE(config->dataDir, u"./.ddd-data"_qs);
        QCOMPARE(config->allowSignup, false);
        QCOMPARE(config->maxJsonBodyBytes, qint64(1) << 20);
    }

    void laterSourcesWin()
    {
        ddd::test::TempDataRoot root;
        const QString toml = writeToml(root, "data_dir = \"/srv/ddd\"\n[api]\nport = 9000\naddress = \"0.0.0.0\"\n"
                                             "[auth]\nallow_signup = true\n[metrics]\nallow = [\"10.0.0.1\"]\n");
        auto fileOnly = AgentConfig::load({u"--config"_qs, toml}, {});
        QVERIFY2(fileOnly.ok(), qPrintable(fileOnly.ok() ? QString() : fileOnly.error().message));
        QCOMPARE(fileOnly->apiPort, 9000);
        QCOMPARE(fileOnly->apiAddress, u"0.0.0.0"_qs);
        QCOMPARE(fileOnly->allowSignup, true);
        QCOMPARE(fileOnly->metricsAllow, QStringList{u"10.0.0.1"_qs});

        auto withEnv = AgentConfig::load({}, {u"DDD_CONFIG="_qs + toml, u"DDD_API_PORT=9100"_qs});
        QVERIFY(withEnv.ok());
        QCOMPARE(withEnv->apiPort, 9100);
        QCOMPARE(withEnv->dataDir, u"/srv/ddd"_qs);

        auto withCli = AgentConfig::load({u"--config"_qs, toml, u"--api-port=9200"_qs, u"--data-dir"_qs, u"/tmp/x"_qs},
                                         {u"DDD_API_PORT=9100"_qs});
        QVERIFY(withCli.ok());
        QCOMPARE(withCli->apiPort, 9200);
        QCOMPARE(withCli->dataDir, u"/tmp/x"_qs);
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QByteArray>("toml");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown toml key") << QByteArray("[api]\nprot = 1\n") << QStringList() << u"config.unknown_key"_qs;
        QTest::newRow("toml syntax") << QByteArray("[api\n") << QStringList() << u"config.invalid"_qs;
        QTest::newRow("port range") << QByteArray() << QStringList{u"--api-port=70000"_qs} << u"config.invalid"_qs;
        QTest::newRow("not a number") << QByteArray() << QStringList{u"--api-port=http"_qs} << u"config.invalid"_qs;
        QTest::newRow("unknown option") << QByteArray() << QStringList{u"--api-prot=1"_qs} << u"config.unknown_option"_qs;
        QTest::newRow("missing value") << QByteArray() << QStringList{u"--api-port"_qs} << u"config.invalid"_qs;
        QTest::newRow("bad address") << QByteArray() << QStringList{u"--api-address=localhost"_qs} << u"config.invalid"_qs;
        QTest::newRow("cert without key") << QByteArray() << QStringList{u"--tls-cert-file=/x.pem"_qs} << u"config.invalid"_qs;
        QTest::newRow("tls version") << QByteArray() << QStringList{u"--tls-min-version=1.1"_qs} << u"config.invalid"_qs;
        QTest::newRow("bool") << QByteArray("[auth]\nallow_signup = \"maybe\"\n") << QStringList() << u"config.invalid"_qs;
        QTest::newRow("minify mode") << QByteArray() << QStringList{u"--builds-minify=sometimes"_qs} << u"config.invalid"_qs;
        QTest::newRow("build user") << QByteArray() << QStringList{u"--builds-user=root;x"_qs} << u"config.invalid"_qs;
        QTest::newRow("npm script") << QByteArray() << QStringList{u"--builds-npm-scripts=build,rm -rf"_qs} << u"config.invalid"_qs;
        QTest::newRow("build timeout") << QByteArray() << QStringList{u"--builds-timeout-seconds=1"_qs} << u"config.invalid"_qs;
    }

    void refusesBadInput()
    {
        QFETCH(QByteArray, toml);
        QFETCH(QStringList, arguments);
        QFETCH(QString, code);
        ddd::test::TempDataRoot root;
        if (!toml.isEmpty())
            arguments << u"--config"_qs << writeToml(root, toml);
        auto config = AgentConfig::load(arguments, {});
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code, code);
    }

    // Enabling ACME is checked at start-up, with a message that says what to do.
    void acmeNeedsEmailAndLego_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList on{u"--acme-enabled=true"_qs};
        QTest::newRow("no email") << on << u"acme.enabled needs acme.email"_qs;
        QTest::newRow("no lego") << on + QStringList{u"--acme-email=ops@example.com"_qs, u"--acme-lego=no-such-lego"_qs}
                                 << u"acme.enabled needs lego, but \"no-such-lego\" is not an executable program"_qs;
        QTest::newRow("plain http directory")
            << on + QStringList{u"--acme-email=ops@example.com"_qs, u"--acme-directory-url=http://ca.test/dir"_qs}
            << u"acme.directory_url must be an https URL"_qs;
        QTest::newRow("missing ca bundle")
            << on + QStringList{u"--acme-email=ops@example.com"_qs, u"--acme-ca-certificates=/nonexistent.pem"_qs}
            << u"acme.ca_certificates is not a readable file"_qs;
        QTest::newRow("renew days") << QStringList{u"--acme-renew-days=0"_qs} << u"acme.renew_days"_qs;
    }

    void acmeNeedsEmailAndLego()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        auto config = AgentConfig::load(arguments, {});
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code, u"config.invalid"_qs);
        QVERIFY2(config.error().message.contains(message), qPrintable(config.error().message));
    }

    void acmeKeysFillTheSettings()
    {
        auto config = AgentConfig::load({u"--acme-enabled=true"_qs, u"--acme-email=ops@example.com"_qs,
                                         u"--acme-renew-days=20"_qs, u"--data-dir=/srv/ddd"_qs}, {});
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        const ddd::core::acme::AcmeSettings settings = config->acmeSettings();
        QCOMPARE(settings.email, u"ops@example.com"_qs);
        QCOMPARE(settings.renewDays, 20);
        QCOMPARE(settings.directoryUrl, u"https://acme-v02.api.letsencrypt.org/directory"_qs);
        QCOMPARE(settings.webroot(), u"/srv/ddd/acme/webroot"_qs);
        QVERIFY(settings.lego.endsWith(u"/lego"_qs)); // found in PATH
    }

    void buildKeysFillThePolicyAndTheSandboxOptions()
    {
        ddd::test::TempDataRoot root;
        const QString toml = writeToml(root, "[builds]\nnpm_scripts = [\"build\", \"docs\"]\ninstall_network = true\n"
                                             "minify = \"never\"\ntimeout_seconds = 120\nmemory_mb = 512\nmax_processes = 64\n"
                                             "max_file_mb = 8\nmax_output_mb = 100\nmax_log_kb = 256\nuser = \"sitebuild\"\n"
                                             "flags_allowlist = [\"--minify\"]\n");
        auto config = AgentConfig::load({u"--config"_qs, toml}, {});
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        const ddd::core::build::BuildPolicy policy = config->buildPolicy();
        QCOMPARE(policy.npmScripts, (QStringList{u"build"_qs, u"docs"_qs}));
        QCOMPARE(policy.flagsAllowlist, QStringList{u"--minify"_qs});
        QVERIFY(policy.installNetwork);
        QCOMPARE(policy.minify, ddd::core::build::BuildPolicy::Minify::Never);
        QCOMPARE(policy.limits.wallClockMs, 120'000);
        QCOMPARE(policy.limits.memoryBytes, qint64(512) << 20);
        QCOMPARE(policy.limits.maxProcesses, 64);
        QCOMPARE(policy.limits.maxFileBytes, qint64(8) << 20);
        QCOMPARE(policy.limits.maxOutputBytes, qint64(100) << 20);
        QCOMPARE(policy.maxLogBytes, qint64(256) << 10);
        QCOMPARE(config->sandboxOptions().buildUser, u"sitebuild"_qs);

        const auto defaults = AgentConfig::load({}, {});
        QCOMPARE(defaults->buildPolicy().minify, ddd::core::build::BuildPolicy::Minify::PerProject);
        QCOMPARE(defaults->buildPolicy().npmScripts, (QStringList{u"build"_qs, u"export"_qs}));
        QVERIFY(!defaults->buildPolicy().installNetwork);
        QCOMPARE(defaults->buildPolicy().limits.wallClockMs, 600'000);
        QCOMPARE(AgentConfig::load({u"--builds-minify=always"_qs}, {})->buildPolicy().minify,
                 ddd::core::build::BuildPolicy::Minify::Always);
    }

    void printedConfigMasksSecretsAndParsesBack()
    {
        auto config = AgentConfig::load({u"--tls-cert-file=/etc/c.pem"_qs, u"--tls-key-file=/etc/k.pem"_qs}, {});
        QVERIFY(config.ok());
        const QString printed = config->toToml();
        QVERIFY(!printed.contains(u"/etc/k.pem"_qs));
        QVERIFY(printed.contains(u"tls.key_file = \"***\""_qs));
        QVERIFY(printed.contains(u"api.port = 8080"_qs));
        QVERIFY(AgentConfig::documentation().contains(u"DDD_HTTP_MAX_JSON_BODY"_qs));
    }

    void shippedSampleConfigLoads()
    {
        auto config = AgentConfig::load({u"--config"_qs, QStringLiteral(DDD_SOURCE_DIR) + u"/resources/agent.toml"_qs}, {});
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        QCOMPARE(config->dataDir, u"/var/lib/ddd"_qs);
        QCOMPARE(config->siteBaseDomain, u"sites.example.com"_qs);
    }

    void docsListEverySetting()
    {
        QFile docs(QStringLiteral(DDD_SOURCE_DIR) + u"/docs/configuration.md"_qs);
        QVERIFY(docs.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(docs.readAll());
        // The table in the docs is exactly what `ddd-agent --help-config` prints.
        QVERIFY2(text.contains(AgentConfig::documentation()), "docs/configuration.md is out of date");
    }
};

QTEST_GUILESS_MAIN(TestAgentConfig)
#include "tst_agentconfig.moc"
