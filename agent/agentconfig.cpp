// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/agentconfig.h"

#include "agent/configkey.h"
#include "core/webhooks/retryschedule.h"

#include <toml++/toml.h>

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QHostAddress>
#include <QRegularExpression>

namespace ddd::agent {

namespace {

using core::Error;
using core::Result;
using core::Status;

// The one table of settings: TOML key, help text, the member it fills.
const std::vector<ConfigKey> &keys()
{
    static const std::vector<ConfigKey> table = {
        ConfigKey::text(u"data_dir"_qs, u"Directory holding agent.db, blobs, staging and keys"_qs, &AgentConfig::dataDir),
        ConfigKey::text(u"log_level"_qs, u"debug, info, warning or error"_qs, &AgentConfig::logLevel),
        ConfigKey::boolean(u"log.site_access"_qs, u"Log a line per site request at info level (API requests are always logged)"_qs, &AgentConfig::logSiteAccess),
        ConfigKey::text(u"log.site_combined_file"_qs, u"Also log every site request to this file in the Combined Log Format with the host first (GoAccess VCOMBINED); reopened on SIGHUP"_qs, &AgentConfig::siteCombinedLogFile),
        ConfigKey::text(u"api.address"_qs, u"Address the REST API listens on"_qs, &AgentConfig::apiAddress),
        ConfigKey::integer(u"api.port"_qs, u"REST API port (0 picks a free one)"_qs, &AgentConfig::apiPort, 0, 65535),
        ConfigKey::text(u"site.address"_qs, u"Address the site listener serves on"_qs, &AgentConfig::siteAddress),
        ConfigKey::integer(u"site.port"_qs, u"Site listener port (0 picks a free one)"_qs, &AgentConfig::sitePort, 0, 65535),
        ConfigKey::integer(u"site.https_port"_qs, u"Site HTTPS port, opened when there is a certificate: tls.cert_file or <data_dir>/certificates/<name>/fullchain.pem + privkey.pem, chosen per host by SNI (0 picks a free one)"_qs, &AgentConfig::siteHttpsPort, 0, 65535),
        ConfigKey::text(u"site.base_domain"_qs, u"Sites answer on <slug>.<base_domain> besides their own domain"_qs, &AgentConfig::siteBaseDomain),
        ConfigKey::boolean(u"site.force_protection"_qs, u"Every host of every project asks for a site password (or a share link)"_qs, &AgentConfig::forceSiteProtection),
        ConfigKey::text(u"tls.cert_file"_qs, u"PEM certificate chain; with key_file, the API listener speaks TLS and sites get HTTPS on site.https_port (the default certificate for names no other one covers)"_qs, &AgentConfig::tlsCertFile),
        ConfigKey::secretPath(u"tls.key_file"_qs, u"PEM private key"_qs, &AgentConfig::tlsKeyFile),
        ConfigKey::text(u"tls.min_version"_qs, u"Oldest TLS version served: 1.2 (ECDHE with AEAD ciphers only) or 1.3 (TLS 1.3 only)"_qs, &AgentConfig::tlsMinVersion),
        ConfigKey::integer(u"http.io_threads"_qs, u"Threads doing network I/O"_qs, &AgentConfig::ioThreads, 1, 64),
        ConfigKey::integer(u"http.worker_threads"_qs, u"Threads running request handlers"_qs, &AgentConfig::workerThreads, 1, 256),
        ConfigKey::integer(u"http.header_timeout"_qs, u"Seconds a client has to send the complete request header"_qs, &AgentConfig::headerTimeoutSeconds, 1, 600),
        ConfigKey::integer(u"http.body_idle_timeout"_qs, u"Seconds a request body may stall before 408"_qs, &AgentConfig::bodyIdleSeconds, 1, 3600),
        ConfigKey::bytes(u"http.body_min_rate"_qs, u"Slowest average a request body may arrive at, bytes/s over the window (0: no floor)"_qs, &AgentConfig::bodyMinBytesPerSecond, 0, qint64(1) << 30),
        ConfigKey::integer(u"http.body_rate_window"_qs, u"Seconds over which http.body_min_rate is averaged"_qs, &AgentConfig::bodyRateWindowSeconds, 1, 3600),
        ConfigKey::integer(u"http.keep_alive"_qs, u"Seconds an idle keep-alive connection stays open"_qs, &AgentConfig::keepAliveSeconds, 1, 3600),
        ConfigKey::integer(u"http.shutdown_grace"_qs, u"Seconds answers in progress get to finish when the agent stops (idle connections close at once, HTTP/2 clients get GOAWAY)"_qs, &AgentConfig::shutdownGraceSeconds, 0, 300),
        ConfigKey::integer(u"http.max_connections"_qs, u"Open connections in total, per listener; past it new ones get 503"_qs, &AgentConfig::maxConnections, 1, 1000000),
        ConfigKey::integer(u"http.max_connections_per_client"_qs, u"Open connections per client address (trusted proxies exempt); past it 503"_qs, &AgentConfig::maxConnectionsPerClient, 1, 100000),
        ConfigKey::bytes(u"http.max_json_body"_qs, u"Largest JSON request body in bytes"_qs, &AgentConfig::maxJsonBodyBytes, 1024, qint64(64) << 20),
        ConfigKey::boolean(u"http2.enabled"_qs, u"Offer HTTP/2: h2 by ALPN on TLS listeners, prior knowledge (h2c) on plain ones"_qs, &AgentConfig::http2Enabled),
        ConfigKey::integer(u"http2.max_concurrent_streams"_qs, u"Requests one HTTP/2 connection may have open at once (SETTINGS_MAX_CONCURRENT_STREAMS)"_qs, &AgentConfig::http2MaxConcurrentStreams, 1, 1000),
        ConfigKey::bytes(u"http2.stream_window"_qs, u"HTTP/2 receive window per stream: request body bytes buffered for one request"_qs, &AgentConfig::http2StreamWindow, 65535, (qint64(1) << 31) - 1),
        ConfigKey::bytes(u"http2.connection_window"_qs, u"HTTP/2 receive window per connection: request body bytes buffered for all its streams"_qs, &AgentConfig::http2ConnectionWindow, 65535, (qint64(1) << 31) - 1),
        ConfigKey::integer(u"http2.flood_burst"_qs, u"RST_STREAM, PING or SETTINGS frames an HTTP/2 client may send at once before GOAWAY ENHANCE_YOUR_CALM"_qs, &AgentConfig::http2FloodBurst, 1, 1000000),
        ConfigKey::integer(u"http2.flood_rate"_qs, u"Frames of each of those kinds a second that refill the burst"_qs, &AgentConfig::http2FloodRate, 1, 1000000),
        ConfigKey::bytes(u"uploads.max_bytes"_qs, u"Largest deploy upload in bytes"_qs, &AgentConfig::maxUploadBytes, 1 << 20, qint64(64) << 30),
        ConfigKey::bytes(u"uploads.max_entries"_qs, u"Files and directories in one upload"_qs, &AgentConfig::maxArchiveEntries, 1, 10000000),
        ConfigKey::bytes(u"uploads.max_file_bytes"_qs, u"Largest single file of a site, in bytes"_qs, &AgentConfig::maxFileBytes, 1024, qint64(64) << 30),
        ConfigKey::bytes(u"uploads.max_site_bytes"_qs, u"Largest unpacked site, in bytes"_qs, &AgentConfig::maxSiteBytes, 1024, qint64(1) << 40),
        ConfigKey::bytes(u"uploads.max_ratio"_qs, u"Largest unpacked/uploaded byte ratio (zip bomb guard)"_qs, &AgentConfig::maxCompressionRatio, 1, 100000),
        ConfigKey::integer(u"uploads.max_archive_sessions"_qs, u"Archive upload sessions (resumable, in pieces) one user may have open"_qs, &AgentConfig::maxArchiveUploadsPerUser, 1, 1000),
        ConfigKey::list(u"http.trusted_proxies"_qs, u"Proxy addresses whose X-Forwarded-For is believed"_qs, &AgentConfig::trustedProxies),
        ConfigKey::boolean(u"auth.allow_signup"_qs, u"Let anyone create an account with POST /api/v1/auth/register"_qs, &AgentConfig::allowSignup),
        ConfigKey::integer(u"auth.token_lifetime"_qs, u"Seconds a login token stays valid (at most one hour)"_qs, &AgentConfig::tokenLifetimeSeconds, 60, 3600),
        ConfigKey::integer(u"auth.max_concurrent_hashes"_qs, u"Password hashes computed at once (19 MiB each)"_qs, &AgentConfig::maxConcurrentHashes, 1, 64),
        ConfigKey::list(u"metrics.allow"_qs, u"Client addresses allowed to read /metrics"_qs, &AgentConfig::metricsAllow),
        ConfigKey::list(u"builds.flags_allowlist"_qs, u"Build flag names projects may set; empty allows none"_qs, &AgentConfig::buildFlagsAllowlist),
        ConfigKey::list(u"builds.npm_scripts"_qs, u"package.json scripts a project may choose as its npm build"_qs, &AgentConfig::buildNpmScripts),
        ConfigKey::boolean(u"builds.install_network"_qs, u"Let an npm install phase (npm ci --ignore-scripts) reach the registry; the build phase never has network"_qs, &AgentConfig::buildInstallNetwork),
        ConfigKey::text(u"builds.minify"_qs, u"Minify built sites: always, never, or project (unless the project opted out)"_qs, &AgentConfig::buildMinify),
        ConfigKey::integer(u"builds.timeout_seconds"_qs, u"Wall-clock limit of each build phase; the whole process tree is killed"_qs, &AgentConfig::buildTimeoutSeconds, 10, 86400),
        ConfigKey::integer(u"builds.memory_mb"_qs, u"Memory limit of a build (cgroup), in MiB"_qs, &AgentConfig::buildMemoryMb, 64, 1048576),
        ConfigKey::integer(u"builds.max_processes"_qs, u"Processes and threads a build may run at once"_qs, &AgentConfig::buildMaxProcesses, 16, 65536),
        ConfigKey::integer(u"builds.max_file_mb"_qs, u"Largest single file a build may write, in MiB"_qs, &AgentConfig::buildMaxFileMb, 1, 65536),
        ConfigKey::integer(u"builds.max_output_mb"_qs, u"Everything a build may write to its output (npm's work copy included), in MiB"_qs, &AgentConfig::buildMaxOutputMb, 1, 1048576),
        ConfigKey::integer(u"builds.max_log_kb"_qs, u"Largest build log kept, in KiB"_qs, &AgentConfig::buildMaxLogKb, 16, 1048576),
        ConfigKey::integer(u"builds.concurrency"_qs, u"Builds that run at once, all users together"_qs, &AgentConfig::buildConcurrency, 1, 64),
        ConfigKey::integer(u"builds.per_user"_qs, u"Builds of one user that run at once"_qs, &AgentConfig::buildPerUser, 1, 64),
        ConfigKey::integer(u"builds.max_queued"_qs, u"Builds that may wait for a slot; more are refused with build.queue_full (503)"_qs, &AgentConfig::buildMaxQueued, 1, 100000),
        ConfigKey::text(u"builds.user"_qs, u"Unprivileged user builds run as when the agent runs as root (created when missing)"_qs, &AgentConfig::buildUser),
        ConfigKey::boolean(u"builds.git"_qs, u"Let projects build from a Git repository (https, http or git URL); the clone runs in the sandbox with network"_qs, &AgentConfig::buildGit),
        ConfigKey::text(u"database.url"_qs, u"postgresql://[user@]host[:port]/dbname[?param=value...]: keep accounts, projects and versions in this PostgreSQL database instead of <data_dir>/agent.db (empty: SQLite). No password in it: libpq reads it from ~/.pgpass, a passfile=... parameter or PGPASSWORD. Shared by several agents, see agent.roles"_qs, &AgentConfig::databaseUrl),
        ConfigKey::list(u"agent.roles"_qs, u"What this agent does beside others sharing database.url and blobs.s3.*: api (the REST API and every write), build (with api), site (the site listener). One agent with api at a time; agents with only site follow its changes"_qs, &AgentConfig::roleNames),
        ConfigKey::integer(u"deploys.retain_versions"_qs, u"Versions kept per project besides live and pinned ones"_qs, &AgentConfig::retainVersions, 1, 1000),
        ConfigKey::s3Text(u"blobs.s3.endpoint"_qs, u"S3-compatible object storage every blob is published to before its version is recorded, and fetched from when missing here: http(s)://host[:port] (empty: off). Keys come from blobs.s3.credentials_file or DDD_BLOBS_S3_ACCESS_KEY_ID and DDD_BLOBS_S3_SECRET_ACCESS_KEY, never the command line"_qs, &S3Settings::endpoint),
        ConfigKey::s3Text(u"blobs.s3.region"_qs, u"Region the requests are signed for"_qs, &S3Settings::region),
        ConfigKey::s3Text(u"blobs.s3.bucket"_qs, u"Bucket holding the blobs (it must exist)"_qs, &S3Settings::bucket),
        ConfigKey::s3Text(u"blobs.s3.prefix"_qs, u"Put before every object name, e.g. ddd/ (several installations may share a bucket)"_qs, &S3Settings::prefix),
        ConfigKey::s3Text(u"blobs.s3.credentials_file"_qs, u"File with access_key_id = ... and secret_access_key = ... lines (an AWS credentials file works)"_qs, &S3Settings::credentialsFile),
        ConfigKey::s3Text(u"blobs.s3.ca_file"_qs, u"Extra PEM trust anchors for an https endpoint with a private CA"_qs, &S3Settings::caFile),
        ConfigKey::bytes(u"blobs.cache_max_bytes"_qs, u"With blobs.s3.*: most bytes of blobs kept on this machine, least recently read ones (held by the bucket) deleted first and fetched again when asked for; precompressed variants are not counted (0: keep all)"_qs, &AgentConfig::blobCacheMaxBytes, 0, qint64(1) << 50),
        ConfigKey::boolean(u"acme.enabled"_qs, u"Obtain and renew a certificate per project domain (with its aliases) by ACME HTTP-01, driving lego"_qs, &AgentConfig::acmeEnabled),
        ConfigKey::text(u"acme.email"_qs, u"Contact address of the ACME account (expiry notices); required with acme.enabled"_qs, &AgentConfig::acmeEmail),
        ConfigKey::text(u"acme.directory_url"_qs, u"ACME directory URL of the certificate authority"_qs, &AgentConfig::acmeDirectoryUrl),
        ConfigKey::text(u"acme.ca_certificates"_qs, u"Extra PEM bundle to trust for the ACME server (a private CA, pebble); lego's LEGO_CA_CERTIFICATES"_qs, &AgentConfig::acmeCaCertificates),
        ConfigKey::integer(u"acme.renew_days"_qs, u"Days before expiry a certificate is renewed"_qs, &AgentConfig::acmeRenewDays, 1, 3650),
        ConfigKey::text(u"acme.lego"_qs, u"The lego program: a name looked up in PATH, or a path"_qs, &AgentConfig::acmeLego),
        ConfigKey::integer(u"activity.retain_entries"_qs, u"Activity log entries kept per project; older ones are dropped as new ones arrive"_qs, &AgentConfig::activityRetainEntries, 10, 1000000),
        ConfigKey::boolean(u"webhooks.allow_private_targets"_qs, u"Let webhooks send to loopback, link-local and private addresses (off: such targets are refused, at creation and at every attempt)"_qs, &AgentConfig::webhooksAllowPrivateTargets),
        ConfigKey::list(u"webhooks.retry_delays"_qs, u"Seconds to wait before each retry of a failed webhook delivery; when used up the delivery has failed"_qs, &AgentConfig::webhooksRetryDelays),
        ConfigKey::integer(u"webhooks.max_per_project"_qs, u"Webhooks a project may have"_qs, &AgentConfig::webhooksMaxPerProject, 1, 100),
        ConfigKey::integer(u"webhooks.retain_deliveries"_qs, u"Finished deliveries kept in each webhook's delivery log"_qs, &AgentConfig::webhooksRetainDeliveries, 10, 100000),
    };
    return table;
}

const ConfigKey *findKey(const QString &name)
{
    for (const ConfigKey &key : keys())
        if (key.name() == name)
            return &key;
    return nullptr;
}

QString tomlValueText(const toml::node &node)
{
    if (node.is_string())
        return QString::fromStdString(*node.value_exact<std::string>());
    if (node.is_boolean())
        return *node.value_exact<bool>() ? u"true"_qs : u"false"_qs;
    if (node.is_integer())
        return QString::number(*node.value_exact<int64_t>());
    if (const toml::array *array = node.as_array()) {
        QStringList items;
        for (const toml::node &item : *array)
            items << tomlValueText(item);
        return items.join(u',');
    }
    return {};
}

Status applyTomlTable(AgentConfig &config, const toml::table &table, const QString &prefix)
{
    for (const auto &[rawKey, node] : table) {
        const QString name = prefix + QString::fromUtf8(rawKey.str().data(), qsizetype(rawKey.str().size()));
        if (const toml::table *sub = node.as_table()) {
            if (Status s = applyTomlTable(config, *sub, name + u'.'); !s)
                return s;
            continue;
        }
        const ConfigKey *key = findKey(name);
        if (!key)
            return Error::make(u"config.unknown_key"_qs, u"unknown setting in config file: "_qs + name);
        if (Status s = key->set(config, tomlValueText(node), u"config file"_qs); !s)
            return s;
    }
    return {};
}

Status applyTomlFile(AgentConfig &config, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(u"config.unreadable"_qs, u"cannot read config file "_qs + path);
    const QByteArray text = file.readAll();
    try {
        const toml::table table = toml::parse(std::string_view(text.constData(), size_t(text.size())));
        return applyTomlTable(config, table, QString());
    } catch (const toml::parse_error &error) {
        return Error::make(u"config.invalid"_qs, u"%1: %2"_qs.arg(path, QString::fromUtf8(error.description().data(),
                                                                                              qsizetype(error.description().size()))));
    }
}

Status applyEnvironment(AgentConfig &config, const QStringList &environment)
{
    for (const QString &entry : environment) {
        const qsizetype eq = entry.indexOf(u'=');
        if (eq <= 0 || !entry.startsWith(u"DDD_"))
            continue;
        const QString name = entry.left(eq);
        for (const ConfigKey &key : keys())
            if (key.environmentName() == name)
                if (Status s = key.set(config, entry.mid(eq + 1), name); !s)
                    return s;
    }
    return {};
}

Status applyArguments(AgentConfig &config, const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString option = arguments.at(i);
        QString value;
        if (const qsizetype eq = option.indexOf(u'='); eq > 0) {
            value = option.mid(eq + 1);
            option = option.left(eq);
        } else if (i + 1 < arguments.size()) {
            value = arguments.at(++i);
        } else {
            return Error::make(u"config.invalid"_qs, u"option %1 needs a value"_qs.arg(option));
        }
        if (option == u"--config")
            continue; // read before the environment; see load()
        const ConfigKey *match = nullptr;
        for (const ConfigKey &key : keys())
            if (key.optionName() == option)
                match = &key;
        if (!match)
            return Error::make(u"config.unknown_option"_qs, u"unknown option "_qs + option);
        if (Status s = match->set(config, value, option); !s)
            return s;
    }
    return {};
}

QString configFilePath(const QStringList &arguments, const QStringList &environment)
{
    QString path;
    for (const QString &entry : environment)
        if (entry.startsWith(u"DDD_CONFIG="))
            path = entry.mid(11);
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--config" && i + 1 < arguments.size())
            path = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(u"--config="))
            path = arguments.at(i).mid(9);
    }
    return path;
}

} // namespace

Result<AgentConfig> AgentConfig::load(const QStringList &arguments, const QStringList &environment)
{
    AgentConfig config;
    config.configFile = configFilePath(arguments, environment);
    if (!config.configFile.isEmpty())
        if (Status s = applyTomlFile(config, config.configFile); !s)
            return s.error();
    if (Status s = applyEnvironment(config, environment); !s)
        return s.error();
    if (Status s = applyArguments(config, arguments); !s)
        return s.error();
    config.s3.readEnvironment(environment);
    if (Status s = config.validate(); !s)
        return s.error();
    return config;
}

Status AgentConfig::validate() const
{
    for (const QString &address : {apiAddress, siteAddress})
        if (QHostAddress(address).isNull())
            return Error::make(u"config.invalid"_qs, u"not an IP address: "_qs + address);
    for (const QString &address : trustedProxies + metricsAllow)
        if (QHostAddress(address).isNull())
            return Error::make(u"config.invalid"_qs, u"not an IP address: "_qs + address);
    if (tlsCertFile.isEmpty() != tlsKeyFile.isEmpty())
        return Error::make(u"config.invalid"_qs, u"tls.cert_file and tls.key_file go together"_qs);
    if (siteHttpsPort != 0 && siteHttpsPort == sitePort)
        return Error::make(u"config.invalid"_qs, u"site.https_port must differ from site.port"_qs);
    if (tlsMinVersion != u"1.2"_qs && tlsMinVersion != u"1.3"_qs)
        return Error::make(u"config.invalid"_qs, u"tls.min_version must be 1.2 or 1.3"_qs);
    static const QStringList levels = {u"debug"_qs, u"info"_qs, u"warning"_qs, u"error"_qs};
    if (!levels.contains(logLevel))
        return Error::make(u"config.invalid"_qs, u"log_level must be one of "_qs + levels.join(u", "_qs));
    if (dataDir.isEmpty())
        return Error::make(u"config.invalid"_qs, u"data_dir must not be empty"_qs);
    if (s3.enabled())
        if (Result<http::S3Endpoint> endpoint = s3.toEndpoint(); !endpoint)
            return endpoint.error();
    if (blobCacheMaxBytes > 0 && !s3.enabled())
        return Error::make(u"config.invalid"_qs, u"blobs.cache_max_bytes needs blobs.s3.endpoint: without a bucket to "
                                                 "fetch them back from, every blob must stay on this machine"_qs);
    if (Status s = validateAcme(); !s)
        return s;
    if (Status s = validateDatabase(); !s)
        return s;
    if (Status s = validateRoles(); !s)
        return s;
    if (auto schedule = core::webhooks::RetrySchedule::fromText(webhooksRetryDelays); !schedule)
        return schedule.error();
    return validateBuilds();
}

// A URL, so it cannot carry options libpq would take from anywhere, and
// without a password, which a command line would show every user.
Status AgentConfig::validateDatabase() const
{
    if (databaseUrl.isEmpty())
        return {};
    const QUrl url(databaseUrl, QUrl::StrictMode);
    const bool postgres = url.scheme() == u"postgresql"_qs || url.scheme() == u"postgres"_qs;
    if (!url.isValid() || !postgres || url.host().isEmpty() || url.path().size() < 2)
        return Error::make(u"config.invalid"_qs, u"database.url must be postgresql://[user@]host[:port]/dbname"_qs);
    if (!url.password().isEmpty() || QUrlQuery(url).hasQueryItem(u"password"_qs))
        return Error::make(u"config.invalid"_qs, u"database.url must not hold the password: put it in ~/.pgpass, a file "
                                                 "named by passfile=..., or PGPASSWORD"_qs);
    return {};
}

Status AgentConfig::validateRoles() const
{
    core::Result<AgentRoles> parsed = AgentRoles::parse(roleNames);
    return parsed ? parsed->checkFor(acmeEnabled, !databaseUrl.isEmpty(), s3.enabled()) : Status(parsed.error());
}

AgentRoles AgentConfig::roles() const
{
    core::Result<AgentRoles> parsed = AgentRoles::parse(roleNames);
    return parsed ? *parsed : AgentRoles();
}

// Checked at start-up rather than at the first order, which may be hours
// later when a project first gets a domain.
Status AgentConfig::validateAcme() const
{
    if (!acmeEnabled)
        return {};
    if (acmeEmail.isEmpty() || !acmeEmail.contains(u'@'))
        return Error::make(u"config.invalid"_qs, u"acme.enabled needs acme.email, the ACME account's contact address"_qs);
    if (!QUrl(acmeDirectoryUrl).isValid() || !acmeDirectoryUrl.startsWith(u"https://"_qs))
        return Error::make(u"config.invalid"_qs, u"acme.directory_url must be an https URL: "_qs + acmeDirectoryUrl);
    if (QStandardPaths::findExecutable(acmeLego).isEmpty()
        && !(acmeLego.contains(u'/') && QFileInfo(acmeLego).isExecutable()))
        return Error::make(u"config.invalid"_qs, u"acme.enabled needs lego, but \"%1\" is not an executable program "
                                                 "(install the lego package or set acme.lego)"_qs.arg(acmeLego));
    if (!acmeCaCertificates.isEmpty() && !QFileInfo(acmeCaCertificates).isReadable())
        return Error::make(u"config.invalid"_qs, u"acme.ca_certificates is not a readable file: "_qs + acmeCaCertificates);
    return {};
}

core::acme::AcmeSettings AgentConfig::acmeSettings() const
{
    core::acme::AcmeSettings settings;
    settings.dataDir = dataDir;
    settings.email = acmeEmail;
    settings.directoryUrl = acmeDirectoryUrl;
    settings.caCertificates = acmeCaCertificates;
    const QString found = QStandardPaths::findExecutable(acmeLego);
    settings.lego = found.isEmpty() ? acmeLego : found; // a path with a slash is taken as it is
    settings.renewDays = acmeRenewDays;
    return settings;
}

Status AgentConfig::validateBuilds() const
{
    static const QStringList minifyModes = {u"always"_qs, u"never"_qs, u"project"_qs};
    if (!minifyModes.contains(buildMinify))
        return Error::make(u"config.invalid"_qs, u"builds.minify must be one of "_qs + minifyModes.join(u", "_qs));
    // A user name goes to useradd and getpwnam: the portable set only.
    static const QRegularExpression userName(u"^[a-z_][a-z0-9_-]{0,31}$"_qs);
    if (!userName.match(buildUser).hasMatch())
        return Error::make(u"config.invalid"_qs, u"builds.user is not a valid user name: "_qs + buildUser);
    static const QRegularExpression scriptName(u"^[A-Za-z0-9:._-]{1,64}$"_qs);
    for (const QString &script : buildNpmScripts)
        if (!scriptName.match(script).hasMatch())
            return Error::make(u"config.invalid"_qs, u"builds.npm_scripts holds an invalid script name: "_qs + script);
    return {};
}

core::build::BuildPolicy AgentConfig::buildPolicy() const
{
    core::build::BuildPolicy policy;
    policy.npmScripts = buildNpmScripts;
    policy.flagsAllowlist = buildFlagsAllowlist;
    policy.installNetwork = buildInstallNetwork;
    policy.minify = buildMinify == u"always"_qs  ? core::build::BuildPolicy::Minify::Always
                    : buildMinify == u"never"_qs ? core::build::BuildPolicy::Minify::Never
                                                 : core::build::BuildPolicy::Minify::PerProject;
    policy.limits.wallClockMs = qint64(buildTimeoutSeconds) * 1000;
    policy.limits.memoryBytes = qint64(buildMemoryMb) << 20;
    policy.limits.maxProcesses = buildMaxProcesses;
    policy.limits.maxFileBytes = qint64(buildMaxFileMb) << 20;
    policy.limits.maxOutputBytes = qint64(buildMaxOutputMb) << 20;
    policy.maxLogBytes = qint64(buildMaxLogKb) << 10;
    return policy;
}

core::build::SandboxRunner::Options AgentConfig::sandboxOptions() const
{
    core::build::SandboxRunner::Options options;
    options.buildUser = buildUser;
    return options;
}

QString AgentConfig::toToml() const
{
    QString out;
    for (const ConfigKey &key : keys())
        out += key.name() + u" = "_qs + key.tomlValue(*this) + u'\n';
    return out;
}

QString AgentConfig::documentation()
{
    const AgentConfig defaults;
    QString out = u"| TOML key | Environment | Option | Default | Meaning |\n|---|---|---|---|---|\n"_qs;
    for (const ConfigKey &key : keys())
        out += u"| `%1` | `%2` | `%3` | `%4` | %5 |\n"_qs.arg(key.name(), key.environmentName(), key.optionName(),
                                                           key.tomlValue(defaults), key.help());
    return out;
}

} // namespace ddd::agent
