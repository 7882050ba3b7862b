// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/hmacsha256.h"
#include "core/auth/hmacsha256key.h"

#include <QtTest>

#include <thread>
#include <vector>

using ddd::core::auth::HmacSha256;
using ddd::core::auth::HmacSha256Key;

// HMAC-SHA256 both ways the agent computes it: the one-shot sign() and a key
// prepared once (HmacSha256Key), which must agree with each other, with
// RFC 4231 and across threads signing at once.
class TestHmacSha256 final : public QObject
{
    Q_OBJECT

private slots:
    void rfc4231_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("mac");
        QTest::newRow("test case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                     << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("test case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                     << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("test case 6, key longer than a block")
            << QByteArray(131, '\xaa') << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    void rfc4231()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, mac);
        QCOMPARE(HmacSha256::sign(key, message).toHex(), mac);
        QCOMPARE(HmacSha256Key(key).sign(message).toHex(), mac);
    }

    void emptyKeyAndMessageAgree()
    {
        QCOMPARE(HmacSha256Key({}).sign({}), HmacSha256::sign({}, {}));
        QCOMPARE(HmacSha256Key({}).sign({}).size(), HmacSha256::kBytes);
    }

    // The keyed context is shared read-only: every thread gets the same MACs.
    void threadsSignAtOnce()
    {
        const HmacSha256Key key("shared key");
        const QByteArray expected = HmacSha256::sign("shared key", "message 7");
        std::vector<int> wrong(4, 0);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 2000; ++i)
                    wrong[std::size_t(t)] += key.sign("message 7") == expected ? 0 : 1;
            });
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(wrong, std::vector<int>(4, 0));
    }
};

QTEST_GUILESS_MAIN(TestHmacSha256)
#include "tst_hmacsha256.moc"
