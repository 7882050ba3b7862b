// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/headers.h"

#include <QtTest>

using ddd::agent::http::Headers;

// Header fields as handlers build them: names without case, set() leaving
// exactly one field of a name, literals referenced and still behaving as values.
class TestHeaders final : public QObject
{
    Q_OBJECT

private slots:
    void setAddsANewField()
    {
        Headers headers;
        headers.add("Date", "today");
        headers.set("ETag", "\"a\"");
        QCOMPARE(headers.all().size(), 2);
        QCOMPARE(headers.value("etag"), QByteArray("\"a\""));
    }

    void setReplacesWhateverTheCase()
    {
        Headers headers;
        headers.add("cache-control", "no-cache");
        headers.add("Vary", "Accept");
        headers.set("Cache-Control", "private");
        QCOMPARE(headers.count("Cache-Control"), 1);
        QCOMPARE(headers.value("Cache-Control"), QByteArray("private"));
        QCOMPARE(headers.all().at(0).first, QByteArray("Cache-Control")); // the new spelling
        QCOMPARE(headers.value("Vary"), QByteArray("Accept"));
    }

    void setLeavesOneOfRepeatedFields()
    {
        Headers headers;
        headers.add("Link", "<a>");
        headers.add("X-Other", "1");
        headers.add("link", "<b>");
        headers.add("LINK", "<c>");
        headers.add("X-Last", "2");
        headers.set("Link", "<d>");
        QCOMPARE(headers.values("Link"), QList<QByteArray>{"<d>"});
        QCOMPARE(headers.all().size(), 3);
        QCOMPARE(headers.value("X-Other"), QByteArray("1"));
        QCOMPARE(headers.value("X-Last"), QByteArray("2"));
    }

    void literalValuesAreValuesLikeAnyOther()
    {
        Headers headers;
        headers.set("Cache-Control", "public");
        QByteArray policy = headers.value("Cache-Control");
        policy.append(", max-age=60"); // detaches: the literal is never written to
        QCOMPARE(policy, QByteArray("public, max-age=60"));
        QCOMPARE(headers.value("Cache-Control"), QByteArray("public"));
    }

    void removeTakesEveryField()
    {
        Headers headers;
        headers.add("Accept", "a");
        headers.add("accept", "b");
        headers.remove("ACCEPT");
        QVERIFY(!headers.contains("Accept"));
        QVERIFY(headers.all().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHeaders)
#include "tst_headers.moc"
