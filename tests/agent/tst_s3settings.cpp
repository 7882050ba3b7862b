// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/agentconfig.h"
#include "agent/http/s3objectstore.h"
#include "tests/support/tempdataroot.h"

#include <QFile>
#include <QtTest>

using ddd::agent::AgentConfig;

// blobs.s3.*: where the shared bucket is, and where its keys may come from.
class TestS3Settings final : public QObject
{
    Q_OBJECT

    const QStringList keysInEnvironment{u"DDD_BLOBS_S3_ACCESS_KEY_ID=AKID"_qs,
                                        u"DDD_BLOBS_S3_SECRET_ACCESS_KEY=s3cr3t/with=signs"_qs};

    static QString writeFile(const ddd::test::TempDataRoot &root, const QString &name, const QByteArray &text)
    {
        QFile file(root.file(name));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(name));
        file.write(text);
        return file.fileName();
    }

    static QStringList bucketAt(const QString &endpoint)
    {
        return {u"--blobs-s3-endpoint"_qs, endpoint, u"--blobs-s3-bucket=ddd-blobs"_qs};
    }

private slots:
    void offByDefault()
    {
        auto config = AgentConfig::load({}, keysInEnvironment);
        QVERIFY(config.ok());
        QVERIFY(!config->s3.enabled());
    }

    void endpointAndKeysFromTheEnvironment()
    {
        auto config = AgentConfig::load(bucketAt(u"https://s3.example.com"_qs) + QStringList{u"--blobs-s3-prefix=team/ddd"_qs,
                                                                                             u"--blobs-s3-region=eu-west-3"_qs},
                                        keysInEnvironment);
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        auto endpoint = config->s3.toEndpoint();
        QVERIFY(endpoint.ok());
        QVERIFY(endpoint->tls);
        QCOMPARE(endpoint->host, QByteArray("s3.example.com"));
        QCOMPARE(endpoint->port, quint16(443));
        QCOMPARE(endpoint->bucket, QByteArray("ddd-blobs"));
        QCOMPARE(endpoint->prefix, QByteArray("team/ddd/")); // objects go under the prefix as a folder
        QCOMPARE(endpoint->region, QByteArray("eu-west-3"));
        QCOMPARE(endpoint->credentials.accessKeyId, QByteArray("AKID"));
        QCOMPARE(endpoint->credentials.secretAccessKey, QByteArray("s3cr3t/with=signs"));
        // What is recorded about the bucket is keyed by bucket and prefix,
        // not by the address it is reached at.
        const QString identity = ddd::agent::http::S3ObjectStore(*endpoint).identity();
        QCOMPARE(identity, u"s3://ddd-blobs/team/ddd/"_qs);
        endpoint->host = "other-name.example.com";
        QCOMPARE(ddd::agent::http::S3ObjectStore(*endpoint).identity(), identity);
        // Never printed: the key pair is not a setting --print-config knows.
        QVERIFY(!config->toToml().contains(u"s3cr3t"_qs));
        QVERIFY(config->toToml().contains(u"blobs.s3.bucket = \"ddd-blobs\""_qs));
    }

    void cacheCapWithABucket()
    {
        auto config = AgentConfig::load(bucketAt(u"https://s3.example.com"_qs)
                                            + QStringList{u"--blobs-cache-max-bytes=21474836480"_qs},
                                        keysInEnvironment);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        QCOMPARE(config->blobCacheMaxBytes, qint64(21474836480));
    }

    void plainHttpAndAPort()
    {
        auto config = AgentConfig::load(bucketAt(u"http://127.0.0.1:7480"_qs), keysInEnvironment);
        QVERIFY(config.ok());
        auto endpoint = config->s3.toEndpoint();
        QVERIFY(!endpoint->tls);
        QCOMPARE(endpoint->host, QByteArray("127.0.0.1"));
        QCOMPARE(endpoint->port, quint16(7480));
        QCOMPARE(endpoint->prefix, QByteArray());
    }

    void keysFromAFile_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("own names") << QByteArray("access_key_id = AKID\nsecret_access_key = s3cr3t\n");
        QTest::newRow("an AWS credentials file") << QByteArray(
            "[default]\n# comment\naws_access_key_id=AKID\naws_secret_access_key=s3cr3t\nregion = x\n");
    }

    void keysFromAFile()
    {
        QFETCH(QByteArray, text);
        ddd::test::TempDataRoot root;
        const QString file = writeFile(root, u"s3.keys"_qs, text);
        auto config = AgentConfig::load(bucketAt(u"https://s3.example.com"_qs) + QStringList{u"--blobs-s3-credentials-file"_qs, file}, {});
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        auto endpoint = config->s3.toEndpoint();
        QCOMPARE(endpoint->credentials.accessKeyId, QByteArray("AKID"));
        QCOMPARE(endpoint->credentials.secretAccessKey, QByteArray("s3cr3t"));
    }

    void refusesBadSettings_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const QString https = u"https://s3.example.com"_qs;
        QTest::newRow("ftp") << bucketAt(u"ftp://s3.example.com"_qs) << u"config.invalid"_qs << u"blobs.s3.endpoint"_qs;
        QTest::newRow("a path") << bucketAt(https + u"/bucket"_qs) << u"config.invalid"_qs << u"blobs.s3.endpoint"_qs;
        QTest::newRow("a query") << bucketAt(https + u"?x=1"_qs) << u"config.invalid"_qs << u"blobs.s3.endpoint"_qs;
        QTest::newRow("user info") << bucketAt(u"https://key:secret@s3.example.com"_qs) << u"config.invalid"_qs
                                   << u"blobs.s3.endpoint"_qs;
        QTest::newRow("no host") << bucketAt(u"https://"_qs) << u"config.invalid"_qs << u"blobs.s3.endpoint"_qs;
        QTest::newRow("no bucket") << QStringList{u"--blobs-s3-endpoint"_qs, https} << u"config.invalid"_qs
                                   << u"blobs.s3.bucket"_qs;
        QTest::newRow("upper-case bucket") << QStringList{u"--blobs-s3-endpoint"_qs, https, u"--blobs-s3-bucket=Blobs"_qs}
                                           << u"config.invalid"_qs << u"blobs.s3.bucket"_qs;
        QTest::newRow("bucket with ..") << QStringList{u"--blobs-s3-endpoint"_qs, https, u"--blobs-s3-bucket=a..b"_qs}
                                        << u"config.invalid"_qs << u"blobs.s3.bucket"_qs;
        QTest::newRow("prefix from the root") << bucketAt(https) + QStringList{u"--blobs-s3-prefix=/ddd"_qs}
                                              << u"config.invalid"_qs << u"blobs.s3.prefix"_qs;
        QTest::newRow("prefix needing encoding") << bucketAt(https) + QStringList{u"--blobs-s3-prefix=a b"_qs}
                                                 << u"config.invalid"_qs << u"blobs.s3.prefix"_qs;
        QTest::newRow("empty region") << bucketAt(https) + QStringList{u"--blobs-s3-region="_qs} << u"config.invalid"_qs
                                      << u"blobs.s3.region"_qs;
        QTest::newRow("missing CA file") << bucketAt(https) + QStringList{u"--blobs-s3-ca-file=/nonexistent.pem"_qs}
                                         << u"config.unreadable"_qs << u"blobs.s3.ca_file"_qs;
        QTest::newRow("missing key file") << bucketAt(https) + QStringList{u"--blobs-s3-credentials-file=/nonexistent"_qs}
                                          << u"config.unreadable"_qs << u"blobs.s3.credentials_file"_qs;
        // A cache cap without a bucket would delete blobs nothing can fetch back.
        QTest::newRow("cache cap without a bucket") << QStringList{u"--blobs-cache-max-bytes=1000000"_qs}
                                                    << u"config.invalid"_qs << u"blobs.cache_max_bytes"_qs;
        QTest::newRow("negative cache cap") << bucketAt(https) + QStringList{u"--blobs-cache-max-bytes=-1"_qs}
                                            << u"config.invalid"_qs << u"blobs.cache_max_bytes"_qs;
    }

    void refusesBadSettings()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const bool withFile = arguments.join(u' ').contains(u"credentials-file"_qs);
        auto config = AgentConfig::load(arguments, withFile ? QStringList() : keysInEnvironment);
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code, code);
        QVERIFY2(config.error().message.contains(message), qPrintable(config.error().message));
    }

    // Exactly one source, and a whole pair from it.
    void keysFromExactlyOnePlace()
    {
        ddd::test::TempDataRoot root;
        const QStringList withFile = bucketAt(u"https://s3.example.com"_qs)
            + QStringList{u"--blobs-s3-credentials-file"_qs,
                          writeFile(root, u"keys"_qs, "access_key_id = AKID\nsecret_access_key = s3cr3t\n")};
        const QStringList halfFile = bucketAt(u"https://s3.example.com"_qs)
            + QStringList{u"--blobs-s3-credentials-file"_qs, writeFile(root, u"half"_qs, "access_key_id = AKID\n")};
        const auto refusal = [](const QStringList &arguments, const QStringList &environment) {
            auto config = AgentConfig::load(arguments, environment);
            return config.ok() ? QString() : config.error().message;
        };
        QVERIFY(refusal(withFile, keysInEnvironment).contains(u"exactly one place"_qs));
        QVERIFY(refusal(bucketAt(u"https://s3.example.com"_qs), {}).contains(u"exactly one place"_qs));
        QVERIFY(refusal(halfFile, {}).contains(u"both an access key id and a secret access key"_qs));
        QVERIFY(refusal(bucketAt(u"https://s3.example.com"_qs), {keysInEnvironment.first()})
                    .contains(u"both an access key id and a secret access key"_qs));
    }

    // A key on the command line is readable by every user of the machine
    // (ps, /proc): there is no option for it, nor a config-file key.
    void keysNeverFromTheCommandLineOrTheConfigFile()
    {
        auto option = AgentConfig::load(bucketAt(u"https://s3.example.com"_qs)
                                             + QStringList{u"--blobs-s3-secret-access-key=s3cr3t"_qs},
                                         keysInEnvironment);
        QVERIFY(!option.ok());
        QCOMPARE(option.error().code, u"config.unknown_option"_qs);
        ddd::test::TempDataRoot root;
        const QString toml = writeFile(root, u"agent.toml"_qs, "[blobs.s3]\nsecret_access_key = \"s3cr3t\"\n");
        auto file = AgentConfig::load({u"--config"_qs, toml}, keysInEnvironment);
        QVERIFY(!file.ok());
        QCOMPARE(file.error().code, u"config.unknown_key"_qs);
    }
};

QTEST_GUILESS_MAIN(TestS3Settings)
#include "tst_s3settings.moc"
