// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/deployfixture.h"

#include "core/blobs/sha256.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "tests/support/testdatabases.h"
#include "tests/support/userrows.h"
#include "tests/support/zipbuilder.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace ddd::test {

using core::model::Identity;
using core::model::Role;

DeployFixture::DeployFixture(core::deploy::DeployOptions options)
    : m_store(m_root.file(u"data"_qs)), m_options(std::move(options))
{
    if (!m_store.initialise().ok())
        qFatal("cannot initialise the blob store");
    start();
    const auto user = [this](const QString &email, Role role) {
        return Identity{UserRows::insert(db(), email, role), email, role, false, {}, {}};
    };
    alice = user(u"alice@example.com"_qs, Role::User);
    bob = user(u"bob@example.com"_qs, Role::User);
    olga = user(u"olga@example.com"_qs, Role::Operator);
    auto project = m_projects->create(alice, u"Blog"_qs, u"www.example.com"_qs);
    if (!project)
        qFatal("cannot create the project: %s", qPrintable(project.error().code));
    projectId = project->id;
}

DeployFixture::~DeployFixture() = default;

void DeployFixture::start()
{
    m_provider = TestDatabases::provider(m_root.file(u"data/agent.db"_qs));
    if (const core::Status opened = m_provider->initialise(); !opened)
        qFatal("cannot open the database: %s", qPrintable(opened.error().message));
    m_projectStore = std::make_unique<core::storage::ProjectStore>(*m_provider);
    auto hasher = [](const QString &) -> core::Result<QString> { return u"$fake$"_qs; };
    m_projects = std::make_unique<core::deploy::ProjectService>(*m_projectStore, m_clock, m_random, hasher,
                                                                QStringList());
    m_liveSites = std::make_unique<core::deploy::LiveSites>(u"localhost"_qs);
    m_service = std::make_unique<core::deploy::DeploymentService>(*m_provider, *m_projects, m_store, *m_liveSites,
                                                                  m_clock, m_options);
    m_projects->addRemovalHook([this](qint64 id) { m_service->removeProjectFiles(id); });
}

void DeployFixture::restart()
{
    m_service.reset();
    m_liveSites.reset();
    m_projects.reset();
    m_projectStore.reset();
    m_provider.reset();
    start();
}

Identity DeployFixture::token(const Identity &user, QSet<QString> capabilities, std::optional<qint64> scope)
{
    Identity token = user;
    token.viaApiToken = true;
    token.capabilities = std::move(capabilities);
    token.projectScope = scope;
    return token;
}

qint64 DeployFixture::createProject(const Identity &owner, const QString &name)
{
    auto project = m_projects->create(owner, name, std::nullopt);
    if (!project)
        qFatal("cannot create a project: %s", qPrintable(project.error().code));
    return project->id;
}

QByteArray DeployFixture::zip(const Files &files)
{
    ZipBuilder builder;
    for (const auto &[path, content] : files)
        builder.file(path, content);
    return builder.build();
}

core::Result<core::model::Version> DeployFixture::deployArchive(const Identity &caller, qint64 project,
                                                                const QByteArray &archive, bool activate)
{
    // As the agent does it: open, the body in chunks, finish, complete.
    auto upload = m_service->openArchive(caller, project, activate, archive.size());
    if (!upload)
        return upload.error();
    for (qsizetype offset = 0; offset < archive.size(); offset += 4096)
        if (core::Status written = (*upload)->write(QByteArrayView(archive).sliced(offset, std::min<qsizetype>(4096, archive.size() - offset))); !written)
            return written.error();
    if (core::Status finished = (*upload)->finish(); !finished)
        return finished.error();
    auto version = (*upload)->complete();
    // Variants are made in the background; tests look at the finished site.
    m_service->waitForVariants();
    return version;
}

core::Result<core::model::Version> DeployFixture::deploy(const Files &files, bool activate)
{
    return deployArchive(alice, projectId, zip(files), activate);
}

core::model::Version DeployFixture::deployed(const Files &files, bool activate)
{
    auto version = deploy(files, activate);
    if (!version) {
        QTest::qFail(qPrintable(u"deploy refused: "_qs + version.error().code), __FILE__, __LINE__);
        return {};
    }
    return *version;
}

std::optional<QByteArray> DeployFixture::served(qint64 project, const QString &path) const
{
    const auto site = m_liveSites->current()->byProject.value(project);
    const std::optional<core::deploy::SiteFile> file = site ? site->index->find(QStringView(path)) : std::nullopt;
    if (!file)
        return std::nullopt;
    QFile blob(m_store.pathFor(file->sha256));
    if (!blob.open(QIODevice::ReadOnly))
        return std::nullopt;
    return blob.readAll();
}

std::optional<qint64> DeployFixture::servedVersion(qint64 project) const
{
    const auto site = m_liveSites->current()->byProject.value(project);
    return site ? std::optional<qint64>(site->versionId) : std::nullopt;
}

QStringList DeployFixture::stagingEntries() const
{
    return QDir(m_store.stagingRoot()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QStringList DeployFixture::partialEntries() const
{
    return QDir(m_store.stagingRoot() + u"/partial"_qs)
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

qint64 DeployFixture::count(const QString &sql)
{
    auto statement = db().prepare(sql);
    if (!statement)
        qFatal("bad test query: %s", qPrintable(statement.error().message));
    auto row = statement->step();
    return row && *row ? statement->columnInt(0) : -1;
}

QByteArray DeployFixture::sha256(const QByteArray &content)
{
    return core::blobs::Sha256::hexOf(content);
}

} // namespace ddd::test
