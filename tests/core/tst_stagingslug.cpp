// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/random.h"
#include "core/util/stagingslug.h"
#include "tests/support/fakerandom.h"

#include <QtTest>

using ddd::core::StagingSlug;

class TestStagingSlug final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void systemSlugsMatchTheFormatAndDiffer()
    {
        ddd::core::SystemRandom random;
        const QRegularExpression format(u"^[a-z][a-z0-9]{11}$"_qs);
        QSet<QString> seen;
        for (int i = 0; i < 500; ++i) {
            const QString slug = StagingSlug::generate(random);
            QVERIFY2(format.match(slug).hasMatch(), qPrintable(slug));
            QVERIFY(StagingSlug::isValid(slug));
            seen.insert(slug);
        }
        QCOMPARE(seen.size(), 500);
    }

    void mapsBytesOntoTheAlphabet()
    {
        ddd::test::FakeRandom random;
        random.script({25});
        QCOMPARE(StagingSlug::generate(random), u"zzzzzzzzzzzz"_qs);
        random.script({35});
        // 35 is out of range for the leading letter (35 % 26 = 9 -> 'j').
        QCOMPARE(StagingSlug::generate(random), u"j99999999999"_qs);
    }

    void discardsBytesThatWouldBiasTheDraw()
    {
        ddd::test::FakeRandom random;
        // 255 lies above the largest multiple of 26 and of 36 below 256, so
        // a whole batch of it is thrown away and the next batch decides.
        random.script({255, 0});
        QCOMPARE(StagingSlug::generate(random), u"aaaaaaaaaaaa"_qs);
        QCOMPARE(random.calls(), 2);
    }

    void validity_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<bool>("valid");
        QTest::newRow("letters and digits") << u"a1b2c3d4e5f6"_qs << true;
        QTest::newRow("eleven characters") << u"abcdefghijk"_qs << false;
        QTest::newRow("thirteen characters") << u"abcdefghijklm"_qs << false;
        QTest::newRow("leading digit") << u"1bcdefghijkl"_qs << false;
        QTest::newRow("upper case") << u"Abcdefghijkl"_qs << false;
        QTest::newRow("hyphen") << u"abcdef-hijkl"_qs << false;
        QTest::newRow("empty") << QString() << false;
    }

    void validity()
    {
        QFETCH(QString, slug);
        QFETCH(bool, valid);
        QCOMPARE(StagingSlug::isValid(slug), valid);
    }
};

QTEST_GUILESS_MAIN(TestStagingSlug)
#include "tst_stagingslug.moc"
