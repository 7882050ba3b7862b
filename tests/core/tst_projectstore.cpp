// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/projectstore.h"
#include "core/storage/statement.h"
#include "tests/support/tempdataroot.h"
#include "tests/support/testdatabases.h"
#include "tests/support/userrows.h"

#include <QtTest>

#include <memory>

using ddd::core::model::Project;
using ddd::core::model::ProjectSettings;
using namespace ddd::core::storage;

class TestProjectStore final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ddd::test::TempDataRoot> m_root;
    std::unique_ptr<ConnectionProvider> m_provider;
    std::unique_ptr<ProjectStore> m_store;
    qint64 m_alice = 0;
    qint64 m_bob = 0;

    Project project(const QString &slug, std::optional<QString> domain = {}, qint64 createdAt = 1000,
                    qint64 owner = 0)
    {
        Project p;
        p.ownerId = owner ? owner : m_alice;
        p.name = u"Site "_qs + slug;
        p.domain = std::move(domain);
        p.slug = slug;
        p.createdAt = createdAt;
        p.updatedAt = createdAt;
        return p;
    }

    qint64 scalar(const QString &sql)
    {
        auto statement = m_provider->current().prepare(sql);
        if (!statement || !*statement->step())
            return -1;
        return statement->columnInt(0);
    }

    QStringList slugs(const QList<Project> &projects)
    {
        QStringList out;
        for (const Project &p : projects)
            out.append(p.slug);
        return out;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_root = std::make_unique<ddd::test::TempDataRoot>();
        m_provider = ddd::test::TestDatabases::provider(m_root->file(u"agent.db"_qs));
        QVERIFY(m_provider->initialise().ok());
        m_store = std::make_unique<ProjectStore>(*m_provider);
        m_alice = ddd::test::UserRows::insert(m_provider->current(), u"alice@example.com"_qs);
        m_bob = ddd::test::UserRows::insert(m_provider->current(), u"bob@example.com"_qs);
    }

    void cleanup()
    {
        m_store.reset();
        m_provider.reset();
        m_root.reset();
    }

    void insertThenFindRoundTrips()
    {
        Project p = project(u"aaaaaaaaaaaa"_qs, u"blog.example.com"_qs);
        p.settings.spaMode = true;
        p.settings.buildFlags = {u"--minify"_qs};
        p.settings.sitePassword = {true, {{u"ann"_qs, u"$argon2id$v=19$fake"_qs}}};
        const auto stored = m_store->insert(p);
        QVERIFY(stored.ok());
        QVERIFY(stored->id > 0);
        p.id = stored->id;
        QCOMPARE(*stored, p);
        const auto byId = m_store->findById(p.id);
        QVERIFY(byId.ok() && byId->has_value());
        QCOMPARE(**byId, p); // hashes survive storage
        const auto bySlug = m_store->findBySlug(p.slug);
        QVERIFY(bySlug.ok() && bySlug->has_value());
        QCOMPARE((*bySlug)->id, p.id);
    }

    void findMissingGivesNothing()
    {
        QVERIFY(!m_store->findById(42)->has_value());
        QVERIFY(!m_store->findBySlug(u"zzzzzzzzzzzz"_qs)->has_value());
        QVERIFY(!m_store->findByDomain(u"none.example"_qs)->has_value());
    }

    void domainsAreStoredAndFoundLowerCased()
    {
        const auto stored = m_store->insert(project(u"aaaaaaaaaaaa"_qs, u"Blog.Example.COM"_qs));
        QVERIFY(stored.ok());
        QCOMPARE(stored->domain, std::optional<QString>(u"blog.example.com"_qs));
        QCOMPARE(m_store->findById(stored->id)->value().domain, std::optional<QString>(u"blog.example.com"_qs));
        const auto found = m_store->findByDomain(u"BLOG.example.com"_qs);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->id, stored->id);
    }

    void domainClashIgnoresCase()
    {
        QVERIFY(m_store->insert(project(u"aaaaaaaaaaaa"_qs, u"blog.example.com"_qs)).ok());
        const auto clash = m_store->insert(project(u"bbbbbbbbbbbb"_qs, u"BLOG.example.com"_qs, 1000, m_bob));
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().code, u"project.domain_taken"_qs);
        QCOMPARE(scalar(u"SELECT count(*) FROM projects"_qs), 1);
    }

    void slugClashIsReported()
    {
        QVERIFY(m_store->insert(project(u"aaaaaaaaaaaa"_qs)).ok());
        const auto clash = m_store->insert(project(u"aaaaaaaaaaaa"_qs));
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().code, u"project.slug_taken"_qs);
        QCOMPARE(scalar(u"SELECT count(*) FROM projects"_qs), 1);
    }

    void manyProjectsMayLackADomain()
    {
        QVERIFY(m_store->insert(project(u"aaaaaaaaaaaa"_qs)).ok());
        QVERIFY(m_store->insert(project(u"bbbbbbbbbbbb"_qs)).ok());
        QCOMPARE(scalar(u"SELECT count(*) FROM projects WHERE domain IS NULL"_qs), 2);
    }

    void unknownOwnerIsRefused()
    {
        const auto stored = m_store->insert(project(u"aaaaaaaaaaaa"_qs, {}, 1000, 999));
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error().code, u"storage.constraint"_qs);
    }

    void listsNewestFirst()
    {
        QVERIFY(m_store->insert(project(u"old000000000"_qs, {}, 1000)).ok());
        QVERIFY(m_store->insert(project(u"new000000000"_qs, {}, 3000)).ok());
        QVERIFY(m_store->insert(project(u"bobs00000000"_qs, {}, 2000, m_bob)).ok());
        // Same creation time: the later insert counts as newer.
        QVERIFY(m_store->insert(project(u"new000000001"_qs, {}, 3000)).ok());
        QCOMPARE(slugs(*m_store->listByOwner(m_alice)),
                 (QStringList{u"new000000001"_qs, u"new000000000"_qs, u"old000000000"_qs}));
        QCOMPARE(slugs(*m_store->listByOwner(m_bob)), QStringList{u"bobs00000000"_qs});
        QCOMPARE(slugs(*m_store->listAll()),
                 (QStringList{u"new000000001"_qs, u"new000000000"_qs, u"bobs00000000"_qs, u"old000000000"_qs}));
    }

    void updateWritesMutableFields()
    {
        Project p = *m_store->insert(project(u"aaaaaaaaaaaa"_qs, u"a.example"_qs));
        p.name = u"Renamed"_qs;
        p.domain = u"B.example"_qs;
        p.settings.optOutMinify = true;
        p.updatedAt = 5000;
        QVERIFY(m_store->update(p, 1000).ok());
        const Project stored = m_store->findById(p.id)->value();
        QCOMPARE(stored.name, u"Renamed"_qs);
        QCOMPARE(stored.domain, std::optional<QString>(u"b.example"_qs));
        QVERIFY(stored.settings.optOutMinify);
        QCOMPARE(stored.updatedAt, 5000);
        QCOMPARE(stored.createdAt, 1000);
    }

    void updateToATakenDomainChangesNothing()
    {
        QVERIFY(m_store->insert(project(u"aaaaaaaaaaaa"_qs, u"a.example"_qs)).ok());
        const Project before = *m_store->insert(project(u"bbbbbbbbbbbb"_qs, u"b.example"_qs));
        Project changed = before;
        changed.name = u"Other"_qs;
        changed.domain = u"A.EXAMPLE"_qs;
        changed.updatedAt = 2000;
        const auto status = m_store->update(changed, before.updatedAt);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"project.domain_taken"_qs);
        QCOMPARE(m_store->findById(before.id)->value(), before);
    }

    void updateOfMissingProjectIsNotFound()
    {
        Project ghost = project(u"aaaaaaaaaaaa"_qs);
        ghost.id = 77;
        const auto status = m_store->update(ghost, ghost.updatedAt);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"project.not_found"_qs);
    }

    // Two agents read the row; the first writes. The second's write, made
    // from what it read before, is refused rather than undoing the first.
    void updateOfARowWrittenSinceItWasReadIsRefused()
    {
        const Project read = *m_store->insert(project(u"aaaaaaaaaaaa"_qs, u"a.example"_qs));
        Project first = read;
        first.settings.optOutMinify = true;
        first.updatedAt = 2000;
        QVERIFY(m_store->update(first, read.updatedAt).ok());
        Project second = read;
        second.name = u"Renamed"_qs;
        second.updatedAt = 2001;
        const auto status = m_store->update(second, read.updatedAt);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"project.changed"_qs);
        QCOMPARE(m_store->findById(read.id)->value(), first);
        second.settings.optOutMinify = true;
        QVERIFY(m_store->update(second, first.updatedAt).ok());
        QCOMPARE(m_store->findById(read.id)->value(), second);
    }

    void removeDeletesRowAndDependents()
    {
        const Project p = *m_store->insert(project(u"aaaaaaaaaaaa"_qs));
        auto token = m_provider->current().prepare(
            u"INSERT INTO api_tokens (user_id, name, secret_hash, capabilities, project_id, created_at) "
            "VALUES (?1, 'ci', ?2, 'deploy', ?3, 0)"_qs);
        QVERIFY(token->bind(1, m_alice).bind(2, QByteArray("\x01")).bind(3, p.id).run().ok());
        QVERIFY(m_store->remove(p.id).ok());
        QVERIFY(!m_store->findById(p.id)->has_value());
        QCOMPARE(scalar(u"SELECT count(*) FROM api_tokens"_qs), 0);
        const auto again = m_store->remove(p.id);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, u"project.not_found"_qs);
    }

    void rowsWithEmptySettingsReadAsDefaults()
    {
        QVERIFY(m_provider->current()
                    .exec(QStringLiteral("INSERT INTO projects (owner_id, name, slug, created_at, updated_at) "
                                         "VALUES (%1, 'Legacy', 'legacy000000', 1, 1)")
                              .arg(m_alice))
                    .ok());
        const auto found = m_store->findBySlug(u"legacy000000"_qs);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->settings, ProjectSettings());
    }

    void damagedSettingsAreReported_data()
    {
        QTest::addColumn<QString>("settings");
        QTest::newRow("not json") << u"{oops"_qs;
        QTest::newRow("array") << u"[]"_qs;
        QTest::newRow("wrong type") << uR"({"spaMode": "yes"})"_qs;
        QTest::newRow("flag not string") << uR"({"buildFlags": [1]})"_qs;
        QTest::newRow("user without hash") << uR"({"sitePassword": {"enabled": true, "users": [{"username": "a"}]}})"_qs;
    }

    void damagedSettingsAreReported()
    {
        QFETCH(QString, settings);
        auto insert = m_provider->current().prepare(
            u"INSERT INTO projects (owner_id, name, slug, settings, created_at, updated_at) VALUES (?1, 'x', 'x', ?2, 1, 1)"_qs);
        QVERIFY(insert->bind(1, m_alice).bind(2, settings).run().ok());
        const auto found = m_store->findBySlug(u"x"_qs);
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, u"storage.corrupt"_qs);
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
