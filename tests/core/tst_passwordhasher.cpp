// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/hashingslots.h"
#include "core/auth/passwordhasher.h"

#include <QtTest>

using namespace ddd::core::auth;

namespace {

// Cheap parameters for tests that are not about the cost itself.
const PasswordHasher::Parameters kCheap{1024, 1, 1};

} // namespace

class TestPasswordHasher final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void roundTripWithOwaspParameters()
    {
        HashingSlots hashingSlots;
        PasswordHasher hasher(hashingSlots);
        const auto encoded = hasher.hash(u"correct horse battery"_qs);
        QVERIFY(encoded.ok());
        QVERIFY2(encoded->startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"_qs), qPrintable(*encoded));
        QCOMPARE(*hasher.verify(u"correct horse battery"_qs, *encoded), true);
        QCOMPARE(*hasher.verify(u"correct horse battery!"_qs, *encoded), false);
        QVERIFY(!hasher.needsRehash(*encoded));
    }

    void saltIsFreshEachTime()
    {
        HashingSlots hashingSlots;
        PasswordHasher hasher(hashingSlots, kCheap);
        QVERIFY(*hasher.hash(u"same password"_qs) != *hasher.hash(u"same password"_qs));
    }

    void normalisesUnicode()
    {
        HashingSlots hashingSlots;
        PasswordHasher hasher(hashingSlots, kCheap);
        const auto encoded = hasher.hash(u"caf\u00e9-latte"_qs); // precomposed é
        QCOMPARE(*hasher.verify(u"cafe\u0301-latte"_qs, *encoded), true); // e + combining acute
    }

    void lengthBounds_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("minLength");
        QTest::addColumn<QString>("code");
        QTest::newRow("1025 ASCII bytes") << QString(1025, u'a') << 8 << u"auth.password_too_long"_qs;
        QTest::newRow("342 euro signs = 1026 bytes") << QString(342, QChar(0x20ac)) << 8 << u"auth.password_too_long"_qs;
        QTest::newRow("1 MiB") << QString(1 << 20, u'x') << 8 << u"auth.password_too_long"_qs;
        QTest::newRow("7 characters") << u"1234567"_qs << 8 << u"auth.password_too_short"_qs;
        QTest::newRow("empty") << QString() << 8 << u"auth.password_too_short"_qs;
        QTest::newRow("11 characters, bootstrap minimum") << u"12345678901"_qs << 12 << u"auth.password_too_short"_qs;
        QTest::newRow("7 emoji (14 UTF-16 units) are 7 characters") << QString::fromUcs4(U"\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600") << 8 << u"auth.password_too_short"_qs;
        // Passing the bounds, these reach the (full) slots: proof the bounds
        // are checked first and that nothing else refused them.
        QTest::newRow("exactly 1024 bytes") << QString(1024, u'a') << 8 << u"auth.busy"_qs;
        QTest::newRow("exactly 8 characters") << u"12345678"_qs << 8 << u"auth.busy"_qs;
        QTest::newRow("12 characters, bootstrap minimum") << u"123456789012"_qs << 12 << u"auth.busy"_qs;
    }

    void lengthBounds()
    {
        QFETCH(QString, password);
        QFETCH(int, minLength);
        QFETCH(QString, code);
        HashingSlots noSlots(0);
        PasswordHasher hasher(noSlots, kCheap);
        const auto encoded = hasher.hash(password, minLength);
        QVERIFY(!encoded.ok());
        QCOMPARE(encoded.error().code, code);
    }

    void verifyRefusesTooLongBeforeHashing()
    {
        HashingSlots noSlots(0);
        PasswordHasher hasher(noSlots, kCheap);
        const QString huge(2000, u'p');
        const auto verified = hasher.verify(huge, u"$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA"_qs);
        QCOMPARE(verified.error().code, u"auth.password_too_long"_qs);
        QCOMPARE(hasher.verifyDummy(huge).error().code, u"auth.password_too_long"_qs);
        // A short password goes on to the slots, which are full.
        QCOMPARE(hasher.verifyDummy(u"short"_qs).error().code, u"auth.busy"_qs);
    }

    void saturatedSlotsRefuseAtOnce()
    {
        HashingSlots hashingSlots(1);
        PasswordHasher hasher(hashingSlots, kCheap);
        const auto encoded = hasher.hash(u"password one"_qs);
        QVERIFY(encoded.ok());
        {
            auto held = hashingSlots.tryAcquire();
            QVERIFY(held.has_value());
            QVERIFY(!hashingSlots.tryAcquire().has_value());
            QCOMPARE(hasher.hash(u"password two"_qs).error().code, u"auth.busy"_qs);
            QCOMPARE(hasher.verify(u"password one"_qs, *encoded).error().code, u"auth.busy"_qs);
            QCOMPARE(hasher.verifyDummy(u"password one"_qs).error().code, u"auth.busy"_qs);
        }
        QCOMPARE(*hasher.verify(u"password one"_qs, *encoded), true);
        QVERIFY(hasher.verifyDummy(u"password one"_qs).ok());
    }

    void slotsCountUpToCapacity()
    {
        HashingSlots hashingSlots(2);
        auto first = hashingSlots.tryAcquire();
        auto second = hashingSlots.tryAcquire();
        QVERIFY(first && second);
        QVERIFY(!hashingSlots.tryAcquire());
        second.reset();
        QVERIFY(hashingSlots.tryAcquire());
    }

    void needsRehash_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::addColumn<bool>("outdated");
        QTest::newRow("current") << u"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"_qs << false;
        QTest::newRow("less memory") << u"$argon2id$v=19$m=15360,t=2,p=1$c2FsdA$aGFzaA"_qs << true;
        QTest::newRow("fewer passes") << u"$argon2id$v=19$m=19456,t=1,p=1$c2FsdA$aGFzaA"_qs << true;
        QTest::newRow("argon2i") << u"$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"_qs << true;
        QTest::newRow("old version") << u"$argon2id$v=16$m=19456,t=2,p=1$c2FsdA$aGFzaA"_qs << true;
        QTest::newRow("bcrypt") << u"$2b$12$abcdefghijklmnopqrstuv"_qs << true;
        QTest::newRow("garbage") << u"garbage"_qs << true;
    }

    void needsRehash()
    {
        QFETCH(QString, encoded);
        QFETCH(bool, outdated);
        HashingSlots hashingSlots;
        PasswordHasher hasher(hashingSlots);
        QCOMPARE(hasher.needsRehash(encoded), outdated);
    }

    void corruptHashIsAnErrorNotAMismatch()
    {
        HashingSlots hashingSlots;
        PasswordHasher hasher(hashingSlots, kCheap);
        const auto verified = hasher.verify(u"whatever1"_qs, u"$argon2id$v=19$m=1024,t=1,p=1$!!!$???"_qs);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code, u"crypto.hash_failed"_qs);
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
