// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/acmechallengestage.h"
#include "core/model/project.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace ddd::core {
class Clock;
}

namespace ddd::core::acme {
class CertificateManager;
class CertificateSync;
class CertificateTable;
class ChallengeTable;
} // namespace ddd::core::acme

namespace ddd::core::storage {
class ConnectionProvider;
class IssuerLock;
} // namespace ddd::core::storage

namespace ddd::agent {

struct AgentConfig;

// Automatic certificates. One agent: with acme.enabled it orders them into
// its data root, and its site listener answers the challenges from lego's
// webroot. Agents sharing a database: every one with acme.enabled may
// order, and the one holding the issuer lock does, into the database; each
// site agent answers challenges from the database and copies the pairs to
// its own certificates/ folder (CertificateSync), so any of them serves
// HTTPS for every domain.
class CertificateParts final
{
public:
    struct Links
    {
        std::function<core::Result<QList<core::model::Project>>()> projects; // every project
        std::function<void()> reloadSite;                                     // certificates/ changed
        std::function<void()> threadExit; // close the calling thread's database connection
    };

    static core::Result<std::unique_ptr<CertificateParts>> open(const AgentConfig &config,
                                                                core::storage::ConnectionProvider &database,
                                                                const core::Clock &clock, Links links);
    ~CertificateParts();
    CertificateParts(const CertificateParts &) = delete;
    CertificateParts &operator=(const CertificateParts &) = delete;

    // Null unless acme.enabled.
    core::acme::CertificateManager *manager() const { return m_manager.get(); }
    // Where lego writes answers; empty unless acme.enabled.
    QString webroot() const;
    // Answers other agents recorded; unset without a shared database.
    site::AcmeChallengeStage::SharedAnswer sharedAnswers() const;

    void start();
    void stop();
    // A project's names may have changed: the manager runs a pass soon.
    void wake();

private:
    CertificateParts(core::storage::ConnectionProvider &database, const core::Clock &clock, Links links);
    core::Status openShared(const AgentConfig &config);
    void openManager(const AgentConfig &config);
    void syncFromDatabase();

    core::storage::ConnectionProvider &m_database;
    const core::Clock &m_clock;
    Links m_links;
    QString m_agentId;
    std::unique_ptr<core::acme::ChallengeTable> m_challenges;   // with database.url
    std::unique_ptr<core::storage::IssuerLock> m_issuerLock;    // with database.url and acme.enabled
    std::unique_ptr<core::acme::CertificateTable> m_syncTable;  // with database.url and the site role
    std::unique_ptr<core::acme::CertificateSync> m_sync;
    std::unique_ptr<core::acme::CertificateManager> m_manager; // with acme.enabled
};

} // namespace ddd::agent
