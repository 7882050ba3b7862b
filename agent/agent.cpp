// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/agent.h"

#include "agent/agentparts.h"

#include <QDir>

namespace ddd::agent {

using core::Error;
using core::Status;

Agent::Agent(AgentConfig config, const core::Clock &clock) : m_parts(std::make_unique<Parts>(std::move(config), clock)) {}

Agent::~Agent()
{
    stop();
}

Status Agent::openAccounts()
{
    Parts &p = *m_parts;
    if (Status s = p.prepareDataRoot(); !s)
        return s;
    using core::storage::ConnectionProvider;
    p.database = p.config.databaseUrl.isEmpty()
        ? std::make_unique<ConnectionProvider>(QDir(p.config.dataDir).filePath(u"agent.db"_qs))
        : std::make_unique<ConnectionProvider>(ConnectionProvider::Postgres{p.config.databaseUrl.toUtf8()});
    if (Status s = p.database->initialise(); !s)
        return s;
    return p.openAuth();
}

Status Agent::open()
{
    if (Status s = m_parts->claimDatabase(); !s)
        return s;
    if (Status s = openAccounts(); !s)
        return s;
    if (Status s = m_parts->openDeploys(); !s)
        return s;
    if (Status s = m_parts->openCluster(); !s)
        return s;
    const AgentRoles roles = m_parts->config.roles();
    if (roles.api)
        m_parts->buildApi();
    if (roles.site)
        m_parts->buildSitePipeline();
    return {};
}

Status Agent::start()
{
    Parts &p = *m_parts;
    if (Status s = p.reporting.start(p.accessLogWriter); !s)
        return s;
    if (p.router)
        if (Status s = p.startServer(p.apiServer, u"api"_qs, *p.router, p.serverOptions(p.config.apiAddress, p.config.apiPort)); !s)
            return s;
    if (p.sitePipeline)
        if (Status s = p.startSiteServer(); !s)
            return s;
    p.certificates->start();
    if (p.webhookSender)
        p.webhookSender->start();
    if (p.siteFollower)
        p.siteFollower->start();
    if (p.sharedBlobParts)
        p.sharedBlobParts->start();
    if (p.heartbeat) {
        if (Status beaten = p.heartbeat->beat(); !beaten)
            qCWarning(lcAgent).noquote() << "first heartbeat not written:" << beaten.error().message;
        p.heartbeat->start();
    }
    return {};
}

// Both listeners drain at once: what is being answered finishes (within
// http.shutdown_grace), idle connections close, then the rest is dropped.
void Agent::stop()
{
    if (m_parts->heartbeat)
        m_parts->heartbeat->stop();
    if (m_parts->sharedBlobParts)
        m_parts->sharedBlobParts->stop();
    if (m_parts->siteFollower)
        m_parts->siteFollower->stop();
    if (m_parts->certificates)
        m_parts->certificates->stop();
    Parts &p = *m_parts;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(p.config.shutdownGraceSeconds);
    for (http::Server *server : {p.siteServer.get(), p.apiServer.get()})
        if (server)
            server->beginDrain();
    for (http::Server *server : {p.siteServer.get(), p.apiServer.get()})
        if (server && !server->waitDrained(deadline))
            qCInfo(lcAgent) << "stopping with" << server->openConnections() << "connections still open";
    m_parts->servingSiteServer = nullptr;
    if (m_parts->siteServer)
        m_parts->siteServer->stop();
    if (m_parts->apiServer)
        m_parts->apiServer->stop();
    if (m_parts->builds)
        m_parts->builds->stop();
    if (m_parts->webhookSender)
        m_parts->webhookSender->stop();
    m_parts->reporting.flush();
}

void Agent::replaceAccessLogWriter(std::function<void(const QByteArray &)> writer)
{
    m_parts->accessLogWriter = std::move(writer);
}

void Agent::checkCertificatesNow()
{
    if (m_parts->certificates)
        m_parts->certificates->wake();
}

void Agent::waitForVariants()
{
    m_parts->deploys->waitForVariants();
}

void Agent::sweepBucketNow()
{
    if (m_parts->sharedBlobParts)
        m_parts->sharedBlobParts->sweepNow();
}

void Agent::replaceBuildEngine(core::build::BuildService::Engine engine)
{
    m_parts->engineOverride = std::move(engine);
}

quint16 Agent::apiPort() const
{
    return m_parts->apiServer ? m_parts->apiServer->port() : 0;
}

quint16 Agent::sitePort() const
{
    return m_parts->siteServer ? m_parts->siteServer->port() : 0;
}

quint16 Agent::siteHttpsPort() const
{
    return m_parts->siteServer ? m_parts->siteServer->httpsPort() : 0;
}

Status Agent::reloadCertificates()
{
    return m_parts->siteServer ? m_parts->siteServer->reloadCertificates() : Status();
}

const AgentConfig &Agent::config() const
{
    return m_parts->config;
}

QList<api::Route> Agent::routes() const
{
    return m_parts->router ? m_parts->router->routes() : QList<api::Route>();
}

qint64 Agent::userCount()
{
    auto count = m_parts->users->count();
    return count ? *count : 0;
}

Status Agent::addUser(const QString &email, const QString &password, const QString &role)
{
    std::optional<core::model::Role> parsed;
    if (!role.isEmpty()) {
        parsed = core::model::roleFromName(role);
        if (!parsed)
            return Error::make(u"user.invalid_role"_qs, u"role must be user, admin or operator"_qs);
    }
    auto user = m_parts->auth->createUser(email, password, parsed);
    if (!user)
        return user.error();
    return {};
}

} // namespace ddd::agent
