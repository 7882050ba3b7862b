// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/loginthrottle.h"
#include "core/auth/memoryfailurelog.h"
#include "core/storage/loginfailurestore.h"
#include "tests/support/fakeclock.h"
#include "tests/support/tempdatabase.h"

#include <QtTest>

#include <limits>
#include <optional>

using namespace ddd::core::auth;

namespace {

const QString kAddress = u"203.0.113.5"_qs;
const QString kOtherAddress = u"198.51.100.9"_qs;
const QString kAnn = u"ann@example.com"_qs;
const QString kBob = u"bob@example.com"_qs;

void fail(LoginThrottle &throttle, const QString &address, const QString &email, int times)
{
    for (int i = 0; i < times; ++i) {
        QVERIFY(throttle.check(address, email).ok());
        throttle.recordFailure(address, email);
    }
}

qint64 retryAfter(const ddd::core::Status &status)
{
    if (status.ok() || status.error().code != u"auth.rate_limited")
        return -1;
    return status.error().details.value(u"retryAfterSeconds"_qs).toInteger(-1);
}

// Every case runs over both logs (initTestCase_data): the memory one site
// passwords use and the database one logins use.
struct Subject final
{
    explicit Subject(LoginThrottle::Limits limits = LoginThrottle::Limits())
    {
        QFETCH_GLOBAL(bool, stored);
        if (stored) {
            database.emplace();
            log = &storedLog.emplace(database->provider());
        }
        throttle.emplace(clock, *log, limits);
    }

    ddd::test::FakeClock clock;
    std::optional<ddd::test::TempDatabase> database;
    std::optional<ddd::core::storage::LoginFailureStore> storedLog;
    MemoryFailureLog memoryLog;
    ddd::core::storage::FailureLog *log = &memoryLog;
    std::optional<LoginThrottle> throttle;
};

} // namespace

class TestLoginThrottle final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void initTestCase_data()
    {
        QTest::addColumn<bool>("stored");
        QTest::newRow("memory") << false;
        QTest::newRow("database") << true;
    }

    void locksOneAccountFromOneAddressOnly()
    {
        Subject subject;
        auto &clock = subject.clock;
        LoginThrottle &throttle = *subject.throttle;
        fail(throttle, kAddress, kAnn, 10);
        QCOMPARE(retryAfter(throttle.check(kAddress, kAnn)), 15 * 60);
        QVERIFY(throttle.check(kAddress, kBob).ok());
        QVERIFY(throttle.check(kOtherAddress, kAnn).ok());
    }

    void countsAccountsCaseInsensitively()
    {
        Subject subject;
        auto &clock = subject.clock;
        LoginThrottle &throttle = *subject.throttle;
        fail(throttle, kAddress, u"Ann@Example.com"_qs, 5);
        fail(throttle, kAddress, u" ANN@example.COM"_qs, 5);
        QVERIFY(!throttle.check(kAddress, kAnn).ok());
    }

    void retryAfterIsTheTimeActuallyRemaining()
    {
        Subject subject;
        auto &clock = subject.clock;
        LoginThrottle &throttle = *subject.throttle;
        fail(throttle, kAddress, kAnn, 10);
        clock.advanceMs(100'000);
        QCOMPARE(retryAfter(throttle.check(kAddress, kAnn)), 800);
        clock.advanceMs(500); // 799.5 s left: rounded up
        QCOMPARE(retryAfter(throttle.check(kAddress, kAnn)), 800);
        clock.advanceMs(799'000);
        QCOMPARE(retryAfter(throttle.check(kAddress, kAnn)), 1);
        clock.advanceMs(500);
        QVERIFY(throttle.check(kAddress, kAnn).ok());
    }

    void windowSlidesWithTheOldestFailure()
    {
        Subject subject;
        auto &clock = subject.clock;
        LoginThrottle &throttle = *subject.throttle;
        fail(throttle, kAddress, kAnn, 5);
        clock.advanceMs(300'000);
        fail(throttle, kAddress, kAnn, 5);
        QCOMPARE(retryAfter(throttle.check(kAddress, kAnn)), 600);
        clock.advanceMs(600'000); // the first five leave the window
        fail(throttle, kAddress, kAnn, 5);
        QCOMPARE(retryAfter(throttle.check(kAddress, kAnn)), 300);
    }

    void limitsOneAddressAcrossAccounts()
    {
        Subject subject;
        auto &clock = subject.clock;
        LoginThrottle &throttle = *subject.throttle;
        for (int i = 0; i < 30; ++i)
            fail(throttle, kAddress, QStringLiteral("user%1@example.com").arg(i), 1);
        QCOMPARE(retryAfter(throttle.check(kAddress, u"fresh@example.com"_qs)), 900);
        QVERIFY(throttle.check(kOtherAddress, u"fresh@example.com"_qs).ok());
        QVERIFY(throttle.check(kOtherAddress, u"user0@example.com"_qs).ok());
    }

    void limitsOneAccountAcrossAddresses()
    {
        Subject subject;
        auto &clock = subject.clock;
        LoginThrottle &throttle = *subject.throttle;
        for (int i = 0; i < 100; ++i)
            fail(throttle, QStringLiteral("10.0.%1.%2").arg(i / 250).arg(i % 250), kAnn, 1);
        QCOMPARE(retryAfter(throttle.check(u"192.0.2.1"_qs, kAnn)), 900);
        QVERIFY(throttle.check(u"192.0.2.1"_qs, kBob).ok());
    }

    void limitsAreConfigurable()
    {
        Subject subject({60'000, 2, 3, 4});
        LoginThrottle &throttle = *subject.throttle;
        fail(throttle, kAddress, kAnn, 2);
        QCOMPARE(retryAfter(throttle.check(kAddress, kAnn)), 60);
        fail(throttle, kAddress, kBob, 1);
        QCOMPARE(retryAfter(throttle.check(kAddress, u"carol@example.com"_qs)), 60);
    }

    void successClearsTheAccountButNotTheAddress()
    {
        Subject subject;
        auto &clock = subject.clock;
        LoginThrottle &throttle = *subject.throttle;
        fail(throttle, kAddress, kAnn, 9);
        throttle.recordSuccess(kAddress, kAnn);
        fail(throttle, kAddress, kAnn, 9);
        QVERIFY(throttle.check(kAddress, kAnn).ok());
        for (int i = 0; i < 12; ++i)
            fail(throttle, kAddress, QStringLiteral("user%1@example.com").arg(i), 1);
        throttle.recordSuccess(kAddress, kAnn);
        QVERIFY(!throttle.check(kAddress, kBob).ok());
    }

    void expiredFailuresAreDropped()
    {
        Subject subject;
        fail(*subject.throttle, kAddress, kAnn, 3);
        subject.clock.advanceMs(15 * 60 * 1000 + 1);
        fail(*subject.throttle, kOtherAddress, kBob, 1);
        const auto failuresOf = [&](const QString &address) {
            auto latest = subject.log->nthLatest(u"address:"_qs + address, 1, std::numeric_limits<qint64>::min());
            return latest.ok() && latest->has_value();
        };
        QVERIFY(!failuresOf(kAddress)); // dropped when Bob's failure came in
        QVERIFY(failuresOf(kOtherAddress));
    }

    void startsAfreshOnceTheWindowHasPassed()
    {
        Subject subject;
        auto &clock = subject.clock;
        LoginThrottle &throttle = *subject.throttle;
        fail(throttle, kAddress, kAnn, 10);
        clock.advanceMs(15 * 60 * 1000 + 1);
        fail(throttle, kOtherAddress, kBob, 1); // sweeps the expired entries
        fail(throttle, kAddress, kAnn, 10);
        QVERIFY(!throttle.check(kAddress, kAnn).ok());
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
