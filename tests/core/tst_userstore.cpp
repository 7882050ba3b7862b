// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/userstore.h"
#include "tests/support/fakeclock.h"
#include "tests/support/tempdatabase.h"

#include <QtTest>

#include <latch>
#include <thread>

using namespace ddd::core;
using storage::UserStore;
using model::Role;

namespace {

const QString kHash = u"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"_qs;

} // namespace

class TestUserStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void firstAccountIsOperatorThenUsers()
    {
        ddd::test::TempDatabase db;
        ddd::test::FakeClock clock;
        UserStore users(db.provider(), clock);
        const auto first = users.create(u"Ann@Example.com"_qs, kHash, std::nullopt);
        QVERIFY(first.ok());
        QCOMPARE(first->role, Role::Operator);
        QCOMPARE(first->email, u"Ann@Example.com"_qs);
        QCOMPARE(first->tokenVersion, 0);
        QCOMPARE(first->createdAt, clock.nowMs());
        const auto second = users.create(u"bob@example.com"_qs, kHash, std::nullopt);
        QCOMPARE(second->role, Role::User);
        const auto admin = users.create(u"carol@example.com"_qs, kHash, Role::Admin);
        QCOMPARE(admin->role, Role::Admin);
        QCOMPARE(*users.count(), 3);
        const auto all = users.list();
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).id, first->id);
        QCOMPARE(all->at(2).email, u"carol@example.com"_qs);
    }

    void explicitRoleForTheFirstAccountIsKept()
    {
        ddd::test::TempDatabase db;
        ddd::test::FakeClock clock;
        UserStore users(db.provider(), clock);
        QCOMPARE(users.create(u"ann@example.com"_qs, kHash, Role::User)->role, Role::User);
    }

    void findsByEmailRegardlessOfCase()
    {
        ddd::test::TempDatabase db;
        ddd::test::FakeClock clock;
        UserStore users(db.provider(), clock);
        const qint64 id = users.create(u"Ann@Example.com"_qs, kHash, std::nullopt)->id;
        QCOMPARE(users.findByEmail(u"ann@EXAMPLE.com"_qs)->id, id);
        QCOMPARE(users.findById(id)->email, u"Ann@Example.com"_qs);
        QCOMPARE(*users.passwordHash(id), kHash);
        QCOMPARE(users.findByEmail(u"nobody@example.com"_qs).error().code, u"user.not_found"_qs);
        QCOMPARE(users.findById(id + 1).error().code, u"user.not_found"_qs);
        QCOMPARE(users.passwordHash(id + 1).error().code, u"user.not_found"_qs);
    }

    void emailIsUniqueRegardlessOfCase_data()
    {
        QTest::addColumn<QString>("second");
        QTest::newRow("same") << u"ann@example.com"_qs;
        QTest::newRow("upper case") << u"ANN@Example.COM"_qs;
        QTest::newRow("surrounding space") << u" ann@example.com "_qs;
        QTest::newRow("full-width a") << u"\uff41nn@example.com"_qs;
    }

    void emailIsUniqueRegardlessOfCase()
    {
        QFETCH(QString, second);
        ddd::test::TempDatabase db;
        ddd::test::FakeClock clock;
        UserStore users(db.provider(), clock);
        QVERIFY(users.create(u"ann@example.com"_qs, kHash, std::nullopt).ok());
        const auto clash = users.create(second, u"other-hash"_qs, std::nullopt);
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().code, u"user.email_taken"_qs);
        QCOMPARE(*users.count(), 1);
        QCOMPARE(*users.passwordHash(users.findByEmail(second)->id), kHash);
    }

    void passwordAndRoleChangesBumpTheTokenVersion()
    {
        ddd::test::TempDatabase db;
        ddd::test::FakeClock clock;
        UserStore users(db.provider(), clock);
        const qint64 id = users.create(u"ann@example.com"_qs, kHash, std::nullopt)->id;
        clock.advanceMs(5000);
        const auto changed = users.setPassword(id, u"new-hash"_qs);
        QCOMPARE(changed->tokenVersion, 1);
        QCOMPARE(changed->updatedAt, clock.nowMs());
        QCOMPARE(*users.passwordHash(id), u"new-hash"_qs);
        const auto demoted = users.setRole(id, Role::Admin);
        QCOMPARE(demoted->role, Role::Admin);
        QCOMPARE(demoted->tokenVersion, 2);
        QCOMPARE(users.findById(id)->tokenVersion, 2);
        QCOMPARE(users.setPassword(id + 1, u"x"_qs).error().code, u"user.not_found"_qs);
        QCOMPARE(users.setRole(id + 1, Role::User).error().code, u"user.not_found"_qs);
    }

    void upgradeHashOnlyReplacesTheExpectedHash()
    {
        ddd::test::TempDatabase db;
        ddd::test::FakeClock clock;
        UserStore users(db.provider(), clock);
        const qint64 id = users.create(u"ann@example.com"_qs, kHash, std::nullopt)->id;
        QVERIFY(users.upgradeHash(id, u"stale-hash"_qs, u"stronger"_qs).ok());
        QCOMPARE(*users.passwordHash(id), kHash);
        QVERIFY(users.upgradeHash(id, kHash, u"stronger"_qs).ok());
        QCOMPARE(*users.passwordHash(id), u"stronger"_qs);
        QCOMPARE(users.findById(id)->tokenVersion, 0);
    }

    void removes()
    {
        ddd::test::TempDatabase db;
        ddd::test::FakeClock clock;
        UserStore users(db.provider(), clock);
        const qint64 id = users.create(u"ann@example.com"_qs, kHash, std::nullopt)->id;
        QVERIFY(users.remove(id).ok());
        QCOMPARE(users.findById(id).error().code, u"user.not_found"_qs);
        QCOMPARE(users.remove(id).error().code, u"user.not_found"_qs);
        QCOMPARE(*users.count(), 0);
    }

    // Two threads, each on its own connection, register at the same moment
    // on an empty database: exactly one becomes operator. Repeated on fresh
    // databases so an unguarded count-then-insert would show up.
    void concurrentFirstRegistrationsYieldOneOperator()
    {
        for (int round = 0; round < 20; ++round) {
            ddd::test::TempDatabase db;
            ddd::test::FakeClock clock;
            UserStore users(db.provider(), clock);
            std::latch start(2);
            Result<model::User> results[2] = {Error{}, Error{}};
            auto registerOne = [&](int index) {
                start.arrive_and_wait();
                results[index] = users.create(QStringLiteral("user%1@example.com").arg(index), kHash, std::nullopt);
                db.provider().releaseCurrent();
            };
            std::thread first(registerOne, 0);
            std::thread second(registerOne, 1);
            first.join();
            second.join();
            QVERIFY2(results[0].ok(), qPrintable(results[0].ok() ? QString() : results[0].error().message));
            QVERIFY2(results[1].ok(), qPrintable(results[1].ok() ? QString() : results[1].error().message));
            const int operators = int(results[0]->role == Role::Operator) + int(results[1]->role == Role::Operator);
            QCOMPARE(operators, 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestUserStore)
#include "tst_userstore.moc"
