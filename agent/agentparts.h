// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent.cpp and agentparts.cpp: the object graph behind Agent.
#include "agent/agent.h"
#include "agent/api/activitycontroller.h"
#include "agent/api/archiveuploadscontroller.h"
#include "agent/api/authcontroller.h"
#include "agent/api/buildhookscontroller.h"
#include "agent/api/buildscontroller.h"
#include "agent/api/certificatecontroller.h"
#include "agent/api/deployscontroller.h"
#include "agent/api/healthcontroller.h"
#include "agent/api/missingpathscontroller.h"
#include "agent/api/projectscontroller.h"
#include "agent/api/sharelinkscontroller.h"
#include "agent/api/siteurls.h"
#include "agent/api/sourcescontroller.h"
#include "agent/api/router.h"
#include "agent/api/routes.h"
#include "agent/api/tokenscontroller.h"
#include "agent/api/uploadscontroller.h"
#include "agent/api/webhookscontroller.h"
#include "agent/certificateparts.h"
#include "agent/http/server.h"
#include "agent/metrics/metricsregistry.h"
#include "agent/requestreporting.h"
#include "agent/sharedblobparts.h"
#include "agent/site/sitepipeline.h"
#include "core/auth/apitokenservice.h"
#include "core/auth/authservice.h"
#include "core/auth/hashingslots.h"
#include "core/auth/hmacsha256.h"
#include "core/auth/jwtkeyfile.h"
#include "core/auth/loginthrottle.h"
#include "core/auth/passwordhasher.h"
#include "core/auth/securerandom.h"
#include "core/auth/sharedsigningkey.h"
#include "core/auth/sharelinks.h"
#include "core/auth/siteaccess.h"
#include "core/auth/sitecredentialcache.h"
#include "core/auth/tokenservice.h"
#include "core/blobs/blobstore.h"
#include "core/build/buildengine.h"
#include "core/build/buildhookservice.h"
#include "core/build/buildservice.h"
#include "core/build/gitfetcher.h"
#include "core/build/sandboxrunner.h"
#include "core/build/sourceservice.h"
#include "core/build/sourceuploads.h"
#include "core/deploy/activitylog.h"
#include "core/deploy/deploymentservice.h"
#include "core/deploy/livesites.h"
#include "core/deploy/previewsites.h"
#include "core/deploy/projectservice.h"
#include "core/deploy/sharelinkservice.h"
#include "core/deploy/sitefollower.h"
#include "core/ops/clusterheartbeat.h"
#include "core/ops/clusterroster.h"
#include "core/storage/apitokenstore.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/livepointerstore.h"
#include "core/storage/loginfailurestore.h"
#include "core/storage/projectstore.h"
#include "core/storage/secretstore.h"
#include "core/storage/sitechangefeed.h"
#include "core/storage/writerlock.h"
#include "core/storage/userstore.h"
#include "core/util/clock.h"
#include "core/util/random.h"
#include "core/webhooks/webhookevents.h"
#include "core/webhooks/webhooksender.h"
#include "core/webhooks/webhookservice.h"

#include <QLoggingCategory>

#include <atomic>

namespace ddd::agent {

Q_DECLARE_LOGGING_CATEGORY(lcAgent)

// Members in construction order; destruction runs backwards, so servers stop
// before the services they call go away.
struct Agent::Parts
{
    AgentConfig config;
    const core::Clock &clock;
    core::SystemRandom random;
    metrics::MetricsRegistry metrics;
    RequestReporting reporting{config, metrics, clock}; // outlives the servers that feed it
    AccessLog::Writer accessLogWriter;                  // tests: instead of stderr
    std::unique_ptr<core::storage::ConnectionProvider> database;
    std::unique_ptr<core::storage::WriterLock> writerLock; // with database.url
    std::unique_ptr<core::auth::HashingSlots> hashingSlots;
    std::unique_ptr<core::auth::PasswordHasher> hasher;
    std::unique_ptr<core::auth::TokenService> tokens;
    std::unique_ptr<core::storage::LoginFailureStore> loginFailures;
    std::unique_ptr<core::auth::LoginThrottle> throttle;
    std::unique_ptr<core::storage::UserStore> users;
    std::unique_ptr<core::storage::ApiTokenStore> apiTokenStore;
    std::unique_ptr<core::auth::ApiTokenService> apiTokens;
    std::unique_ptr<core::auth::AuthService> auth;
    std::unique_ptr<core::storage::ProjectStore> projectStore;
    std::unique_ptr<core::deploy::ProjectService> projects;
    // Before the services that record into it, so it outlives them.
    std::unique_ptr<core::deploy::ActivityLog> activityLog;
    std::unique_ptr<core::blobs::BlobStore> blobs;
    std::unique_ptr<SharedBlobParts> sharedBlobParts; // null unless blobs.s3.endpoint
    std::unique_ptr<core::deploy::LiveSites> liveSites;
    std::unique_ptr<core::deploy::DeploymentService> deploys;
    // agent.roles without api: the sites follow another agent's changes.
    std::unique_ptr<core::storage::LivePointerStore> followedPointers;
    std::unique_ptr<core::storage::SiteChangeFeed> siteChanges;
    std::unique_ptr<core::deploy::SiteFollower> siteFollower;
    // With database.url: this agent's row among those sharing the database.
    std::unique_ptr<core::storage::AgentStore> agentStore;
    std::unique_ptr<core::ops::ClusterHeartbeat> heartbeat;
    std::unique_ptr<core::ops::ClusterRoster> clusterRoster;
    core::build::BuildService::Engine engineOverride;
    std::unique_ptr<core::build::SandboxRunner> sandbox;
    std::unique_ptr<core::build::BuildEngine> buildEngine;
    std::unique_ptr<core::build::GitFetcher> gitFetcher;
    std::unique_ptr<core::build::SourceService> sources;
    std::unique_ptr<core::build::BuildService> builds;
    std::unique_ptr<core::build::SourceUploads> sourceUploads;
    std::unique_ptr<core::build::BuildHookService> buildHooks;
    std::unique_ptr<CertificateParts> certificates;
    std::unique_ptr<core::webhooks::WebhookEvents> webhookEvents;
    std::unique_ptr<core::webhooks::WebhookSender> webhookSender;
    std::unique_ptr<core::webhooks::WebhookService> webhooks;
    std::unique_ptr<core::auth::ShareLinks> shareLinks;
    std::unique_ptr<core::deploy::ShareLinkService> shareLinkService;
    std::unique_ptr<core::auth::LoginThrottle> siteThrottle;
    std::unique_ptr<core::auth::SiteCredentialCache> siteCredentials;
    std::unique_ptr<core::auth::SiteAccess> siteAccess;
    std::unique_ptr<api::SiteUrls> siteUrls;
    std::unique_ptr<api::HealthController> healthController;
    std::unique_ptr<api::AuthController> authController;
    std::unique_ptr<api::TokensController> tokensController;
    std::unique_ptr<api::ProjectsController> projectsController;
    std::unique_ptr<api::ShareLinksController> shareLinksController;
    std::unique_ptr<api::DeploysController> deploysController;
    std::unique_ptr<api::SourcesController> sourcesController;
    std::unique_ptr<api::BuildsController> buildsController;
    std::unique_ptr<api::BuildHooksController> buildHooksController;
    std::unique_ptr<api::UploadsController> uploadsController;
    std::unique_ptr<api::MissingPathsController> missingPathsController;
    std::unique_ptr<api::ActivityController> activityController;
    std::unique_ptr<api::CertificateController> certificateController;
    std::unique_ptr<api::WebhooksController> webhooksController;
    std::unique_ptr<api::ArchiveUploadsController> archiveUploadsController;
    std::unique_ptr<api::Router> router;
    std::unique_ptr<site::SitePipeline> sitePipeline;
    std::unique_ptr<http::Server> apiServer;
    std::unique_ptr<http::Server> siteServer;
    // siteServer once it serves, for API handlers that ask about site HTTPS
    // from worker threads (the API listener starts first).
    std::atomic<http::Server *> servingSiteServer{nullptr};
    quint16 siteHttpsPort() const;
    bool siteCertificateCovers(const QString &host) const;

    Parts(AgentConfig c, const core::Clock &k) : config(std::move(c)), clock(k) {}

    core::Status prepareDataRoot() const;
    core::Status claimDatabase();
    core::Result<QByteArray> signingKey();
    core::Status openAuth();
    core::Status openDeploys();
    core::Status openWriter();
    core::Status openFollower();
    core::Status followSiteChanges(QHash<qint64, qint64> alreadyBuilt = {});
    core::Status openCluster();
    core::Status openBuilds();
    core::Status openCertificates();
    void openWebhooks();
    core::Status openSiteAccess(const QByteArray &signingKey);
    void buildApi();
    void buildSitePipeline();
    core::deploy::DeployOptions deployOptions() const;
    core::Status startSiteServer();
    core::Status startServer(std::unique_ptr<http::Server> &server, const QString &listener, http::RequestHandler &handler,
                       http::ServerOptions options);
    http::ServerOptions serverOptions(const QString &address, int port) const;
    http::ServerOptions siteServerOptions() const;
};

} // namespace ddd::agent
