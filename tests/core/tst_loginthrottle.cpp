// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/loginthrottle.h"
#include "tests/support/fakeclock.h"

#include <QtTest>

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

} // namespace

class TestLoginThrottle final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void locksOneAccountFromOneAddressOnly()
    {
        ddd::test::FakeClock clock;
        LoginThrottle throttle(clock);
        fail(throttle, kAddress, kAnn, 10);
        QCOMPARE(retryAfter(throttle.check(kAddress, kAnn)), 15 * 60);
        QVERIFY(throttle.check(kAddress, kBob).ok());
        QVERIFY(throttle.check(kOtherAddress, kAnn).ok());
    }

    void countsAccountsCaseInsensitively()
    {
        ddd::test::FakeClock clock;
        LoginThrottle throttle(clock);
        fail(throttle, kAddress, u"Ann@Example.com"_qs, 5);
        fail(throttle, kAddress, u" ANN@example.COM"_qs, 5);
        QVERIFY(!throttle.check(kAddress, kAnn).ok());
    }

    void retryAfterIsTheTimeActuallyRemaining()
    {
        ddd::test::FakeClock clock;
        LoginThrottle throttle(clock);
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
        ddd::test::FakeClock clock;
        LoginThrottle throttle(clock);
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
        ddd::test::FakeClock clock;
        LoginThrottle throttle(clock);
        for (int i = 0; i < 30; ++i)
            fail(throttle, kAddress, QStringLiteral("user%1@example.com").arg(i), 1);
        QCOMPARE(retryAfter(throttle.check(kAddress, u"fresh@example.com"_qs)), 900);
        QVERIFY(throttle.check(kOtherAddress, u"fresh@example.com"_qs).ok());
        QVERIFY(throttle.check(kOtherAddress, u"user0@example.com"_qs).ok());
    }

    void limitsOneAccountAcrossAddresses()
    {
        ddd::test::FakeClock clock;
        LoginThrottle throttle(clock);
        for (int i = 0; i < 100; ++i)
            fail(throttle, QStringLiteral("10.0.%1.%2").arg(i / 250).arg(i % 250), kAnn, 1);
        QCOMPARE(retryAfter(throttle.check(u"192.0.2.1"_qs, kAnn)), 900);
        QVERIFY(throttle.check(u"192.0.2.1"_qs, kBob).ok());
    }

    void limitsAreConfigurable()
    {
        ddd::test::FakeClock clock;
        LoginThrottle throttle(clock, {60'000, 2, 3, 4});
        fail(throttle, kAddress, kAnn, 2);
        QCOMPARE(retryAfter(throttle.check(kAddress, kAnn)), 60);
        fail(throttle, kAddress, kBob, 1);
        QCOMPARE(retryAfter(throttle.check(kAddress, u"carol@example.com"_qs)), 60);
    }

    void successClearsTheAccountButNotTheAddress()
    {
        ddd::test::FakeClock clock;
        LoginThrottle throttle(clock);
        fail(throttle, kAddress, kAnn, 9);
        throttle.recordSuccess(kAddress, kAnn);
        fail(throttle, kAddress, kAnn, 9);
        QVERIFY(throttle.check(kAddress, kAnn).ok());
        for (int i = 0; i < 12; ++i)
            fail(throttle, kAddress, QStringLiteral("user%1@example.com").arg(i), 1);
        throttle.recordSuccess(kAddress, kAnn);
        QVERIFY(!throttle.check(kAddress, kBob).ok());
    }

    void startsAfreshOnceTheWindowHasPassed()
    {
        ddd::test::FakeClock clock;
        LoginThrottle throttle(clock);
        fail(throttle, kAddress, kAnn, 10);
        clock.advanceMs(15 * 60 * 1000 + 1);
        fail(throttle, kOtherAddress, kBob, 1); // sweeps the expired entries
        fail(throttle, kAddress, kAnn, 10);
        QVERIFY(!throttle.check(kAddress, kAnn).ok());
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
