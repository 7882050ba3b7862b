// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/apitokenservice.h"
#include "core/storage/apitokenstore.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/userstore.h"
#include "tests/support/fakeclock.h"
#include "tests/support/tempdatabase.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QtTest>

#include <memory>

using namespace ddd::core;
using auth::ApiTokenService;

namespace {

const QString kHash = u"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"_qs;

// Stores and service over one fresh database, with two users.
struct Fixture
{
    ddd::test::TempDatabase db;
    ddd::test::FakeClock clock;
    storage::UserStore users{db.provider(), clock};
    storage::ApiTokenStore tokens{db.provider()};
    ApiTokenService service{tokens, users, clock};
    qint64 ann = users.create(u"ann@example.com"_qs, kHash, std::nullopt)->id;
    qint64 bob = users.create(u"bob@example.com"_qs, kHash, std::nullopt)->id;

    qint64 rowCount()
    {
        auto query = db.db().prepare(u"SELECT count(*) FROM api_tokens"_qs);
        (void)query->step();
        return query->columnInt(0);
    }

    qint64 addProject(qint64 owner)
    {
        auto insert = db.db().prepare(u"INSERT INTO projects (owner_id, name, slug, created_at, updated_at) "
                                      "VALUES (?1, 'site', 'site', 0, 0) RETURNING id"_qs);
        return *insert->bind(1, owner).runForId();
    }
};

const QSet<QString> kDeploy{u"read"_qs, u"deploy"_qs};

} // namespace

class TestApiTokenService final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void secretIsShownOnceAndStoredHashed()
    {
        Fixture f;
        const auto created = f.service.create(f.ann, u"CI deploy"_qs, kDeploy, std::nullopt, std::nullopt);
        QVERIFY(created.ok());
        QVERIFY(QRegularExpression(u"^ddd_[A-Za-z0-9_-]{43}$"_qs).match(created->secret).hasMatch());
        QCOMPARE(created->token.name, u"CI deploy"_qs);
        QCOMPARE(created->token.capabilities, kDeploy);

        auto row = f.db.db().prepare(u"SELECT secret_hash, name, capabilities, coalesce(CAST(project_id AS TEXT), ''), "
                                     "coalesce(CAST(expires_at AS TEXT), '') FROM api_tokens"_qs);
        QVERIFY(*row->step());
        QCOMPARE(row->columnBlob(0), QCryptographicHash::hash(created->secret.toLatin1(), QCryptographicHash::Sha256));
        const QByteArray secretBytes = created->secret.toLatin1();
        const QByteArray randomPart = secretBytes.mid(4);
        for (int column = 0; column < 5; ++column) {
            QVERIFY(!row->columnBlob(column).contains(secretBytes));
            QVERIFY(!row->columnBlob(column).contains(randomPart));
        }

        const auto listed = f.service.list(f.ann);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->at(0).id, created->token.id);
        QCOMPARE(listed->at(0).capabilities, kDeploy);
        QVERIFY(f.service.list(f.bob)->isEmpty());
    }

    void secretsDiffer()
    {
        Fixture f;
        const auto one = f.service.create(f.ann, u"one"_qs, kDeploy, std::nullopt, std::nullopt);
        const auto two = f.service.create(f.ann, u"two"_qs, kDeploy, std::nullopt, std::nullopt);
        QVERIFY(one->secret != two->secret);
    }

    void authenticatesWithOwnersCurrentRole()
    {
        Fixture f;
        const qint64 project = f.addProject(f.bob);
        const auto created = f.service.create(f.bob, u"scoped"_qs, {u"deploy"_qs}, project, std::nullopt);
        QVERIFY(created.ok());
        f.clock.advanceMs(1000);
        auto identity = f.service.authenticate(created->secret);
        QVERIFY(identity.ok());
        QCOMPARE(identity->userId, f.bob);
        QCOMPARE(identity->email, u"bob@example.com"_qs);
        QCOMPARE(identity->role, model::Role::User);
        QVERIFY(identity->viaApiToken);
        QCOMPARE(identity->capabilities, QSet<QString>{u"deploy"_qs});
        QCOMPARE(identity->projectScope, std::optional<qint64>(project));
        QVERIFY(identity->can(u"deploy"_qs));
        QVERIFY(!identity->can(u"activate"_qs));
        QCOMPARE(f.service.list(f.bob)->at(0).lastUsedAt, std::optional<qint64>(f.clock.nowMs()));

        QVERIFY(f.users.setRole(f.bob, model::Role::Admin).ok());
        QCOMPARE(f.service.authenticate(created->secret)->role, model::Role::Admin);
    }

    void refusesInvalidRequests_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("capabilities");
        QTest::addColumn<qint64>("expiresInMs");
        QTest::addColumn<QString>("code");
        const QStringList ok{u"read"_qs};
        QTest::newRow("unknown capability") << u"t"_qs << QStringList{u"read"_qs, u"admin"_qs} << qint64(0) << u"token.invalid_capability"_qs;
        QTest::newRow("capability in upper case") << u"t"_qs << QStringList{u"READ"_qs} << qint64(0) << u"token.invalid_capability"_qs;
        QTest::newRow("empty capability name") << u"t"_qs << QStringList{QString()} << qint64(0) << u"token.invalid_capability"_qs;
        QTest::newRow("no capabilities") << u"t"_qs << QStringList{} << qint64(0) << u"token.invalid_capability"_qs;
        QTest::newRow("empty name") << u"  "_qs << ok << qint64(0) << u"token.invalid_name"_qs;
        QTest::newRow("long name") << QString(101, u'n') << ok << qint64(0) << u"token.invalid_name"_qs;
        QTest::newRow("control character in name") << u"a\u0007b"_qs << ok << qint64(0) << u"token.invalid_name"_qs;
        QTest::newRow("expiry now") << u"t"_qs << ok << qint64(0) << u"token.invalid_expiry"_qs;
        QTest::newRow("expiry in the past") << u"t"_qs << ok << qint64(-1000) << u"token.invalid_expiry"_qs;
    }

    void refusesInvalidRequests()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, capabilities);
        QFETCH(qint64, expiresInMs);
        QFETCH(QString, code);
        Fixture f;
        const bool expiryRow = code == u"token.invalid_expiry";
        const auto expiresAt = expiryRow ? std::optional<qint64>(f.clock.nowMs() + expiresInMs) : std::nullopt;
        const auto created = f.service.create(f.ann, name, QSet<QString>(capabilities.cbegin(), capabilities.cend()),
                                              std::nullopt, expiresAt);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, code);
        QCOMPARE(f.rowCount(), 0);
    }

    void refusesUnknownProject()
    {
        Fixture f;
        const auto created = f.service.create(f.ann, u"t"_qs, kDeploy, 9999, std::nullopt);
        QCOMPARE(created.error().code, u"project.not_found"_qs);
        QCOMPARE(f.rowCount(), 0);
    }

    void expires()
    {
        Fixture f;
        const auto created = f.service.create(f.ann, u"t"_qs, kDeploy, std::nullopt, f.clock.nowMs() + 60'000);
        f.clock.advanceMs(59'999);
        QVERIFY(f.service.authenticate(created->secret).ok());
        f.clock.advanceMs(1);
        const auto late = f.service.authenticate(created->secret);
        QCOMPARE(late.error().code, u"auth.invalid_token"_qs);
        QCOMPARE(late.error().details.value(u"reason"_qs).toString(), u"expired"_qs);
    }

    void onlyTheOwnerRevokes()
    {
        Fixture f;
        const auto created = f.service.create(f.ann, u"t"_qs, kDeploy, std::nullopt, std::nullopt);
        QCOMPARE(f.service.revoke(f.bob, created->token.id).error().code, u"token.not_found"_qs);
        QVERIFY(f.service.authenticate(created->secret).ok());
        QVERIFY(f.service.revoke(f.ann, created->token.id).ok());
        QCOMPARE(f.service.authenticate(created->secret).error().code, u"auth.invalid_token"_qs);
        QCOMPARE(f.service.revoke(f.ann, created->token.id).error().code, u"token.not_found"_qs);
        QCOMPARE(f.rowCount(), 0);
    }

    void deletedOwnerTakesTokensAlong()
    {
        Fixture f;
        const auto created = f.service.create(f.ann, u"t"_qs, kDeploy, std::nullopt, std::nullopt);
        QVERIFY(f.users.remove(f.ann).ok());
        QCOMPARE(f.service.authenticate(created->secret).error().code, u"auth.invalid_token"_qs);
    }

    void refusesUnknownAndMalformedSecrets_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown") << u"ddd_"_qs + QString(43, u'A') << u"unknown"_qs;
        QTest::newRow("short") << u"ddd_abc"_qs << u"format"_qs;
        QTest::newRow("long") << u"ddd_"_qs + QString(44, u'A') << u"format"_qs;
        QTest::newRow("bad character") << u"ddd_"_qs + QString(42, u'A') + u'=' << u"format"_qs;
        QTest::newRow("no prefix") << QString(47, u'A') << u"format"_qs;
        QTest::newRow("empty") << QString() << u"format"_qs;
    }

    void refusesUnknownAndMalformedSecrets()
    {
        QFETCH(QString, secret);
        QFETCH(QString, reason);
        Fixture f;
        const auto identity = f.service.authenticate(secret);
        QCOMPARE(identity.error().code, u"auth.invalid_token"_qs);
        QCOMPARE(identity.error().details.value(u"reason"_qs).toString(), reason);
    }
};

QTEST_GUILESS_MAIN(TestApiTokenService)
#include "tst_apitokenservice.moc"
