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
        // Found by fuzz_jwt: Qt takes "\\d" as "d"; the key reader indexed
        // out of bounds on it, and a key spelled so dodged the duplicate check.
        QTest::newRow("escape JSON lacks, in a value") << QByteArray(R"({"a":"d\dd"})") << u"syntax"_qs;
        QTest::newRow("escape JSON lacks, in a key") << QByteArray(R"({"alg":1,"\alg":2})") << u"syntax"_qs;
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

    void broaderMatrix_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason"); // empty: accepted
        QTest::newRow("object") << QByteArray(R"({"name": "a", "domain": null})") << QString();
        QTest::newRow("empty object") << QByteArray(" {} \n") << QString();
        QTest::newRow("same key in sibling objects") << QByteArray(R"({"x": {"a": 1}, "y": {"a": 2}})") << QString();
        QTest::newRow("same key in array elements") << QByteArray(R"({"u": [{"a": 1}, {"a": 2}]})") << QString();
        QTest::newRow("values equal to keys") << QByteArray(R"({"a": "a", "b": ["a", "b"]})") << QString();
        QTest::newRow("braces and quotes in strings") << QByteArray("{\"a\": \"}\\\"{,\\\"a\\\":\", \"b\": 1}") << QString();
        QTest::newRow("escaped backslash before quote") << QByteArray("{\"a\\\\\": 1, \"a\": 2}") << QString();
        QTest::newRow("key after nested object") << QByteArray(R"({"a": {"b": {}}, "b": 1})") << QString();

        QTest::newRow("empty body") << QByteArray() << u"syntax"_qs;
        QTest::newRow("truncated") << QByteArray(R"({"a": )") << u"syntax"_qs;
        QTest::newRow("trailing comma") << QByteArray(R"({"a": 1,})") << u"syntax"_qs;
        QTest::newRow("trailing garbage") << QByteArray(R"({"a": 1} x)") << u"syntax"_qs;
        QTest::newRow("two objects") << QByteArray("{}{}") << u"syntax"_qs;
        QTest::newRow("single quotes") << QByteArray("{'a': 1}") << u"syntax"_qs;
        QTest::newRow("invalid utf-8") << QByteArray("{\"a\": \"\xff\"}") << u"syntax"_qs;
        QTest::newRow("array") << QByteArray("[]") << u"not_object"_qs;
        QTest::newRow("top-level number") << QByteArray("1") << u"syntax"_qs; // QJsonDocument refuses scalars
        QTest::newRow("top-level string") << QByteArray(R"("a")") << u"syntax"_qs; // QJsonDocument refuses scalars
        QTest::newRow("top-level null") << QByteArray("null") << u"syntax"_qs; // QJsonDocument refuses scalars
        QTest::newRow("duplicate") << QByteArray(R"({"a": 1, "a": 2})") << u"duplicate_key"_qs;
        QTest::newRow("duplicate after value") << QByteArray(R"({"a": [1, {"b": 2}], "c": 3, "a": 4})") << u"duplicate_key"_qs;
        QTest::newRow("escaped duplicate") << QByteArray("{\"a\": 1, \"\\u0061\": 2}") << u"duplicate_key"_qs;
        QTest::newRow("escaped quote duplicate") << QByteArray("{\"\\\"\": 1, \"\\u0022\": 2}") << u"duplicate_key"_qs;
        QTest::newRow("surrogate pair duplicate") << QByteArray("{\"\xf0\x9f\x98\x80\": 1, \"\\ud83d\\ude00\": 2}") << u"duplicate_key"_qs;
        QTest::newRow("nested duplicate") << QByteArray(R"({"x": {"b": 1, "b": 1}})") << u"duplicate_key"_qs;
        QTest::newRow("duplicate inside array") << QByteArray(R"({"u": [{"n": 1, "n": 2}]})") << u"duplicate_key"_qs;
    }

    void broaderMatrix()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        const auto parsed = StrictJson::parseObject(body);
        if (reason.isEmpty()) {
            QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
            QCOMPARE(*parsed, QJsonDocument::fromJson(body).object());
            return;
        }
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, u"json.invalid"_qs);
        QCOMPARE(parsed.error().details.value(u"reason"_qs).toString(), reason);
    }
};

QTEST_GUILESS_MAIN(TestStrictJson)
#include "tst_strictjson.moc"
