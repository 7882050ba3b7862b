// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/agentparts.h"

#include "core/rules/siterules.h"
#include "core/storage/migrations.h"
#include "core/storage/versionstore.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>

namespace ddd::agent {

Q_LOGGING_CATEGORY(lcAgent, "ddd.agent")

using core::Error;
using core::Status;

Status Agent::Parts::prepareDataRoot() const
{
    QDir root(config.dataDir);
    if (!root.mkpath(u"."_qs))
        return Error::make(u"agent.data_dir"_qs, u"cannot create data directory "_qs + config.dataDir);
    // The data root holds the database and the signing key: owner only.
    QFile::setPermissions(root.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return {};
}

// Agents with the api role write to a PostgreSQL database side by side
// when they share a bucket, alone otherwise (WriterLock); maintenance
// commands do not claim it, and an agent that follows another neither
// claims nor migrates it.
Status Agent::Parts::claimDatabase()
{
    if (config.databaseUrl.isEmpty())
        return {};
    if (config.roles().followsAnother()) {
        core::Result<core::storage::Database> db = core::storage::Database::connect(config.databaseUrl.toUtf8());
        return db ? core::storage::Migrations::requireCurrent(*db) : core::Status(db.error());
    }
    using Mode = core::storage::WriterLock::Mode;
    auto lock = core::storage::WriterLock::take(config.databaseUrl.toUtf8(), config.s3.enabled() ? Mode::Shared : Mode::Sole);
    if (!lock)
        return lock.error();
    writerLock = std::move(*lock);
    return {};
}

// With database.url the agents share one session-token key, in the database.
core::Result<QByteArray> Agent::Parts::signingKey()
{
    if (config.databaseUrl.isEmpty())
        return core::auth::JwtKeyFile::loadOrCreate(config.dataDir);
    core::storage::SecretStore secrets(*database);
    using core::auth::SharedSigningKey;
    return config.roles().followsAnother() ? SharedSigningKey::forFollower(secrets)
                                           : SharedSigningKey::forWriter(secrets, config.dataDir);
}

Status Agent::Parts::openAuth()
{
    auto key = signingKey();
    if (!key)
        return key.error();
    core::auth::TokenService::Options tokenOptions;
    tokenOptions.lifetimeSeconds = config.tokenLifetimeSeconds;
    auto tokenService = core::auth::TokenService::create(*key, clock, tokenOptions);
    if (!tokenService)
        return tokenService.error();
    tokens = std::make_unique<core::auth::TokenService>(std::move(tokenService).value());
    if (Status s = openSiteAccess(*key); !s)
        return s;
    hashingSlots = std::make_unique<core::auth::HashingSlots>(config.maxConcurrentHashes);
    hasher = std::make_unique<core::auth::PasswordHasher>(*hashingSlots);
    loginFailures = std::make_unique<core::storage::LoginFailureStore>(*database);
    throttle = std::make_unique<core::auth::LoginThrottle>(clock, *loginFailures);
    users = std::make_unique<core::storage::UserStore>(*database, clock);
    apiTokenStore = std::make_unique<core::storage::ApiTokenStore>(*database);
    apiTokens = std::make_unique<core::auth::ApiTokenService>(*apiTokenStore, *users, clock);
    auth = std::make_unique<core::auth::AuthService>(*users, *hasher, *tokens, *throttle, *apiTokens);
    siteAccess = std::make_unique<core::auth::SiteAccess>(*hasher, *siteThrottle, *siteCredentials, *shareLinks,
                                                          core::auth::SiteAccess::Options{config.forceSiteProtection});
    return {};
}

// Share links are signed with a key derived from the session-token key, so
// both live and die with it; the credential cache's key exists only
// in this process, so nothing it remembers survives a restart.
Status Agent::Parts::openSiteAccess(const QByteArray &signingKey)
{
    auto cacheKey = core::auth::SecureRandom::bytes(32);
    if (!cacheKey)
        return cacheKey.error();
    shareLinks = std::make_unique<core::auth::ShareLinks>(
        core::auth::HmacSha256::sign(signingKey, "ddd site share links v1"), clock);
    siteThrottle = std::make_unique<core::auth::LoginThrottle>(clock);
    siteCredentials = std::make_unique<core::auth::SiteCredentialCache>(clock, *cacheKey);
    return {};
}

core::deploy::DeployOptions Agent::Parts::deployOptions() const
{
    core::deploy::DeployOptions options;
    options.limits.maxEntries = config.maxArchiveEntries;
    options.limits.maxEntryBytes = config.maxFileBytes;
    options.limits.maxTotalBytes = config.maxSiteBytes;
    options.limits.maxRatio = config.maxCompressionRatio;
    options.retainVersions = config.retainVersions;
    options.maxUploadBytes = config.maxUploadBytes;
    options.maxArchiveUploadsPerUser = config.maxArchiveUploadsPerUser;
    return options;
}

Status Agent::Parts::openDeploys()
{
    projectStore = std::make_unique<core::storage::ProjectStore>(*database);
    auto hashSitePassword = [this](const QString &password) { return hasher->hash(password); };
    projects = std::make_unique<core::deploy::ProjectService>(*projectStore, clock, random, hashSitePassword,
                                                              config.buildFlagsAllowlist);
    projects->reserveDomainSuffix(config.siteBaseDomain);
    projects->allowNpmScripts(config.buildNpmScripts);
    projects->allowGitBuilds(config.buildGit);
    projects->setHttpsAvailable([this] { return siteHttpsPort() != 0; });
    shareLinkService = std::make_unique<core::deploy::ShareLinkService>(*projects, *shareLinks);
    blobs = std::make_unique<core::blobs::BlobStore>(config.dataDir);
    if (Status s = blobs->initialise(); !s)
        return s;
    liveSites = std::make_unique<core::deploy::LiveSites>(config.siteBaseDomain);
    deploys = std::make_unique<core::deploy::DeploymentService>(*database, *projects, *blobs, *liveSites, clock,
                                                                deployOptions());
    auto shared = SharedBlobParts::open(config, *blobs, *database, *deploys, clock);
    if (!shared)
        return shared.error();
    sharedBlobParts = std::move(*shared);
    projects->addRemovalHook([this](qint64 projectId) { deploys->removeProjectFiles(projectId); });
    // The services record each event of a project in its activity log.
    activityLog = std::make_unique<core::deploy::ActivityLog>(*database, *projects, clock, config.activityRetainEntries);
    deploys->recordActivityIn(*activityLog);
    projects->recordActivityIn(*activityLog);
    apiTokens->recordActivityIn(*activityLog);
    projects->addChangeHook([this](qint64 projectId) {
        if (Status s = deploys->refreshSite(projectId); !s)
            qCWarning(lcAgent).noquote() << "cannot refresh the live site of project" << projectId << s.error().message;
    });
    return config.roles().followsAnother() ? openFollower() : openWriter();
}

// Start-up repair: staging leftovers, interrupted versions, orphan blobs,
// and the serving snapshot rebuilt from the live pointers. With a shared
// database the sites then follow what other agents record as well.
Status Agent::Parts::openWriter()
{
    // Read before the repair builds every site, so following afterwards
    // builds again only the sites another agent changed in between.
    QHash<qint64, qint64> revisionsBeforeRepair;
    if (!config.databaseUrl.isEmpty()) {
        followedPointers = std::make_unique<core::storage::LivePointerStore>(*database);
        core::Result<QHash<qint64, qint64>> revisions = followedPointers->siteRevisions();
        if (!revisions)
            return revisions.error();
        revisionsBeforeRepair = std::move(*revisions);
    }
    if (sharedBlobParts)
        sharedBlobParts->collectGarbageThrough(*deploys);
    if (Status s = deploys->reconcile(); !s)
        return s;
    if (sharedBlobParts)
        sharedBlobParts->measureCache();
    if (!config.databaseUrl.isEmpty())
        if (Status s = followSiteChanges(std::move(revisionsBeforeRepair)); !s)
            return s;
    if (Status s = openCertificates(); !s)
        return s;
    return openBuilds();
}

// Only this machine is repaired; the sites are built from the database as
// it is now, then kept in step by the follower's thread (from start()).
Status Agent::Parts::openFollower()
{
    if (Status s = deploys->reconcileAsFollower(); !s)
        return s;
    if (sharedBlobParts)
        sharedBlobParts->measureCache();
    qCInfo(lcAgent) << "following the agent with the api role: this one serves sites and writes only its heartbeat";
    if (Status s = followSiteChanges(); !s)
        return s;
    return openCertificates();
}

// Every change any agent records of a project's site reaches this agent's
// LiveSites (SiteFollower): announced by PostgreSQL, reconciled regularly.
Status Agent::Parts::followSiteChanges(QHash<qint64, qint64> alreadyBuilt)
{
    if (!followedPointers)
        followedPointers = std::make_unique<core::storage::LivePointerStore>(*database);
    siteChanges = std::make_unique<core::storage::SiteChangeFeed>(config.databaseUrl.toUtf8());
    siteFollower = std::make_unique<core::deploy::SiteFollower>(
        *siteChanges, *followedPointers,
        [this](qint64 projectId) {
            if (certificates) // another agent may have changed the project's names
                certificates->wake();
            return deploys->refreshSite(projectId);
        },
        clock,
        [db = database.get()] { db->releaseCurrent(); }, core::deploy::SiteFollower::Options());
    siteFollower->assumeBuilt(std::move(alreadyBuilt));
    return siteFollower->catchUp();
}

// Certificates per project domain (acme.enabled), obtained by lego on the
// manager's thread (started with the listeners, which answer the
// challenges); with a shared database, copied from it on site agents.
Status Agent::Parts::openCertificates()
{
    CertificateParts::Links links;
    links.projects = [this] { return projectStore->listAll(); };
    links.threadExit = [this] { database->releaseCurrent(); };
    // Certificate threads start after the servers and stop before them, so
    // siteServer is set while they run.
    links.reloadSite = [this] {
        if (Status reloaded = siteServer ? siteServer->reloadCertificates() : Status(); !reloaded)
            qCWarning(lcAgent).noquote() << "certificates changed but could not be reloaded:" << reloaded.error().message;
    };
    auto parts = CertificateParts::open(config, *database, clock, std::move(links));
    if (!parts)
        return parts.error();
    certificates = std::move(*parts);
    projects->addChangeHook([this](qint64) { certificates->wake(); });
    projects->addRemovalHook([this](qint64) { certificates->wake(); });
    projects->addCreationHook([this](qint64) { certificates->wake(); });
    return {};
}

// Builds run on the build service's own threads, taken from the queue in
// the database; running builds of the last process are marked interrupted.
Status Agent::Parts::openBuilds()
{
    sandbox = std::make_unique<core::build::SandboxRunner>(config.sandboxOptions());
    buildEngine = std::make_unique<core::build::BuildEngine>(*sandbox, config.buildPolicy());
    sources = std::make_unique<core::build::SourceService>(*database, *projects, *deploys, *blobs, clock,
                                                           config.dataDir + u"/work"_qs);
    core::build::BuildService::Engine engine = engineOverride;
    if (!engine)
        engine = [this](const core::build::BuildRequest &request, core::build::BuildLogSink &log,
                        std::stop_token stop) { return buildEngine->run(request, log, stop); };
    core::Result<QString> agentId = core::ops::ClusterHeartbeat::identity(config.dataDir);
    if (!agentId)
        return agentId.error();
    core::build::BuildService::Options options;
    options.queue.agentId = *agentId;
    options.dataRoot = config.dataDir;
    options.logs.maxBytes = buildEngine->policy().maxLogBytes;
    // An agent with api but not build queues builds for the agents with build.
    options.queue.concurrency = config.roles().build ? config.buildConcurrency : 0;
    options.queue.perUser = config.buildPerUser;
    options.maxQueued = config.buildMaxQueued;
    builds = std::make_unique<core::build::BuildService>(*database, *projects, *sources, *deploys, clock, engine,
                                                         options);
    if (config.buildGit) {
        gitFetcher = std::make_unique<core::build::GitFetcher>(*sandbox, buildEngine->policy().limits);
        builds->enableGit([this](const core::build::GitSource &source, const QString &directory,
                                 core::build::BuildLogSink &log, std::stop_token stop) {
            return gitFetcher->fetch(source, directory, log, stop);
        });
    }
    buildHooks = std::make_unique<core::build::BuildHookService>(*database, *projects, *builds, clock);
    openWebhooks(); // before resume(): builds that finish from then on are published
    sourceUploads = std::make_unique<core::build::SourceUploads>(*sources, *builds);
    projects->addRemovalHook([this](qint64) { builds->forgetRemovedBuilds(); });
    return builds->resume();
}

// Webhooks are fed by the activity log and the build service; the sender
// starts with the listeners and picks up what the last process left queued.
void Agent::Parts::openWebhooks()
{
    webhookEvents = std::make_unique<core::webhooks::WebhookEvents>(*database, *projectStore, clock,
                                                                    config.webhooksRetainDeliveries);
    core::webhooks::WebhookWorker::Options sending;
    sending.allowPrivateTargets = config.webhooksAllowPrivateTargets;
    // Validated with the config; the default only for configs built in code.
    const auto schedule = core::webhooks::RetrySchedule::fromText(config.webhooksRetryDelays);
    sending.schedule = schedule ? *schedule : core::webhooks::RetrySchedule();
    webhookSender = std::make_unique<core::webhooks::WebhookSender>(*database, clock, sending);
    webhookEvents->setWake([sender = webhookSender.get()] { sender->wake(); });
    webhooks = std::make_unique<core::webhooks::WebhookService>(
        *database, *projects, *webhookEvents, clock,
        core::webhooks::WebhookService::Options{config.webhooksAllowPrivateTargets, config.webhooksMaxPerProject});
    activityLog->addObserver([events = webhookEvents.get()](const auto &entry) { events->onActivity(entry); });
    builds->addFinishObserver([events = webhookEvents.get()](const auto &build) { events->onBuildFinished(build); });
}

// Agents sharing a database list each other through their heartbeats
// (/api/v1/status); the first is written when the listeners open.
Status Agent::Parts::openCluster()
{
    if (config.databaseUrl.isEmpty())
        return {};
    core::Result<QString> id = core::ops::ClusterHeartbeat::identity(config.dataDir);
    if (!id)
        return id.error();
    agentStore = std::make_unique<core::storage::AgentStore>(*database);
    const core::storage::AgentStore::Record self{*id, QSysInfo::machineHostName(), config.roleNames,
                                                 QStringLiteral(DDD_VERSION), clock.nowMs(), 0, std::nullopt};
    auto behindSince = [follower = siteFollower.get()] {
        return follower ? follower->behindSinceMs() : std::optional<qint64>();
    };
    heartbeat = std::make_unique<core::ops::ClusterHeartbeat>(*agentStore, self, behindSince, clock,
                                                              [db = database.get()] { db->releaseCurrent(); },
                                                              core::ops::ClusterHeartbeat::Options());
    clusterRoster = std::make_unique<core::ops::ClusterRoster>(*agentStore, clock);
    return {};
}

void Agent::Parts::buildApi()
{
    auto slugOf = [this](qint64 projectId) {
        auto project = projectStore->findById(projectId);
        return project && project->has_value() ? (*project)->slug : QString();
    };
    auto httpsPortFor = [this](const QString &host) -> quint16 {
        return siteCertificateCovers(host) ? siteHttpsPort() : 0;
    };
    siteUrls = std::make_unique<api::SiteUrls>(*liveSites, deploys->previews(), config.sitePort, slugOf, httpsPortFor);
    healthController = std::make_unique<api::HealthController>(core::ops::DatabaseProbe(*database), metrics, clock, config.dataDir,
                                                                config.metricsAllow, clusterRoster.get());
    authController = std::make_unique<api::AuthController>(*auth, config.allowSignup);
    tokensController = std::make_unique<api::TokensController>(*apiTokens, *projects);
    projectsController = std::make_unique<api::ProjectsController>(*projects, *siteUrls, config.forceSiteProtection);
    shareLinksController = std::make_unique<api::ShareLinksController>(*shareLinkService, *siteUrls);
    deploysController = std::make_unique<api::DeploysController>(*deploys, *siteUrls);
    sourcesController = std::make_unique<api::SourcesController>(*sources, *sourceUploads);
    buildsController = std::make_unique<api::BuildsController>(*builds);
    buildHooksController = std::make_unique<api::BuildHooksController>(*buildHooks);
    uploadsController = std::make_unique<api::UploadsController>(*deploys, *siteUrls, *sourcesController);
    missingPathsController = std::make_unique<api::MissingPathsController>(*projects, reporting.missingPaths());
    activityController = std::make_unique<api::ActivityController>(*activityLog);
    certificateController = std::make_unique<api::CertificateController>(*projects, certificates->manager());
    webhooksController = std::make_unique<api::WebhooksController>(*webhooks);
    archiveUploadsController = std::make_unique<api::ArchiveUploadsController>(*deploys, *sourceUploads, *siteUrls);
    const api::Controllers controllers{*healthController,   *authController,       *tokensController,
                                       *projectsController, *shareLinksController, *deploysController,
                                       *uploadsController,  *sourcesController,    *buildsController,
                                       *buildHooksController, *missingPathsController, *activityController,
                                       *certificateController, *webhooksController, *archiveUploadsController};
    auto authenticate = [this](const QByteArray &bearer) {
        return auth->authenticateBearer(QString::fromLatin1(bearer));
    };
    router = std::make_unique<api::Router>(api::apiRoutes(controllers), authenticate,
                                           api::Router::Limits{config.maxJsonBodyBytes, qint64(64) << 20,
                                                               config.maxUploadBytes});
}

void Agent::Parts::buildSitePipeline()
{
    site::SitePipeline::Options siteOptions;
    siteOptions.previews = [previews = &deploys->previews()](const QString &host) { return previews->lookup(host); };
    siteOptions.isPreviewHost = [previews = &deploys->previews()](const QString &host) {
        return previews->isPreviewHost(host);
    };
    siteOptions.httpsPort = [this] { return siteHttpsPort(); };
    siteOptions.acmeWebroot = certificates->webroot();
    siteOptions.sharedAcmeAnswers = certificates->sharedAnswers();
    if (sharedBlobParts) {
        siteOptions.sharedBlobs = &sharedBlobParts->shared();
        siteOptions.sharedVariants = &sharedBlobParts->variants();
        siteOptions.blobUsage = sharedBlobParts->usage();
    }
    sitePipeline = std::make_unique<site::SitePipeline>(*liveSites, *blobs, *siteAccess, std::move(siteOptions));
}

http::ServerOptions Agent::Parts::serverOptions(const QString &address, int port) const
{
    http::ServerOptions options;
    options.address = address;
    options.port = quint16(port);
    options.ioThreads = config.ioThreads;
    options.workerThreads = config.workerThreads;
    options.trustedProxies = config.trustedProxies;
    options.tlsCertFile = config.tlsCertFile;
    options.tlsKeyFile = config.tlsKeyFile;
    options.tls13Only = config.tlsMinVersion == u"1.3"_qs;
    options.limits.headerTimeout = std::chrono::seconds(config.headerTimeoutSeconds);
    options.limits.bodyProgress = {std::chrono::seconds(config.bodyIdleSeconds), config.bodyMinBytesPerSecond,
                                   std::chrono::seconds(config.bodyRateWindowSeconds)};
    options.limits.keepAliveTimeout = std::chrono::seconds(config.keepAliveSeconds);
    options.limits.maxConnections = config.maxConnections;
    options.limits.maxConnectionsPerAddress = config.maxConnectionsPerClient;
    options.limits.http2 = {config.http2Enabled, config.http2MaxConcurrentStreams, qint32(config.http2StreamWindow),
                            qint32(config.http2ConnectionWindow), config.http2FloodBurst, config.http2FloodRate};
    options.onWorkerExit = [db = database.get()] { db->releaseCurrent(); };
    return options;
}

quint16 Agent::Parts::siteHttpsPort() const
{
    const http::Server *server = servingSiteServer.load();
    return server ? server->httpsPort() : 0;
}

bool Agent::Parts::siteCertificateCovers(const QString &host) const
{
    const http::Server *server = servingSiteServer.load();
    return server && server->certificateCovers(host);
}

http::ServerOptions Agent::Parts::siteServerOptions() const
{
    http::ServerOptions options = serverOptions(config.siteAddress, config.sitePort);
    options.httpsPort = quint16(config.siteHttpsPort);
    options.certificateDirectory = QDir(config.dataDir).filePath(u"certificates"_qs);
    return options;
}

Status Agent::Parts::startSiteServer()
{
    if (Status s = startServer(siteServer, u"site"_qs, *sitePipeline, siteServerOptions()); !s)
        return s;
    servingSiteServer = siteServer.get();
    if (siteServer->httpsPort() != 0)
        qCInfo(lcAgent).noquote() << u"site HTTPS listening on %1:%2"_qs.arg(config.siteAddress).arg(siteServer->httpsPort());
    if (siteUrls)
        siteUrls->setPort(siteServer->port());
    reporting.setSitePort(siteServer->port());
    return {};
}

Status Agent::Parts::startServer(std::unique_ptr<http::Server> &server, const QString &listener,
                                 http::RequestHandler &handler, http::ServerOptions options)
{
    const QString address = options.address;
    server = std::make_unique<http::Server>(std::move(options), handler, reporting.observerFor(listener));
    if (Status s = server->start(); !s)
        return s;
    qCInfo(lcAgent).noquote() << u"%1 listening on %2:%3"_qs.arg(listener, address).arg(server->port());
    return {};
}

} // namespace ddd::agent
