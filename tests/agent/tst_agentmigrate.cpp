// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// `ddd-agent migrate` moving a single agent over to PostgreSQL and a bucket
// (a real PostgreSQL 15 cluster and a real radosgw): every blob of every
// version goes up first, a run cut short by a missing blob leaves the
// database empty and the next one resumes, and an agent that has nothing
// but the database and the bucket then serves the site, over HTTPS too with
// the certificate the single agent had obtained.
#include "agent/agent.h"
#include "agent/http/s3objectstore.h"
#include "core/acme/statusstore.h"
#include "core/blobs/blobstore.h"
#include "core/blobs/sha256.h"
#include "core/blobs/sharedblobs.h"
#include "tests/support/agentfixture.h"
#include "tests/support/commandresult.h"
#include "tests/support/postgrestestserver.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/sharedbackends.h"
#include "tests/support/testbucket.h"
#include "tests/support/testcertificate.h"
#include "tests/support/zipbuilder.h"

#include <QFile>
#include <QtTest>

using ddd::agent::http::S3ObjectStore;
using ddd::core::blobs::Sha256;
using ddd::core::blobs::SharedBlobs;
using ddd::test::AgentFixture;
using ddd::test::CommandResult;
using ddd::test::HttpTestClient;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::SharedBackends;
using ddd::test::TestBucket;
using ddd::test::ZipBuilder;

namespace {

const QString kPassword = u"correct horse battery"_qs;
const QByteArray kDomain = "www.moved.test";

} // namespace

class TestAgentMigrate final : public QObject
{
    Q_OBJECT

    SharedBackends m_backends;
    QTemporaryDir m_keys;
    std::unique_ptr<AgentFixture> m_before; // the single agent, stopped after its deploys

    // `ddd-agent migrate` of m_before's data root into `url` and the bucket.
    CommandResult migrate(const QString &url, const QStringList &extra = {})
    {
        const QStringList arguments = QStringList{u"migrate"_qs, u"--data-dir"_qs, m_before->dataDir()}
            + m_backends.arguments(url, m_keys.filePath(u"s3"_qs)) + extra;
        return CommandResult::run(QStringLiteral(DDD_AGENT_BINARY), arguments);
    }

    QSet<QByteArray> objectsInBucket()
    {
        S3ObjectStore bucket(m_backends.endpoint());
        return TestBucket::blobKeys(bucket);
    }

    static QByteArray keyOf(const QByteArray &content) { return SharedBlobs::keyFor(Sha256::hexOf(content)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString failure = m_backends.start("ddd-moved", "moved/");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // A single agent on SQLite and its own disk, as users start.
        m_before = std::make_unique<AgentFixture>();
        QVERIFY(m_before->start());
        QVERIFY(m_before->addUser(u"owner@example.com"_qs, kPassword));
        HttpTestClient api(m_before->apiPort());
        api.setToken(m_before->login(u"owner@example.com"_qs, kPassword));
        const auto created = api.post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Moved"_qs},
                                                                          {u"domain"_qs, QString::fromLatin1(kDomain)}});
        QCOMPARE(created.status, 201);
        const QString deploys = u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(created.json()[u"id"_qs].toInteger());
        for (const QByteArray &zip : {ZipBuilder().file("index.html", "first").file("old.html", "only first").build(),
                                      ZipBuilder().file("index.html", "second").build()})
            QCOMPARE(api.send("POST", deploys, zip, {{"Content-Type", "application/zip"}}).status, 201);
        m_before->agent().stop();
        // What acme.enabled had left: the project's status and its pair.
        ddd::core::acme::CertificateStatus status;
        status.projectId = created.json()[u"id"_qs].toInteger();
        status.names = QStringList{QString::fromLatin1(kDomain)};
        status.state = ddd::core::acme::CertificateStatus::State::Valid;
        status.installedDomain = QString::fromLatin1(kDomain);
        status.installedNames = status.names;
        QVERIFY(ddd::core::acme::StatusStore(m_before->dataDir() + u"/acme/status"_qs).save(status));
        QVERIFY(ddd::test::TestCertificate::install(m_before->dataDir() + u"/certificates"_qs, status.installedDomain,
                                                    status.names));
    }

    // A blob missing here stops the run before the metadata is copied; the
    // next run, with the blob back, publishes what is left and copies.
    void aMissingBlobStopsTheRunBeforeTheCopy()
    {
        const QString url = m_backends.freshDatabaseUrl();
        const QString blob = ddd::core::blobs::BlobStore(m_before->dataDir()).pathFor(Sha256::hexOf("only first"));
        QVERIFY(QFile::rename(blob, blob + u".away"_qs));
        const CommandResult cut = migrate(url);
        QVERIFY(QFile::rename(blob + u".away"_qs, blob));
        QVERIFY(!cut.ok());
        QVERIFY2(cut.output.contains(u"blob.not_found"_qs), qPrintable(cut.output));
        QVERIFY(!objectsInBucket().contains(keyOf("only first")));

        const CommandResult resumed = migrate(url);
        QVERIFY2(resumed.ok(), qPrintable(resumed.output));
        QVERIFY2(resumed.output.contains(u"published and verified 3 blobs"_qs), qPrintable(resumed.output));
        QVERIFY2(resumed.output.contains(u"copied and verified"_qs), qPrintable(resumed.output)); // the database was empty
        QCOMPARE(objectsInBucket(), (QSet<QByteArray>{keyOf("first"), keyOf("only first"), keyOf("second")}));

        // --blobs-only reads the references from PostgreSQL now; all are there.
        const CommandResult again = migrate(url, {u"--blobs-only"_qs});
        QVERIFY2(again.ok(), qPrintable(again.output));
        QVERIFY2(again.output.contains(u"published and verified 3 blobs (0 uploaded)"_qs), qPrintable(again.output));
        QVERIFY2(!again.output.contains(u"copied"_qs), qPrintable(again.output));
    }

    // An agent with an empty disk, the database and the bucket serves the
    // migrated site: every blob it needs was published.
    void aSiteAgentServesTheMigratedSite()
    {
        const QString url = m_backends.freshDatabaseUrl();
        const CommandResult migrated = migrate(url);
        QVERIFY2(migrated.ok(), qPrintable(migrated.output));
        AgentFixture site;
        m_backends.share(site.config, url);
        site.config.roleNames = {u"site"_qs};
        QVERIFY(site.start());
        RawTcpClient client;
        QVERIFY(client.connectTo(site.sitePort()));
        QVERIFY(client.send("GET / HTTP/1.1\r\nHost: " + kDomain + "\r\n\r\n"));
        const RawResponse home = client.readResponse(10000).value_or(RawResponse());
        QCOMPARE(home.status, 200);
        QCOMPARE(home.body, QByteArray("second"));
        // The certificate came along: the site agent copied it from the
        // database and serves HTTPS with it.
        QVERIFY2(migrated.output.contains(u"certificates: 1 statuses, 1 pairs"_qs), qPrintable(migrated.output));
        QVERIFY(site.siteHttpsPort() != 0);
        RawTcpClient secure;
        QVERIFY(secure.connectTls(site.siteHttpsPort(), QString::fromLatin1(kDomain)));
        QVERIFY(secure.peerCertificate().subjectAlternativeNames().values(QSsl::DnsEntry).contains(
            QString::fromLatin1(kDomain)));
    }

    void refusals()
    {
        QTemporaryDir empty;
        const QString agent = QStringLiteral(DDD_AGENT_BINARY);
        const CommandResult onlyBlobs = CommandResult::run(
            agent, {u"migrate"_qs, u"--blobs-only"_qs, u"--data-dir"_qs, empty.path(), u"--database-url"_qs,
                    m_backends.freshDatabaseUrl()});
        QVERIFY(!onlyBlobs.ok());
        QVERIFY2(onlyBlobs.output.contains(u"migrate.no_target"_qs), qPrintable(onlyBlobs.output));
    }
};

QTEST_GUILESS_MAIN(TestAgentMigrate)
#include "tst_agentmigrate.moc"
