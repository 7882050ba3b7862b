// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/apitokenservice.h"
#include "core/auth/authservice.h"
#include "core/auth/hashingslots.h"
#include "core/auth/loginthrottle.h"
#include "core/auth/passwordhasher.h"
#include "core/auth/tokenservice.h"
#include "core/storage/apitokenstore.h"
#include "core/storage/database.h"
#include "core/storage/loginfailurestore.h"
#include "core/storage/statement.h"
#include "core/storage/userstore.h"
#include "tests/support/fakeclock.h"
#include "tests/support/tempdatabase.h"

#include <QtTest>

using namespace ddd::core;
using auth::AuthService;
using auth::PasswordHasher;
using model::Role;

namespace {

// Far below the production cost: these tests are about the use cases.
const PasswordHasher::Parameters kCheap{1024, 1, 1};
const QString kAddress = u"203.0.113.5"_qs;
const QString kPassword = u"correct horse"_qs;

// The whole auth object graph over one fresh database.
struct Fixture
{
    explicit Fixture(PasswordHasher::Parameters parameters = kCheap) : hasher(hashingSlots, parameters) {}

    ddd::test::TempDatabase db;
    ddd::test::FakeClock clock;
    storage::UserStore users{db.provider(), clock};
    storage::ApiTokenStore tokenRows{db.provider()};
    auth::HashingSlots hashingSlots{2};
    PasswordHasher hasher;
    auth::TokenService tokens = std::move(auth::TokenService::create(QByteArray(32, 'k'), clock)).value();
    storage::LoginFailureStore loginFailures{db.provider()};
    auth::LoginThrottle throttle{clock, loginFailures};
    auth::ApiTokenService apiTokens{tokenRows, users, clock};
    AuthService service{users, hasher, tokens, throttle, apiTokens};

    model::User registered(const QString &email, const QString &password = kPassword)
    {
        return service.registerUser(email, password, true)->user;
    }
};

} // namespace

class TestAuthService final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void openRegistrationMakesTheFirstAccountOperator()
    {
        Fixture f;
        const auto first = f.service.registerUser(u" Ann@Example.com "_qs, kPassword, true);
        QVERIFY(first.ok());
        QCOMPARE(first->user.role, Role::Operator);
        QCOMPARE(first->user.email, u"Ann@Example.com"_qs);
        QCOMPARE(f.service.authenticateBearer(first->token)->userId, first->user.id);
        QCOMPARE(first->expiresAt, f.clock.nowMs() / 1000 + 900);
        const auto second = f.service.registerUser(u"bob@example.com"_qs, kPassword, true);
        QCOMPARE(second->user.role, Role::User);
    }

    void closedRegistrationAdmitsNobody()
    {
        Fixture f;
        const auto first = f.service.registerUser(u"ann@example.com"_qs, kPassword, false);
        QVERIFY(!first.ok());
        QCOMPARE(first.error().code, u"auth.registration_closed"_qs);
        QCOMPARE(*f.users.count(), 0);
    }

    void registrationRefusals_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("code");
        QTest::newRow("invalid e-mail") << u"ann@localhost"_qs << kPassword << u"user.invalid_email"_qs;
        QTest::newRow("short password") << u"bob@example.com"_qs << u"1234567"_qs << u"auth.password_too_short"_qs;
        QTest::newRow("long password") << u"bob@example.com"_qs << QString(1025, u'p') << u"auth.password_too_long"_qs;
        QTest::newRow("e-mail taken") << u"ANN@example.com"_qs << kPassword << u"user.email_taken"_qs;
    }

    void registrationRefusals()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, code);
        Fixture f;
        f.registered(u"ann@example.com"_qs);
        const auto result = f.service.registerUser(email, password, true);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QCOMPARE(*f.users.count(), 1);
    }

    void logsIn()
    {
        Fixture f;
        const model::User ann = f.registered(u"ann@example.com"_qs);
        const auto session = f.service.login(u"ANN@example.com"_qs, kPassword, kAddress);
        QVERIFY(session.ok());
        QCOMPARE(session->user.id, ann.id);
        const auto identity = f.service.authenticateBearer(session->token);
        QVERIFY(identity.ok());
        QCOMPARE(identity->userId, ann.id);
        QCOMPARE(identity->role, Role::Operator);
        QVERIFY(!identity->viaApiToken);
        QVERIFY(!identity->projectScope);
    }

    void unknownUserAndWrongPasswordLookTheSame()
    {
        Fixture f;
        f.registered(u"ann@example.com"_qs);
        const auto wrong = f.service.login(u"ann@example.com"_qs, u"wrong password"_qs, kAddress);
        const auto unknown = f.service.login(u"nobody@example.com"_qs, u"wrong password"_qs, kAddress);
        const auto malformed = f.service.login(u"not an address"_qs, u"wrong password"_qs, kAddress);
        const auto tooLong = f.service.login(u"ann@example.com"_qs, QString(5000, u'p'), kAddress);
        for (const auto *result : {&wrong, &unknown, &malformed, &tooLong}) {
            QVERIFY(!result->ok());
            QCOMPARE(result->error().code, u"auth.invalid_credentials"_qs);
            QCOMPARE(result->error().message, wrong.error().message);
            QVERIFY(result->error().details.isEmpty());
        }
    }

    void failedLoginsAreThrottledEvenForTheRightPassword()
    {
        Fixture f;
        f.registered(u"ann@example.com"_qs);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(f.service.login(u"ann@example.com"_qs, u"guess guess"_qs, kAddress).error().code,
                     u"auth.invalid_credentials"_qs);
        const auto blocked = f.service.login(u"ann@example.com"_qs, kPassword, kAddress);
        QCOMPARE(blocked.error().code, u"auth.rate_limited"_qs);
        QCOMPARE(blocked.error().details.value(u"retryAfterSeconds"_qs).toInteger(), 900);
        QVERIFY(f.service.login(u"ann@example.com"_qs, kPassword, u"198.51.100.1"_qs).ok());
        f.clock.advanceMs(900'000);
        QVERIFY(f.service.login(u"ann@example.com"_qs, kPassword, kAddress).ok());
    }

    // Failures live in the database: a second agent on it (or this one
    // restarted, with a fresh throttle object) counts them too.
    void failedLoginsCountOnEveryAgentOfTheDatabase()
    {
        Fixture f;
        f.registered(u"ann@example.com"_qs);
        for (int i = 0; i < 6; ++i)
            QVERIFY(!f.service.login(u"ann@example.com"_qs, u"guess guess"_qs, kAddress).ok());
        storage::LoginFailureStore otherFailures{f.db.provider()};
        auth::LoginThrottle otherThrottle{f.clock, otherFailures};
        AuthService otherAgent{f.users, f.hasher, f.tokens, otherThrottle, f.apiTokens};
        for (int i = 0; i < 4; ++i)
            QCOMPARE(otherAgent.login(u"ann@example.com"_qs, u"guess guess"_qs, kAddress).error().code,
                     u"auth.invalid_credentials"_qs);
        QCOMPARE(f.service.login(u"ann@example.com"_qs, kPassword, kAddress).error().code, u"auth.rate_limited"_qs);
        QCOMPARE(otherAgent.login(u"ann@example.com"_qs, kPassword, kAddress).error().code, u"auth.rate_limited"_qs);
        QVERIFY(otherAgent.login(u"ann@example.com"_qs, kPassword, u"198.51.100.1"_qs).ok());
    }

    void anUnreadableFailureLogRefusesTheLogin()
    {
        Fixture f;
        f.registered(u"ann@example.com"_qs);
        QVERIFY(f.db.db().exec(u"DROP TABLE login_failures"_qs).ok());
        const auto refused = f.service.login(u"ann@example.com"_qs, kPassword, kAddress);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().code.startsWith(u"storage."_qs));
    }

    void busyHashingIsReportedNotCountedAsFailure()
    {
        Fixture f;
        f.registered(u"ann@example.com"_qs);
        {
            auto first = f.hashingSlots.tryAcquire();
            auto second = f.hashingSlots.tryAcquire();
            for (int i = 0; i < 12; ++i)
                QCOMPARE(f.service.login(u"ann@example.com"_qs, kPassword, kAddress).error().code, u"auth.busy"_qs);
        }
        QVERIFY(f.service.login(u"ann@example.com"_qs, kPassword, kAddress).ok());
    }

    void passwordChangeEndsEarlierSessions()
    {
        Fixture f;
        const model::User ann = f.registered(u"ann@example.com"_qs);
        const QString before = f.service.login(u"ann@example.com"_qs, kPassword, kAddress)->token;
        const auto changed = f.service.changePassword(ann.id, kPassword, u"new password 1"_qs, kAddress);
        QVERIFY(changed.ok());
        QCOMPARE(changed->user.tokenVersion, ann.tokenVersion + 1);
        const auto stale = f.service.authenticateBearer(before);
        QCOMPARE(stale.error().code, u"auth.invalid_token"_qs);
        QCOMPARE(stale.error().details.value(u"reason"_qs).toString(), u"revoked"_qs);
        QVERIFY(f.service.authenticateBearer(changed->token).ok());
        QCOMPARE(f.service.login(u"ann@example.com"_qs, kPassword, kAddress).error().code, u"auth.invalid_credentials"_qs);
        QVERIFY(f.service.login(u"ann@example.com"_qs, u"new password 1"_qs, kAddress).ok());
    }

    void passwordChangeRefusals()
    {
        Fixture f;
        const model::User ann = f.registered(u"ann@example.com"_qs);
        const QString session = f.service.login(u"ann@example.com"_qs, kPassword, kAddress)->token;
        const QString hashBefore = *f.users.passwordHash(ann.id);
        QCOMPARE(f.service.changePassword(ann.id, u"not my password"_qs, u"new password 1"_qs, kAddress).error().code,
                 u"auth.wrong_password"_qs);
        QCOMPARE(f.service.changePassword(ann.id, kPassword, u"short"_qs, kAddress).error().code,
                 u"auth.password_too_short"_qs);
        QCOMPARE(f.service.changePassword(ann.id + 1, kPassword, u"new password 1"_qs, kAddress).error().code,
                 u"user.not_found"_qs);
        QVERIFY(f.service.authenticateBearer(session).ok());
        QCOMPARE(*f.users.passwordHash(ann.id), hashBefore);
        QCOMPARE(f.users.findById(ann.id)->tokenVersion, ann.tokenVersion);
        QVERIFY(f.service.login(u"ann@example.com"_qs, kPassword, kAddress).ok());
    }

    // One rule for each kind of account, wherever the password is set:
    // operators and admins 12 characters (as on the command line), users 8.
    void passwordMinimumFollowsTheRole()
    {
        Fixture f;
        const model::User first = f.registered(u"op@example.com"_qs);
        QCOMPARE(first.role, model::Role::Operator);
        const model::User user = f.registered(u"user@example.com"_qs);
        QCOMPARE(user.role, model::Role::User);
        const QString elevenCharacters = u"eleven char"_qs;
        QCOMPARE(f.service.changePassword(first.id, kPassword, elevenCharacters, kAddress).error().code,
                 u"auth.password_too_short"_qs);
        QVERIFY(f.service.changePassword(first.id, kPassword, u"twelve chars"_qs, kAddress).ok());
        QVERIFY(f.service.changePassword(user.id, kPassword, elevenCharacters, kAddress).ok());
        QCOMPARE(f.service.changePassword(user.id, elevenCharacters, u"seven c"_qs, kAddress).error().code,
                 u"auth.password_too_short"_qs);
    }

    void deletedUserLosesTheSession()
    {
        Fixture f;
        const model::User ann = f.registered(u"ann@example.com"_qs);
        const QString token = f.service.login(u"ann@example.com"_qs, kPassword, kAddress)->token;
        QVERIFY(f.users.remove(ann.id).ok());
        const auto identity = f.service.authenticateBearer(token);
        QCOMPARE(identity.error().code, u"auth.invalid_token"_qs);
        QCOMPARE(identity.error().details.value(u"reason"_qs).toString(), u"user_missing"_qs);
    }

    void roleComesFromTheDatabase()
    {
        Fixture f;
        f.registered(u"ann@example.com"_qs);
        const model::User bob = f.registered(u"bob@example.com"_qs);
        const QString token = f.service.login(u"bob@example.com"_qs, kPassword, kAddress)->token;
        QCOMPARE(f.service.authenticateBearer(token)->role, Role::User);
        // Behind the store's back, so the token version stays: only the
        // database can have told the service about the new role.
        auto promote = f.db.db().prepare(u"UPDATE users SET role = 'operator' WHERE id = ?1"_qs);
        QVERIFY(promote->bind(1, bob.id).run().ok());
        QCOMPARE(f.service.authenticateBearer(token)->role, Role::Operator);
    }

    void bearerDispatchesApiTokens()
    {
        Fixture f;
        const model::User ann = f.registered(u"ann@example.com"_qs);
        const auto created = f.apiTokens.create(ann.id, u"ci"_qs, {u"deploy"_qs}, std::nullopt, std::nullopt);
        const auto identity = f.service.authenticateBearer(created->secret);
        QVERIFY(identity.ok());
        QVERIFY(identity->viaApiToken);
        QCOMPARE(identity->userId, ann.id);
        QCOMPARE(f.service.authenticateBearer(u"ddd_nonsense"_qs).error().code, u"auth.invalid_token"_qs);
        QCOMPARE(f.service.authenticateBearer(u"garbage"_qs).error().code, u"auth.invalid_token"_qs);
    }

    void outdatedHashIsUpgradedAtLogin()
    {
        Fixture f;
        const model::User ann = f.registered(u"ann@example.com"_qs);
        const QString oldHash = *f.users.passwordHash(ann.id);
        // The same agent restarted with stronger parameters.
        PasswordHasher stronger(f.hashingSlots, {2048, 1, 1});
        AuthService upgraded(f.users, stronger, f.tokens, f.throttle, f.apiTokens);
        QVERIFY(stronger.needsRehash(oldHash));
        QVERIFY(upgraded.login(u"ann@example.com"_qs, kPassword, kAddress).ok());
        const QString newHash = *f.users.passwordHash(ann.id);
        QVERIFY(newHash.startsWith(u"$argon2id$v=19$m=2048,t=1,p=1$"_qs));
        QVERIFY(!stronger.needsRehash(newHash));
        QCOMPARE(f.users.findById(ann.id)->tokenVersion, ann.tokenVersion);
        QVERIFY(upgraded.login(u"ann@example.com"_qs, kPassword, kAddress).ok());
    }

    void createUserForTheCommandLine()
    {
        Fixture f;
        const auto shortBootstrap = f.service.createUser(u"op@example.com"_qs, u"elevenchars"_qs, std::nullopt);
        QCOMPARE(shortBootstrap.error().code, u"auth.password_too_short"_qs);
        const auto op = f.service.createUser(u"op@example.com"_qs, u"twelve chars"_qs, std::nullopt);
        QCOMPARE(op->role, Role::Operator);
        const auto admin = f.service.createUser(u"admin@example.com"_qs, u"twelve chars"_qs, Role::Admin);
        QCOMPARE(admin->role, Role::Admin);
        const auto relaxed = f.service.createUser(u"dev@example.com"_qs, u"eight ch"_qs, Role::User, 8);
        QVERIFY(relaxed.ok());
        QVERIFY(f.service.login(u"dev@example.com"_qs, u"eight ch"_qs, kAddress).ok());
    }
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
