// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/certificateparts.h"

#include "agent/agentconfig.h"
#include "core/acme/certificateimport.h"
#include "core/acme/certificatemanager.h"
#include "core/acme/certificatesync.h"
#include "core/acme/certificatetable.h"
#include "core/acme/challengemirror.h"
#include "core/acme/challengetable.h"
#include "core/ops/clusterheartbeat.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/issuerlock.h"

#include <QDir>
#include <QLoggingCategory>

namespace ddd::agent {

Q_LOGGING_CATEGORY(lcCertificates, "ddd.agent")

namespace {

// How long a site agent waits for an answer the issuer has not copied yet.
constexpr std::chrono::milliseconds answerWait{2000};

} // namespace

core::Result<std::unique_ptr<CertificateParts>> CertificateParts::open(const AgentConfig &config,
                                                                       core::storage::ConnectionProvider &database,
                                                                       const core::Clock &clock, Links links)
{
    std::unique_ptr<CertificateParts> parts(new CertificateParts(database, clock, std::move(links)));
    if (!config.databaseUrl.isEmpty())
        if (core::Status s = parts->openShared(config); !s)
            return s.error();
    if (config.acmeEnabled)
        parts->openManager(config);
    return parts;
}

CertificateParts::CertificateParts(core::storage::ConnectionProvider &database, const core::Clock &clock, Links links)
    : m_database(database), m_clock(clock), m_links(std::move(links))
{
}

CertificateParts::~CertificateParts()
{
    stop();
}

// The site listener starts with the pairs the database has now.
core::Status CertificateParts::openShared(const AgentConfig &config)
{
    core::Result<QString> agentId = core::ops::ClusterHeartbeat::identity(config.dataDir);
    if (!agentId)
        return agentId.error();
    m_agentId = *agentId;
    m_challenges = std::make_unique<core::acme::ChallengeTable>(m_database, m_clock);
    core::acme::CertificateTable shared(m_database, m_clock);
    core::Result<core::acme::CertificateImport::Count> adopted =
        core::acme::CertificateImport::adopt(config.acmeSettings(), shared);
    if (!adopted)
        return adopted.error();
    if (adopted->statuses > 0)
        qCInfo(lcCertificates) << "took" << adopted->statuses << "certificate statuses and" << adopted->pairs
                               << "pairs from this agent's files into the shared database";
    if (!config.roles().site)
        return {};
    m_syncTable = std::make_unique<core::acme::CertificateTable>(m_database, m_clock);
    core::acme::CertificateSync::Hooks hooks{m_links.reloadSite, m_links.threadExit};
    m_sync = std::make_unique<core::acme::CertificateSync>(*m_syncTable, QDir(config.dataDir).filePath(u"certificates"_qs),
                                                           std::move(hooks), core::acme::CertificateSync::Options());
    core::Result<bool> synced = m_sync->syncNow();
    if (!synced)
        qCWarning(lcCertificates).noquote() << "cannot read the shared certificates yet:" << synced.error().message;
    return {};
}

void CertificateParts::openManager(const AgentConfig &config)
{
    core::acme::CertificateManager::Hooks hooks;
    hooks.projects = m_links.projects;
    hooks.threadExit = m_links.threadExit;
    // One agent: the site listener's SNI store picks the new pair up at once
    // (and opens the HTTPS listener on the first one).
    hooks.certificatesChanged = m_links.reloadSite;
    std::unique_ptr<core::acme::CertificateStorage> storage;
    const core::acme::AcmeSettings settings = config.acmeSettings();
    if (m_challenges) {
        m_issuerLock = std::make_unique<core::storage::IssuerLock>(config.databaseUrl.toUtf8());
        hooks.mayIssue = [lock = m_issuerLock.get()] { return lock->hold(); };
        hooks.runLego = [this, settings](const core::acme::LegoCommand &command) {
            core::acme::ChallengeMirror mirror(*m_challenges, settings.webroot(), m_agentId);
            return core::acme::LegoRunner::run(command, settings.legoTimeoutMs);
        };
        hooks.certificatesChanged = [this] { syncFromDatabase(); };
        storage = std::make_unique<core::acme::CertificateTable>(m_database, m_clock);
    }
    m_manager = std::make_unique<core::acme::CertificateManager>(settings, m_clock, std::move(hooks), std::move(storage));
}

// The issuer's own site listener need not wait for its next round.
void CertificateParts::syncFromDatabase()
{
    if (!m_sync)
        return;
    core::Result<bool> changed = m_sync->syncNow();
    if (changed && *changed && m_links.reloadSite)
        m_links.reloadSite();
}

QString CertificateParts::webroot() const
{
    return m_manager ? m_manager->settings().webroot() : QString();
}

site::AcmeChallengeStage::SharedAnswer CertificateParts::sharedAnswers() const
{
    if (!m_challenges)
        return {};
    return [table = m_challenges.get()](const QString &token) { return table->awaitAnswer(token, answerWait); };
}

void CertificateParts::start()
{
    if (m_sync)
        m_sync->start();
    if (m_manager)
        m_manager->start();
}

void CertificateParts::stop()
{
    if (m_manager)
        m_manager->stop();
    if (m_sync)
        m_sync->stop();
}

void CertificateParts::wake()
{
    if (m_manager)
        m_manager->wake();
}

} // namespace ddd::agent
