// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/maintenancecommands.h"

#include "agent/agentconfig.h"
#include "agent/http/s3objectstore.h"
#include "core/acme/certificateimport.h"
#include "core/acme/certificatetable.h"
#include "core/auth/jwtkeyfile.h"
#include "core/auth/sharedsigningkey.h"
#include "core/backup/backuprestorer.h"
#include "core/backup/backupwriter.h"
#include "core/backup/storecheck.h"
#include "core/blobs/blobstore.h"
#include "core/blobs/sharedblobs.h"
#include "core/deploy/blobmigration.h"
#include "core/deploy/blobpublisher.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/databasecopy.h"
#include "core/storage/migrations.h"
#include "core/storage/publishedblobstore.h"
#include "core/storage/secretstore.h"
#include "core/storage/versionstore.h"
#include "core/util/clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>

#include <iostream>

namespace ddd::agent {

namespace {

int fail(const core::Error &error)
{
    std::cerr << "ddd-agent: " << error.message.toStdString() << " (" << error.code.toStdString() << ")\n";
    return 1;
}

int usage(const char *text)
{
    std::cerr << "usage: ddd-agent " << text << '\n';
    return 1;
}

// The bucket of blobs.s3.*, where a blob evicted from a size-capped cache
// is; null without one.
core::Result<std::unique_ptr<http::S3ObjectStore>> sharedBlobsOf(const AgentConfig &config)
{
    if (!config.s3.enabled())
        return std::unique_ptr<http::S3ObjectStore>();
    core::Result<http::S3Endpoint> endpoint = config.s3.toEndpoint();
    if (!endpoint)
        return endpoint.error();
    return std::make_unique<http::S3ObjectStore>(std::move(*endpoint));
}

// Takes `flag` out of the arguments; true when it was there.
bool takeFlag(QStringList &arguments, const QString &flag)
{
    return arguments.removeAll(flag) > 0;
}

// backup, restore and check read and write <data_dir>/agent.db; metadata
// in PostgreSQL is the database server's to back up and check.
core::Status localDatabaseOnly(const AgentConfig &config, const QString &command)
{
    if (config.databaseUrl.isEmpty())
        return {};
    return core::Error::make(u"backup.postgres_unsupported"_qs,
                             u"ddd-agent %1 works on <data_dir>/agent.db; with database.url, use pg_dump and "
                             "PostgreSQL's own checks for the metadata"_qs.arg(command));
}

QString counts(const core::backup::BackupManifest &manifest)
{
    const auto count = [&](const QString &key) { return QString::number(manifest.counts.value(key)); };
    return QStringLiteral("%1 users, %2 projects, %3 versions, %4 blobs (%5 bytes)")
        .arg(count(u"users"_qs), count(u"projects"_qs), count(u"versions"_qs), count(u"blobs"_qs), count(u"blob_bytes"_qs));
}

} // namespace

int MaintenanceCommands::backup(QStringList arguments, const QStringList &environment)
{
    if (arguments.isEmpty() || arguments.first().startsWith(u"--"))
        return usage("backup DEST [--data-dir DIR | --config FILE]");
    core::backup::BackupRequest request;
    request.destination = arguments.takeFirst();
    auto config = AgentConfig::load(arguments, environment);
    if (!config)
        return fail(config.error());
    if (core::Status local = localDatabaseOnly(*config, u"backup"_qs); !local)
        return fail(local.error());
    request.dataRoot = config->dataDir;
    request.configFile = config->configFile;
    request.agentVersion = QStringLiteral(DDD_VERSION);
    request.nowMs = QDateTime::currentMSecsSinceEpoch();
    auto shared = sharedBlobsOf(*config);
    if (!shared)
        return fail(shared.error());
    request.sharedBlobs = shared->get();
    QElapsedTimer timer;
    timer.start();
    auto manifest = core::backup::BackupWriter::write(request);
    if (!manifest)
        return fail(manifest.error());
    std::cout << "backup " << request.destination.toStdString() << ": " << counts(*manifest).toStdString() << " in "
              << timer.elapsed() << " ms\n";
    return 0;
}

int MaintenanceCommands::restore(QStringList arguments, const QStringList &environment)
{
    if (arguments.isEmpty() || arguments.first().startsWith(u"--"))
        return usage("restore SRC [--force] [--data-dir DIR | --config FILE]");
    core::backup::RestoreRequest request;
    request.source = arguments.takeFirst();
    request.force = takeFlag(arguments, u"--force"_qs);
    auto config = AgentConfig::load(arguments, environment);
    if (!config)
        return fail(config.error());
    if (core::Status local = localDatabaseOnly(*config, u"restore"_qs); !local)
        return fail(local.error());
    request.dataRoot = config->dataDir;
    request.nowMs = QDateTime::currentMSecsSinceEpoch();
    auto manifest = core::backup::BackupRestorer::restore(request);
    if (!manifest)
        return fail(manifest.error());
    std::cout << "restored " << counts(*manifest).toStdString() << " into " << request.dataRoot.toStdString() << '\n';
    if (manifest->config)
        std::cout << "the agent's configuration file is in " << request.source.toStdString()
                  << "/config.toml; install it where the agent reads it (check data_dir)\n";
    return 0;
}

int MaintenanceCommands::check(QStringList arguments, const QStringList &environment)
{
    const bool json = takeFlag(arguments, u"--json"_qs);
    auto config = AgentConfig::load(arguments, environment);
    if (!config)
        return fail(config.error());
    if (core::Status local = localDatabaseOnly(*config, u"check"_qs); !local)
        return fail(local.error());
    auto shared = sharedBlobsOf(*config);
    if (!shared)
        return fail(shared.error());
    const core::backup::CheckReport report = core::backup::StoreCheck::run(config->dataDir, 2, shared->get());
    if (json)
        std::cout << QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact).toStdString() << '\n';
    else
        std::cout << report.toText().toStdString();
    return report.ok() ? 0 : 2;
}

namespace {

// blobs.s3.*: every blob the metadata in `db` references goes into the
// bucket, recorded there as it goes (a second run resumes), then each one's
// size is checked in the bucket.
core::Status publishBlobs(const AgentConfig &config, core::storage::ConnectionProvider &db)
{
    auto bucket = sharedBlobsOf(config);
    if (!bucket)
        return bucket.error();
    const core::blobs::BlobStore local(config.dataDir);
    core::blobs::SharedBlobs shared(local, **bucket);
    core::storage::PublishedBlobStore published(db);
    const core::SystemClock clock;
    core::deploy::BlobPublisher publisher(shared, published, clock);
    core::storage::VersionStore versions(db);
    core::deploy::BlobMigration migration(versions, publisher, local, **bucket);
    QElapsedTimer timer;
    timer.start();
    auto progress = migration.publish([](const core::deploy::BlobMigration::Progress &p) {
        std::cout << "blobs: " << p.done << " of " << p.total << " in the bucket (" << p.uploaded << " uploaded)\n";
    });
    if (!progress)
        return progress.error();
    auto checked = migration.verify();
    if (!checked)
        return checked.error();
    std::cout << "published and verified " << *checked << " blobs (" << progress->uploaded << " uploaded) to "
              << (*bucket)->identity().toStdString() << " in " << timer.elapsed() << " ms\n";
    return {};
}

// The certificates of acme.enabled go into agent.db's certificate tables
// (unused by a single agent) first, so the copy carries them over.
core::Status importCertificates(const AgentConfig &config, const QString &file)
{
    core::storage::ConnectionProvider source(file);
    if (core::Status opened = source.initialise(); !opened)
        return opened;
    const core::SystemClock clock;
    core::acme::CertificateTable table(source, clock);
    auto imported = core::acme::CertificateImport::run(config.acmeSettings(), table);
    if (!imported)
        return imported.error();
    if (imported->statuses > 0)
        std::cout << "certificates: " << imported->statuses << " statuses, " << imported->pairs << " pairs\n";
    return {};
}

// database.url: every row of agent.db into the empty PostgreSQL database,
// then compared table by table.
core::Status copyMetadata(const AgentConfig &config, const QString &file)
{
    using core::storage::Database;
    if (core::Status imported = importCertificates(config, file); !imported)
        return imported;
    auto from = Database::open(file);
    auto to = from ? Database::connect(config.databaseUrl.toUtf8()) : core::Result<Database>(from.error());
    for (auto *db : {&from, &to})
        if (core::Status migrated = *db ? core::storage::Migrations::migrate(**db) : core::Status(db->error()); !migrated)
            return migrated;
    // The key file is read before anything is copied: a refusal of it
    // (permissions, size) must not come after a copy that cannot be redone.
    if (core::Result<QByteArray> key = core::auth::JwtKeyFile::loadOrCreate(config.dataDir); !key)
        return key.error();
    QElapsedTimer timer;
    timer.start();
    auto copied = core::storage::DatabaseCopy::copy(*from, *to);
    if (!copied)
        return copied.error();
    if (core::Status verified = core::storage::DatabaseCopy::verify(*from, *to); !verified)
        return verified;
    // The session-token key goes along: site agents can start before the
    // writer does, and sessions signed before the move stay valid.
    core::storage::ConnectionProvider target(core::storage::ConnectionProvider::Postgres{config.databaseUrl.toUtf8()});
    core::storage::SecretStore secrets(target);
    if (core::Result<QByteArray> key = core::auth::SharedSigningKey::forWriter(secrets, config.dataDir); !key)
        return key.error();
    qint64 rows = 0;
    for (const auto &table : *copied) {
        std::cout << table.name.toStdString() << ": " << table.rows << " rows\n";
        rows += table.rows;
    }
    std::cout << "copied and verified " << rows << " rows in " << timer.elapsed() << " ms; start the agent with "
              << "this database.url and the same data_dir (agent.db keeps its rows)\n";
    return {};
}

} // namespace

// The blobs first, recorded in agent.db, so the copy carries the record
// over; --blobs-only publishes those of the database the agent uses now.
int MaintenanceCommands::migrate(QStringList arguments, const QStringList &environment)
{
    const bool blobsOnly = takeFlag(arguments, u"--blobs-only"_qs);
    auto config = AgentConfig::load(arguments, environment);
    if (!config)
        return fail(config.error());
    if ((blobsOnly || config->databaseUrl.isEmpty()) && !config->s3.enabled())
        return fail(core::Error::make(u"migrate.no_target"_qs,
                                      u"ddd-agent migrate needs database.url (the empty PostgreSQL database to move "
                                      "into), blobs.s3.* (the bucket to publish the blobs to), or both"_qs));
    const QString file = config->dataDir + u"/agent.db"_qs;
    const bool fromFile = !blobsOnly || config->databaseUrl.isEmpty();
    if (fromFile && !QFileInfo(file).isFile())
        return fail(core::Error::make(u"migrate.no_database"_qs, u"No agent.db in "_qs + config->dataDir));
    if (config->s3.enabled()) {
        auto db = fromFile ? std::make_unique<core::storage::ConnectionProvider>(file)
                           : std::make_unique<core::storage::ConnectionProvider>(
                                 core::storage::ConnectionProvider::Postgres{config->databaseUrl.toUtf8()});
        core::Status published = db->initialise();
        if (published)
            published = publishBlobs(*config, *db);
        if (!published)
            return fail(published.error());
    }
    if (!blobsOnly && !config->databaseUrl.isEmpty())
        if (core::Status copied = copyMetadata(*config, file); !copied)
            return fail(copied.error());
    return 0;
}

} // namespace ddd::agent
