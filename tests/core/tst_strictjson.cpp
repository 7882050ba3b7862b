// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/strictjson.h"

#include <QtTest>

using ddd::core::StrictJson;

class TestStrictJson final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason"); // empty: accepted
        QTest::newRow("object") << QByteArray(R"({"a":1,"b":"x"})") << QString();
        QTest::newRow("same key in sibling objects") << QByteArray(R"({"a":{"k":1},"b":{"k":2}})") << QString();
        QTest::newRow("same key at two depths") << QByteArray(R"({"k":{"k":1}})") << QString();
        QTest::newRow("key text inside values") << QByteArray("{\"a\":\"\\\"a\\\"\",\"b\":[\"a\",\"a\"]}") << QString();
        QTest::newRow("objects inside arrays") << QByteArray(R"({"l":[{"k":1},{"k":2}]})") << QString();
        QTest::newRow("escaped quote in key") << QByteArray("{\"a\\\"b\":1,\"a\":2,\"b\":3}") << QString();
        QTest::newRow("duplicate top-level key") << QByteArray(R"({"a":1,"a":2})") << u"duplicate_key"_qs;
        QTest::newRow("duplicate nested key") << QByteArray(R"({"o":{"k":1,"k":2}})") << u"duplicate_key"_qs;
        QTest::newRow("duplicate in array element") << QByteArray(R"({"l":[{"k":1,"k":1}]})") << u"duplicate_key"_qs;
        QTest::newRow("duplicate via unicode escape") << QByteArray(R"({"alg":1,"\u0061lg":2})") << u"duplicate_key"_qs;
        QTest::newRow("duplicate via solidus escape") << QByteArray(R"({"a/b":1,"a\/b":2})") << u"duplicate_key"_qs;
        QTest::newRow("array") << QByteArray("[1]") << u"not_object"_qs;
        QTest::newRow("string") << QByteArray(R"("x")") << u"syntax"_qs; // Qt refuses scalars at the top
        QTest::newRow("truncated") << QByteArray(R"({"a":)") << u"syntax"_qs;
        QTest::newRow("trailing garbage") << QByteArray(R"({"a":1}x)") << u"syntax"_qs;
        QTest::newRow("empty") << QByteArray() << u"syntax"_qs;
    }

    void parse()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        const auto parsed = StrictJson::parseObject(json);
        if (reason.isEmpty()) {
            QVERIFY(parsed.ok());
            return;
        }
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, u"json.invalid"_qs);
        QCOMPARE(parsed.error().details.value(u"reason"_qs).toString(), reason);
    }
};

QTEST_GUILESS_MAIN(TestStrictJson)
#include "tst_strictjson.moc"
