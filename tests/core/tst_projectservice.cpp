// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/projectservice.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/projectstore.h"
#include "core/storage/statement.h"
#include "core/util/stagingslug.h"
#include "tests/support/fakeclock.h"
#include "tests/support/fakerandom.h"
#include "tests/support/testdatabases.h"
#include "tests/support/tempdataroot.h"
#include "tests/support/userrows.h"

#include <QtTest>

#include <memory>

using ddd::core::Result;
using ddd::core::deploy::ProjectService;
using ddd::core::model::Identity;
using ddd::core::model::Project;
using ddd::core::model::Role;
using namespace ddd::core::storage;

namespace {

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestProjectService final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ddd::test::TempDataRoot> m_root;
    std::unique_ptr<ConnectionProvider> m_provider;
    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<ProjectService> m_service;
    ddd::test::FakeClock m_clock;
    ddd::test::FakeRandom m_random;
    QList<qint64> m_removed;
    QList<bool> m_rowGoneWhenHookRan;
    Identity m_alice;
    Identity m_bob;
    Identity m_olga;

    Identity identity(const QString &email, Role role)
    {
        return Identity{ddd::test::UserRows::insert(m_provider->current(), email, role), email, role, false, {}, {}};
    }

    Identity token(const Identity &user, QSet<QString> capabilities, std::optional<qint64> scope = {})
    {
        Identity t = user;
        t.viaApiToken = true;
        t.capabilities = std::move(capabilities);
        t.projectScope = scope;
        return t;
    }

    Project create(const Identity &caller, const QString &name, std::optional<QString> domain = {})
    {
        auto project = m_service->create(caller, name, domain);
        if (!project)
            qFatal("create failed: %s", qPrintable(project.error().code));
        return *project;
    }

    qint64 projectCount()
    {
        auto statement = m_provider->current().prepare(u"SELECT count(*) FROM projects"_qs);
        return *statement->step() ? statement->columnInt(0) : -1;
    }

    Project stored(qint64 id) { return m_store->findById(id)->value(); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_root = std::make_unique<ddd::test::TempDataRoot>();
        m_provider = ddd::test::TestDatabases::provider(m_root->file(u"agent.db"_qs));
        QVERIFY(m_provider->initialise().ok());
        m_store = std::make_unique<ProjectStore>(*m_provider);
        m_clock.setMs(1'800'000'000'000);
        m_random.script({});
        m_removed.clear();
        m_rowGoneWhenHookRan.clear();
        auto hasher = [](const QString &password) -> Result<QString> { return u"$fake$"_qs + QString::number(password.size()); };
        m_service = std::make_unique<ProjectService>(*m_store, m_clock, m_random, hasher, QStringList{u"--minify"_qs});
        m_service->addRemovalHook([this](qint64 id) {
            m_removed.append(id);
            m_rowGoneWhenHookRan.append(!m_store->findById(id)->has_value());
        });
        m_alice = identity(u"alice@example.com"_qs, Role::User);
        m_bob = identity(u"bob@example.com"_qs, Role::User);
        m_olga = identity(u"olga@example.com"_qs, Role::Operator);
    }

    void cleanup()
    {
        m_service.reset();
        m_store.reset();
        m_provider.reset();
        m_root.reset();
    }

    void createStoresANormalisedProject()
    {
        const auto project = m_service->create(m_alice, u"  My blog  "_qs, u"WWW.Example.com."_qs,
                                               object(R"({"spaMode": true})"));
        QVERIFY(project.ok());
        QCOMPARE(project->name, u"My blog"_qs);
        QCOMPARE(project->domain, std::optional<QString>(u"www.example.com"_qs));
        QCOMPARE(project->ownerId, m_alice.userId);
        QVERIFY(ddd::core::StagingSlug::isValid(project->slug));
        QVERIFY(project->settings.spaMode);
        QCOMPARE(project->createdAt, m_clock.nowMs());
        QCOMPARE(project->updatedAt, m_clock.nowMs());
        QCOMPARE(stored(project->id), *project);
    }

    void nameBounds_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason"); // empty: accepted
        const QString emoji = u"\U0001F600"_qs;
        QTest::newRow("0 characters") << QString() << u"empty"_qs;
        QTest::newRow("only spaces") << u"   "_qs << u"empty"_qs;
        QTest::newRow("1 character") << u"x"_qs << QString();
        QTest::newRow("100 characters") << QString(100, u'n') << QString();
        QTest::newRow("101 characters") << QString(101, u'n') << u"too_long"_qs;
        QTest::newRow("100 characters padded") << u"  "_qs + QString(100, u'n') + u"  "_qs << QString();
        QTest::newRow("100 emoji, 200 UTF-16 units") << emoji.repeated(100) << QString();
        QTest::newRow("101 emoji") << emoji.repeated(101) << u"too_long"_qs;
        QTest::newRow("control character") << u"a\u0007b"_qs << u"control_character"_qs;
        QTest::newRow("line separator") << u"a\u2028b"_qs << u"control_character"_qs;
        QTest::newRow("unpaired surrogate") << QString(QChar(0xD800)) + u'a' << u"control_character"_qs;
    }

    void nameBounds()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        const auto project = m_service->create(m_alice, name, std::nullopt);
        if (reason.isEmpty()) {
            QVERIFY(project.ok());
            QCOMPARE(project->name, name.trimmed());
            QCOMPARE(projectCount(), 1);
            return;
        }
        QVERIFY(!project.ok());
        QCOMPARE(project.error().code, u"project.invalid_name"_qs);
        QCOMPARE(project.error().details.value(u"reason"_qs).toString(), reason);
        QCOMPARE(projectCount(), 0);
    }

    void createRefusals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown field") << QByteArray(R"({"name": "a", "owner": 2})") << u"request.unknown_field"_qs;
        QTest::newRow("name missing") << QByteArray(R"({"domain": "a.example"})") << u"project.invalid_name"_qs;
        QTest::newRow("name number") << QByteArray(R"({"name": 5})") << u"project.invalid_name"_qs;
        QTest::newRow("domain number") << QByteArray(R"({"name": "a", "domain": 5})") << u"project.invalid_domain"_qs;
        QTest::newRow("domain empty") << QByteArray(R"({"name": "a", "domain": ""})") << u"project.invalid_domain"_qs;
        QTest::newRow("domain single label") << QByteArray(R"({"name": "a", "domain": "localhost"})") << u"project.invalid_domain"_qs;
        QTest::newRow("domain ip") << QByteArray(R"({"name": "a", "domain": "10.0.0.1"})") << u"project.invalid_domain"_qs;
        QTest::newRow("settings array") << QByteArray(R"({"name": "a", "settings": []})") << u"project.invalid_settings"_qs;
        QTest::newRow("settings unknown") << QByteArray(R"({"name": "a", "settings": {"x": 1}})") << u"project.invalid_settings"_qs;
        QTest::newRow("flag not allowed") << QByteArray(R"({"name": "a", "settings": {"buildFlags": ["--drafts"]}})") << u"project.invalid_build_flags"_qs;
    }

    void createRefusals()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const auto project = m_service->createFromJson(m_alice, object(body));
        QVERIFY(!project.ok());
        QCOMPARE(project.error().code, code);
        QCOMPARE(projectCount(), 0);
    }

    void createFromJsonAcceptsTheFullBody()
    {
        const auto project = m_service->createFromJson(
            m_alice, object(R"({"name": "Docs", "domain": null, "settings": {"buildFlags": ["--minify"],)"
                R"("sitePassword": {"enabled": true, "users": [{"username": "ann", "password": "open sesame"}]}}})"));
        QVERIFY(project.ok());
        QCOMPARE(project->domain, std::nullopt);
        QCOMPARE(project->settings.buildFlags, QStringList{u"--minify"_qs});
        // The password was hashed by the injected hasher before storage.
        QCOMPARE(stored(project->id).settings.sitePassword.users.at(0).passwordHash, u"$fake$11"_qs);
    }

    void domainClashIsAConflict()
    {
        create(m_alice, u"A"_qs, u"site.example"_qs);
        const auto clash = m_service->create(m_bob, u"B"_qs, u"SITE.example"_qs);
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().code, u"project.domain_taken"_qs);
        QCOMPARE(projectCount(), 1);
    }

    void slugClashIsRetried()
    {
        m_random.script({0, 0, 1});
        QCOMPARE(create(m_alice, u"A"_qs).slug, u"aaaaaaaaaaaa"_qs);
        QCOMPARE(create(m_alice, u"B"_qs).slug, u"bbbbbbbbbbbb"_qs);
        QCOMPARE(m_random.calls(), 3);
    }

    void endlessSlugClashGivesUp()
    {
        m_random.script({0});
        create(m_alice, u"A"_qs);
        const auto second = m_service->create(m_alice, u"B"_qs, std::nullopt);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, u"internal"_qs);
        QCOMPARE(projectCount(), 1);
    }

    void ownersSeeOnlyTheirOwnNewestFirst()
    {
        const Project first = create(m_alice, u"First"_qs);
        m_clock.advanceMs(1000);
        const Project bobs = create(m_bob, u"Bob's"_qs);
        m_clock.advanceMs(1000);
        const Project second = create(m_alice, u"Second"_qs);
        QCOMPARE(*m_service->list(m_alice), (QList<Project>{second, first}));
        QCOMPARE(*m_service->list(m_bob), QList<Project>{bobs});
        QCOMPARE(*m_service->list(m_olga), (QList<Project>{second, bobs, first}));
    }

    void strangersGetNotFoundLikeAMissingId()
    {
        const Project project = create(m_alice, u"Private"_qs);
        const auto missing = m_service->get(m_bob, project.id + 100);
        const auto foreign = m_service->get(m_bob, project.id);
        QVERIFY(!missing.ok() && !foreign.ok());
        QCOMPARE(foreign.error().code, u"project.not_found"_qs);
        QCOMPARE(foreign.error().message, missing.error().message);
        QCOMPARE(foreign.error().details, missing.error().details);

        const auto update = m_service->update(m_bob, project.id, object(R"({"name": "Mine now"})"));
        QCOMPARE(update.error().code, u"project.not_found"_qs);
        const auto remove = m_service->remove(m_bob, project.id);
        QCOMPARE(remove.error().code, u"project.not_found"_qs);
        QCOMPARE(stored(project.id), project);
        QVERIFY(m_removed.isEmpty());
    }

    void adminsAreNotOperators()
    {
        const Identity admin = identity(u"adam@example.com"_qs, Role::Admin);
        const Project project = create(m_alice, u"Private"_qs);
        QCOMPARE(m_service->get(admin, project.id).error().code, u"project.not_found"_qs);
        QVERIFY(m_service->list(admin)->isEmpty());
    }

    void operatorsManageEveryProject()
    {
        const Project project = create(m_alice, u"Hers"_qs);
        QCOMPARE(*m_service->get(m_olga, project.id), project);
        const auto renamed = m_service->update(m_olga, project.id, object(R"({"name": "Renamed"})"));
        QVERIFY(renamed.ok());
        QCOMPARE(renamed->ownerId, m_alice.userId);
        QVERIFY(m_service->remove(m_olga, project.id).ok());
        QCOMPARE(projectCount(), 0);
    }

    void tokenCapabilities_data()
    {
        QTest::addColumn<QStringList>("capabilities");
        QTest::addColumn<bool>("mayRead");
        QTest::addColumn<bool>("mayChange");
        QTest::newRow("read") << QStringList{u"read"_qs} << true << false;
        QTest::newRow("projects") << QStringList{u"projects"_qs} << false << true;
        QTest::newRow("deploy only") << QStringList{u"deploy"_qs, u"activate"_qs} << false << false;
        QTest::newRow("read and projects") << QStringList{u"read"_qs, u"projects"_qs} << true << true;
    }

    void tokenCapabilities()
    {
        QFETCH(QStringList, capabilities);
        QFETCH(bool, mayRead);
        QFETCH(bool, mayChange);
        const Project project = create(m_alice, u"Site"_qs);
        const Identity t = token(m_alice, QSet<QString>(capabilities.begin(), capabilities.end()));
        auto expect = [](bool allowed, const auto &result) {
            return allowed ? result.ok() : (!result.ok() && result.error().code == u"auth.forbidden");
        };
        QVERIFY(expect(mayRead, m_service->list(t)));
        QVERIFY(expect(mayRead, m_service->get(t, project.id)));
        QVERIFY(expect(mayChange, m_service->update(t, project.id, object(R"({"name": "New"})"))));
        QVERIFY(expect(mayChange, m_service->create(t, u"Another"_qs, std::nullopt)));
        QCOMPARE(projectCount(), mayChange ? 2 : 1);
        QVERIFY(expect(mayChange, m_service->remove(t, project.id)));
        QCOMPARE(projectCount(), 1);
    }

    void scopedTokenSeesOnlyItsProject()
    {
        const Project scoped = create(m_alice, u"Scoped"_qs);
        const Project other = create(m_alice, u"Other"_qs);
        const Identity t = token(m_alice, {u"read"_qs, u"projects"_qs}, scoped.id);
        QCOMPARE(*m_service->list(t), QList<Project>{scoped});
        QVERIFY(m_service->get(t, scoped.id).ok());
        QCOMPARE(m_service->get(t, other.id).error().code, u"project.not_found"_qs);
        QCOMPARE(m_service->update(t, other.id, object(R"({"name": "x"})")).error().code, u"project.not_found"_qs);
        QCOMPARE(m_service->remove(t, other.id).error().code, u"project.not_found"_qs);
        QCOMPARE(m_service->create(t, u"Third"_qs, std::nullopt).error().code, u"auth.forbidden"_qs);
        QVERIFY(m_service->update(t, scoped.id, object(R"({"name": "Renamed"})")).ok());
        QCOMPARE(stored(other.id), other);
        QCOMPARE(projectCount(), 2);
    }

    void tokenOfAnotherUserScopedToAForeignProjectSeesNothing()
    {
        const Project hers = create(m_alice, u"Hers"_qs);
        const Identity t = token(m_bob, {u"read"_qs}, hers.id);
        QCOMPARE(m_service->get(t, hers.id).error().code, u"project.not_found"_qs);
        QVERIFY(m_service->list(t)->isEmpty());
    }

    void patchUpdatesGivenFields()
    {
        const Project project = m_service->create(m_alice, u"Site"_qs, u"a.example"_qs,
                                                  object(R"({"spaMode": true})")).value();
        m_clock.advanceMs(5000);
        const auto patched = m_service->update(m_alice, project.id,
                                               object(R"({"name": " New name ", "settings": {"optOutMinify": true}})"));
        QVERIFY(patched.ok());
        QCOMPARE(patched->name, u"New name"_qs);
        QCOMPARE(patched->domain, project.domain);
        QVERIFY(patched->settings.spaMode); // kept
        QVERIFY(patched->settings.optOutMinify);
        QCOMPARE(patched->createdAt, project.createdAt);
        QCOMPARE(patched->updatedAt, project.createdAt + 5000);
        QCOMPARE(stored(project.id), *patched);
    }

    // Another agent (its own service, its own lock) renames the project
    // while this one hashes a new site password: both changes are kept, the
    // second write merged again onto the row as the first left it.
    void aWriteByAnotherAgentMeanwhileIsKept()
    {
        const Project project = create(m_alice, u"Site"_qs);
        int hashes = 0;
        auto hashWhileTheOtherAgentWrites = [&](const QString &) -> Result<QString> {
            if (hashes++ == 0)
                m_service->update(m_alice, project.id, object(R"({"name": "Renamed elsewhere"})"));
            m_clock.advanceMs(1);
            return u"$fake$"_qs;
        };
        ProjectStore otherStore(*m_provider);
        ProjectService here(otherStore, m_clock, m_random, hashWhileTheOtherAgentWrites, {});
        const auto patched = here.update(
            m_alice, project.id,
            object(R"({"settings": {"sitePassword": {"enabled": true, "users": [{"username": "ann", "password": "open sesame"}]}}})"));
        QVERIFY2(patched.ok(), qPrintable(patched ? QString() : patched.error().code));
        QCOMPARE(hashes, 2); // read, merged and hashed again after the refused write
        QCOMPARE(stored(project.id).name, u"Renamed elsewhere"_qs);
        QVERIFY(stored(project.id).settings.sitePassword.enabled);
        QCOMPARE(stored(project.id), *patched);
    }

    void npmScriptsFollowTheOperatorsList()
    {
        const Project project = create(m_alice, u"Site"_qs, u"a.example"_qs);
        const auto docs = object(R"({"settings": {"build": {"generator": "npm", "npmScript": "docs"}}})");
        const auto refused = m_service->update(m_alice, project.id, docs);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"project.invalid_settings"_qs);
        QCOMPARE(refused.error().details.value(u"reason"_qs).toString(), u"script_not_allowed"_qs);
        m_service->allowNpmScripts({u"docs"_qs});
        const auto patched = m_service->update(m_alice, project.id, docs);
        QVERIFY(patched.ok());
        QCOMPARE(stored(project.id).settings.build.npmScript, u"docs"_qs);
        QCOMPARE(stored(project.id).settings.build.generator, u"npm"_qs);
    }

    void patchDomainNullClearsIt()
    {
        const Project project = create(m_alice, u"Site"_qs, u"a.example"_qs);
        const auto patched = m_service->update(m_alice, project.id, object(R"({"domain": null})"));
        QVERIFY(patched.ok());
        QCOMPARE(stored(project.id).domain, std::nullopt);
        // The domain is free again.
        QVERIFY(m_service->create(m_bob, u"B"_qs, u"a.example"_qs).ok());
    }

    void patchRefusals_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown field") << QByteArray(R"({"slug": "mine"})") << u"request.unknown_field"_qs;
        QTest::newRow("owner is not patchable") << QByteArray(R"({"ownerId": 2})") << u"request.unknown_field"_qs;
        QTest::newRow("empty name") << QByteArray(R"({"name": " "})") << u"project.invalid_name"_qs;
        QTest::newRow("null name") << QByteArray(R"({"name": null})") << u"project.invalid_name"_qs;
        QTest::newRow("bad domain") << QByteArray(R"({"domain": "-x.example"})") << u"project.invalid_domain"_qs;
        QTest::newRow("taken domain") << QByteArray(R"({"domain": "TAKEN.example"})") << u"project.domain_taken"_qs;
        QTest::newRow("settings string") << QByteArray(R"({"settings": "x"})") << u"project.invalid_settings"_qs;
        QTest::newRow("bad setting after good name") << QByteArray(R"({"name": "ok", "settings": {"spaMode": 1}})") << u"project.invalid_settings"_qs;
        QTest::newRow("flag not allowed") << QByteArray(R"({"settings": {"buildFlags": ["--token=x"]}})") << u"project.invalid_build_flags"_qs;
    }

    void patchRefusals()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, code);
        create(m_bob, u"Taken"_qs, u"taken.example"_qs);
        const Project project = create(m_alice, u"Site"_qs, u"a.example"_qs);
        m_clock.advanceMs(1000);
        const auto patched = m_service->update(m_alice, project.id, object(patch));
        QVERIFY(!patched.ok());
        QCOMPARE(patched.error().code, code);
        QCOMPARE(stored(project.id), project);
    }

    void removeDeletesRowsThenRunsHooks()
    {
        const Project project = create(m_alice, u"Doomed"_qs);
        const Project kept = create(m_alice, u"Kept"_qs);
        auto token = m_provider->current().prepare(
            u"INSERT INTO api_tokens (user_id, name, secret_hash, capabilities, project_id, created_at) "
            "VALUES (?1, 'ci', ?2, 'deploy', ?3, 0)"_qs);
        QVERIFY(token->bind(1, m_alice.userId).bind(2, QByteArray("\x01")).bind(3, project.id).run().ok());
        QVERIFY(m_service->remove(m_alice, project.id).ok());
        QCOMPARE(m_removed, QList<qint64>{project.id});
        QCOMPARE(m_rowGoneWhenHookRan, QList<bool>{true});
        QCOMPARE(m_service->get(m_alice, project.id).error().code, u"project.not_found"_qs);
        QCOMPARE(stored(kept.id), kept);
        auto tokens = m_provider->current().prepare(u"SELECT count(*) FROM api_tokens"_qs);
        QVERIFY(*tokens->step());
        QCOMPARE(tokens->columnInt(0), 0);

        QCOMPARE(m_service->remove(m_alice, project.id).error().code, u"project.not_found"_qs);
        QCOMPARE(m_removed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProjectService)
#include "tst_projectservice.moc"
