// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobstore.h"
#include "core/deploy/deploymentservice.h"
#include "core/deploy/livesites.h"
#include "core/deploy/projectservice.h"
#include "core/model/identity.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/projectstore.h"
#include "tests/support/fakeclock.h"
#include "tests/support/fakerandom.h"
#include "tests/support/tempdataroot.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ddd::test {

// A DeploymentService over a real SQLite file and a real blob store in a
// temporary data root, with a fake clock, three accounts (alice and bob are
// users, olga an operator) and one project of alice's. restart() drops every
// object but the data root, as a crashed and restarted agent would.
class DeployFixture final
{
public:
    using Files = QList<QPair<QByteArray, QByteArray>>; // path, content

    explicit DeployFixture(core::deploy::DeployOptions options = {});
    ~DeployFixture();

    core::deploy::DeploymentService &service() { return *m_service; }
    core::deploy::LiveSites &liveSites() { return *m_liveSites; }
    core::blobs::BlobStore &store() { return m_store; }
    core::storage::ConnectionProvider &provider() { return *m_provider; }
    core::storage::Database &db() { return m_provider->current(); }
    core::deploy::ProjectService &projects() { return *m_projects; }
    FakeClock &clock() { return m_clock; }
    QString dataRoot() const { return m_root.path(); }

    // Builds everything anew over the same data root (no reconcile()).
    void restart();

    core::model::Identity alice;
    core::model::Identity bob;
    core::model::Identity olga;
    qint64 projectId = 0; // alice's, domain www.example.com

    static core::model::Identity token(const core::model::Identity &user, QSet<QString> capabilities,
                                       std::optional<qint64> scope = {});
    qint64 createProject(const core::model::Identity &owner, const QString &name);

    static QByteArray zip(const Files &files);
    // Spools `archive` as the agent would and deploys it.
    core::Result<core::model::Version> deployArchive(const core::model::Identity &caller, qint64 project,
                                                     const QByteArray &archive, bool activate);
    core::Result<core::model::Version> deploy(const Files &files, bool activate = true);
    // Like deploy(), failing the running test on refusal.
    core::model::Version deployed(const Files &files, bool activate = true);

    // The bytes the live site serves for `path`, or nullopt.
    std::optional<QByteArray> served(qint64 project, const QString &path) const;
    std::optional<qint64> servedVersion(qint64 project) const;
    // Entries in staging/ and in staging/partial/.
    QStringList stagingEntries() const;
    QStringList partialEntries() const;
    qint64 count(const QString &sql);
    static QByteArray sha256(const QByteArray &content);

private:
    void start();

    TempDataRoot m_root;
    core::blobs::BlobStore m_store;
    FakeClock m_clock;
    FakeRandom m_random;
    core::deploy::DeployOptions m_options;
    std::unique_ptr<core::storage::ConnectionProvider> m_provider;
    std::unique_ptr<core::storage::ProjectStore> m_projectStore;
    std::unique_ptr<core::deploy::ProjectService> m_projects;
    std::unique_ptr<core::deploy::LiveSites> m_liveSites;
    std::unique_ptr<core::deploy::DeploymentService> m_service;
};

} // namespace ddd::test
