// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/agentroles.h"
#include "agent/s3settings.h"
#include "core/acme/acmesettings.h"
#include "core/build/buildpolicy.h"
#include "core/build/sandboxrunner.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>

namespace ddd::agent {

// Every setting of the agent in one struct, filled in a documented order:
// defaults < TOML file < environment (DDD_*) < command line. The key table in
// agentconfig.cpp names each setting once for all three sources, for
// --print-config and for docs/configuration.md.
struct AgentConfig final
{
    QString dataDir = u"./.ddd-data"_qs;
    // The TOML file load() read (--config or DDD_CONFIG), empty without one.
    // Not a setting: `ddd-agent backup` copies it.
    QString configFile;
    QString logLevel = u"info"_qs;
    bool logSiteAccess = true;
    QString siteCombinedLogFile; // empty: none

    QString apiAddress = u"127.0.0.1"_qs;
    int apiPort = 8080;
    QString siteAddress = u"127.0.0.1"_qs;
    int sitePort = 8081;
    // HTTPS for sites, opened when there is a certificate (tls.* or <data_dir>/certificates).
    int siteHttpsPort = 8443;
    QString siteBaseDomain = u"localhost"_qs;
    bool forceSiteProtection = false;
    QString tlsCertFile;
    QString tlsKeyFile;
    QString tlsMinVersion = u"1.2"_qs; // "1.3": TLS 1.3 only

    int ioThreads = 2;
    int workerThreads = 4;
    int headerTimeoutSeconds = 30;
    int bodyIdleSeconds = 30;
    qint64 bodyMinBytesPerSecond = 1024;
    int bodyRateWindowSeconds = 60;
    int keepAliveSeconds = 15;
    int shutdownGraceSeconds = 10;
    // Each open connection costs about 24 KiB of agent memory (see
    // docs/configuration.md), so the total bounds that near 100 MiB.
    int maxConnections = 4096;
    // Browsers open about 6 connections per site, and a whole office or
    // carrier-grade NAT can share one address.
    int maxConnectionsPerClient = 256;
    qint64 maxJsonBodyBytes = 1 << 20;
    // HTTP/2 (http2.*): see http::ServerLimits::Http2.
    bool http2Enabled = true;
    int http2MaxConcurrentStreams = 100;
    qint64 http2StreamWindow = 256 * 1024;
    qint64 http2ConnectionWindow = 1024 * 1024;
    int http2FloodBurst = 1000;
    int http2FloodRate = 100;
    qint64 maxUploadBytes = qint64(512) << 20;
    int maxArchiveUploadsPerUser = 5;
    qint64 maxArchiveEntries = 100000;
    qint64 maxFileBytes = qint64(256) << 20;
    qint64 maxSiteBytes = qint64(2) << 30;
    qint64 maxCompressionRatio = 200;
    QStringList trustedProxies;

    bool allowSignup = false;
    int tokenLifetimeSeconds = 900;
    int maxConcurrentHashes = 2;
    QStringList metricsAllow = {u"127.0.0.1"_qs, u"::1"_qs};
    QStringList buildFlagsAllowlist;
    QStringList buildNpmScripts = {u"build"_qs, u"export"_qs};
    bool buildInstallNetwork = false;
    QString buildMinify = u"project"_qs; // always, never or project (the project's optOutMinify decides)
    int buildTimeoutSeconds = 600;
    int buildMemoryMb = 2048;
    int buildMaxProcesses = 256;
    int buildMaxFileMb = 256;
    int buildMaxOutputMb = 1024;
    int buildMaxLogKb = 4096;
    int buildConcurrency = 2;
    int buildPerUser = 2;
    int buildMaxQueued = 50;
    QString buildUser = u"ddd-build"_qs;
    bool buildGit = true; // builds.git: projects may build from a Git repository
    int retainVersions = 10;
    int activityRetainEntries = 1000; // activity.retain_entries: audit log entries kept per project
    // acme.*: automatic certificates (core::acme::CertificateManager).
    bool acmeEnabled = false;
    QString acmeEmail;
    QString acmeDirectoryUrl = core::acme::AcmeSettings().directoryUrl;
    QString acmeCaCertificates;
    int acmeRenewDays = 30;
    QString acmeLego = u"lego"_qs;
    bool webhooksAllowPrivateTargets = false; // webhooks.allow_private_targets: loopback/private receivers
    QStringList webhooksRetryDelays = {u"60"_qs, u"300"_qs, u"1800"_qs, u"7200"_qs, u"21600"_qs}; // webhooks.retry_delays (s)
    int webhooksMaxPerProject = 10;           // webhooks.max_per_project
    int webhooksRetainDeliveries = 100;       // webhooks.retain_deliveries: delivery log entries kept per webhook
    S3Settings s3; // blobs.s3.*: the bucket agents share blobs through; off by default
    qint64 blobCacheMaxBytes = 0; // blobs.cache_max_bytes: local blobs kept with a bucket; 0: all
    QString databaseUrl; // database.url: PostgreSQL instead of <data_dir>/agent.db; empty: SQLite
    QStringList roleNames = {u"api"_qs, u"build"_qs, u"site"_qs}; // agent.roles

    // agent.roles as validate() accepted them.
    AgentRoles roles() const;

    // Reads the whole chain. `arguments` are the command-line options only
    // (no program name, no subcommand words); `environment` is a KEY=VALUE list.
    static core::Result<AgentConfig> load(const QStringList &arguments, const QStringList &environment);
    // The effective values as TOML, with secrets masked.
    QString toToml() const;
    // Markdown table of every key for docs/configuration.md.
    static QString documentation();
    core::Status validate() const;

    // The builds.* keys as the build engine and the sandbox take them.
    core::build::BuildPolicy buildPolicy() const;
    core::build::SandboxRunner::Options sandboxOptions() const;
    // The acme.* keys as the certificate manager takes them.
    core::acme::AcmeSettings acmeSettings() const;

private:
    core::Status validateBuilds() const;
    core::Status validateAcme() const;
    core::Status validateDatabase() const;
    core::Status validateRoles() const;
};

} // namespace ddd::agent
