// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Paged listings through the real agent (docs/api.md, Paging): versions,
// projects, sources and a version's files answer {"items", "nextCursor"},
// follow their cursors without gaps or repeats, and refuse bad limits and
// cursors that are not this listing's with stable codes.
#include "tests/support/agentfixture.h"
#include "tests/support/zipbuilder.h"

#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::ZipBuilder;

namespace {
const QString kPassword = u"correct horse battery"_qs;
}

class TestPagingApi final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_alice;
    QString m_bob;
    qint64 m_project = 0;
    qint64 m_other = 0;
    qint64 m_version = 0; // of m_project, with the files below
    const QStringList m_paths{u"a.txt"_qs,       u"css/a.css"_qs,  u"css/b.css"_qs, u"css2/x.css"_qs,
                              u"index.html"_qs,  u"js/app.js"_qs,  u"z.txt"_qs};

    HttpTestClient api(const QString &token)
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(token);
        return http;
    }

    qint64 createProject(const QString &token, const QString &name)
    {
        return api(token).post(u"/api/v1/projects"_qs, {{u"name"_qs, name}}).json().value(u"id"_qs).toInteger();
    }

    qint64 deploy(qint64 project, const QByteArray &zip)
    {
        const HttpReply created = api(m_alice).send("POST", u"/api/v1/projects/%1/deploys"_qs.arg(project), zip,
                                                    {{"Content-Type", "application/zip"}});
        return created.status == 201 ? created.json().value(u"id"_qs).toInteger() : 0;
    }

    // Every page of `path` with `limit`, following nextCursor; each row's `field`.
    QStringList walk(const QString &token, const QString &path, int limit, const QString &field, int *pages = nullptr)
    {
        QStringList seen;
        QString cursor;
        const QChar join = path.contains(u'?') ? u'&' : u'?';
        for (int page = 1; page < 1000; ++page) {
            QString url = path + join + u"limit=%1"_qs.arg(limit);
            if (!cursor.isEmpty())
                url += u"&cursor="_qs + cursor;
            const HttpReply reply = api(token).get(url);
            if (reply.status != 200)
                return {u"status %1"_qs.arg(reply.status)};
            for (const QJsonValue &item : reply.items())
                seen << item.toObject().value(field).toVariant().toString();
            const QJsonValue next = reply.json().value(u"nextCursor"_qs);
            if (next.isNull()) {
                if (pages)
                    *pages = page;
                return seen;
            }
            cursor = next.toString();
        }
        return {u"endless"_qs};
    }

    QString firstCursor(const QString &token, const QString &path)
    {
        return api(token).get(path).json().value(u"nextCursor"_qs).toString();
    }

    void expectRefusal(const QString &token, const QString &path, const QString &code, const QString &reason = {})
    {
        const HttpReply reply = api(token).get(path);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), code);
        if (!reason.isEmpty())
            QCOMPARE(reply.json().value(u"error"_qs).toObject().value(u"details"_qs).toObject().value(u"reason"_qs).toString(), reason);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.retainVersions = 20;
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"alice@example.com"_qs, kPassword));
        QVERIFY(m_agent->addUser(u"bob@example.com"_qs, kPassword));
        m_alice = m_agent->login(u"alice@example.com"_qs, kPassword);
        m_bob = m_agent->login(u"bob@example.com"_qs, kPassword);
        m_project = createProject(m_alice, u"Site"_qs);
        m_other = createProject(m_alice, u"Other"_qs);
        QVERIFY(m_project > 0 && m_other > 0);
        ZipBuilder zip;
        for (const QString &path : m_paths)
            zip.file(path.toUtf8(), "content of " + path.toUtf8());
        m_version = deploy(m_project, zip.build());
        QVERIFY(m_version > 0);
        for (int i = 2; i <= 7; ++i)
            QVERIFY(deploy(m_project, ZipBuilder().file("index.html", QByteArray::number(i)).build()) > 0);
        QVERIFY(deploy(m_other, ZipBuilder().file("index.html", "other").build()) > 0);
    }

    void cleanupTestCase() { m_agent.reset(); }

    void versionsPageNewestFirstWithoutGapsOrRepeats()
    {
        int pages = 0;
        const QStringList numbers = walk(m_alice, u"/api/v1/projects/%1/deploys"_qs.arg(m_project), 3, u"number"_qs, &pages);
        QCOMPARE(numbers, (QStringList{u"7"_qs, u"6"_qs, u"5"_qs, u"4"_qs, u"3"_qs, u"2"_qs, u"1"_qs}));
        QCOMPARE(pages, 3);
        const HttpReply first = api(m_alice).get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project));
        QCOMPARE(first.items().size(), 7); // the default limit (50) holds them all
        QVERIFY(first.json().value(u"nextCursor"_qs).isNull());
    }

    void aVersionArrivingBetweenPagesShiftsNothing()
    {
        const QString path = u"/api/v1/projects/%1/deploys?limit=1"_qs.arg(m_other);
        QVERIFY(deploy(m_other, ZipBuilder().file("index.html", "2").build()) > 0);
        const QString cursor = firstCursor(m_alice, path); // after number 2
        QVERIFY(!cursor.isEmpty());
        QVERIFY(deploy(m_other, ZipBuilder().file("index.html", "3").build()) > 0);
        const HttpReply next = api(m_alice).get(path + u"&cursor="_qs + cursor);
        QCOMPARE(next.status, 200);
        QCOMPARE(next.items().size(), 1); // number 3 is newer than the cursor: it is on a fresh first page
        QCOMPARE(next.items().first().toObject().value(u"number"_qs).toInt(), 1);
        QVERIFY(next.json().value(u"nextCursor"_qs).isNull());
    }

    void versionDetailCountsButDoesNotEmbedFiles()
    {
        const HttpReply detail = api(m_alice).get(u"/api/v1/deploys/%1"_qs.arg(m_version));
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.json().value(u"fileCount"_qs).toInt(), m_paths.size());
        QVERIFY(detail.json().value(u"totalBytes"_qs).toInteger() > 0);
        QVERIFY(!detail.json().contains(u"files"_qs));
    }

    void filesPageByPathWithSizesAndHashes()
    {
        const QString path = u"/api/v1/deploys/%1/files"_qs.arg(m_version);
        QCOMPARE(walk(m_alice, path, 2, u"path"_qs), m_paths);
        QCOMPARE(walk(m_alice, path, 10000, u"path"_qs), m_paths);
        const QJsonObject first = api(m_alice).get(path + u"?limit=1"_qs).items().first().toObject();
        QCOMPARE(first.value(u"path"_qs).toString(), u"a.txt"_qs);
        QCOMPARE(first.value(u"size"_qs).toInt(), int(QByteArray("content of a.txt").size()));
        QCOMPARE(first.value(u"sha256"_qs).toString().size(), 64);
    }

    void aDefaultFilePageStaysSmall()
    {
        ZipBuilder zip;
        for (int i = 0; i <= 1000; ++i) // one more than a default page
            zip.file(u"assets/section-%1/fingerprinted-name-%2.css"_qs.arg(i % 10).arg(i, 4, 10, QChar(u'0')).toUtf8(), "x");
        const qint64 version = deploy(m_other, zip.build());
        QVERIFY(version > 0);
        const HttpReply page = api(m_alice).get(u"/api/v1/deploys/%1/files"_qs.arg(version));
        QCOMPARE(page.items().size(), 1000);
        QVERIFY(page.json().value(u"nextCursor"_qs).isString());
        QVERIFY2(page.body.size() < 300 * 1024, qPrintable(QString::number(page.body.size())));
        const HttpReply rest = api(m_alice).get(u"/api/v1/deploys/%1/files?cursor="_qs.arg(version)
                                                + page.json().value(u"nextCursor"_qs).toString());
        QCOMPARE(rest.items().size(), 1);
        QVERIFY(rest.json().value(u"nextCursor"_qs).isNull());
    }

    void filesUnderAPrefix()
    {
        const QString path = u"/api/v1/deploys/%1/files?prefix=css/"_qs.arg(m_version);
        QCOMPARE(walk(m_alice, path, 1, u"path"_qs), (QStringList{u"css/a.css"_qs, u"css/b.css"_qs}));
        QCOMPARE(walk(m_alice, path.chopped(1), 10, u"path"_qs),
                 (QStringList{u"css/a.css"_qs, u"css/b.css"_qs, u"css2/x.css"_qs}));
        QCOMPARE(walk(m_alice, u"/api/v1/deploys/%1/files?prefix=nothing/"_qs.arg(m_version), 10, u"path"_qs),
                 QStringList());
        const QString tooLong = u"/api/v1/deploys/%1/files?prefix="_qs.arg(m_version) + QString(1025, u'a');
        QCOMPARE(api(m_alice).get(tooLong).errorCode(), u"request.invalid_field"_qs);
    }

    void projectsPageWithTiesInCreationTime()
    {
        // The fake clock stands still: every project has the same createdAt,
        // so the id breaks the tie.
        for (int i = 0; i < 3; ++i)
            QVERIFY(createProject(m_bob, u"Bob %1"_qs.arg(i)) > 0);
        int pages = 0;
        const QStringList names = walk(m_bob, u"/api/v1/projects"_qs, 2, u"name"_qs, &pages);
        QCOMPARE(names, (QStringList{u"Bob 2"_qs, u"Bob 1"_qs, u"Bob 0"_qs}));
        QCOMPARE(pages, 2);
        // Bob sees none of Alice's; Alice, the first account, is the operator and sees every project.
        QCOMPARE(walk(m_alice, u"/api/v1/projects"_qs, 1, u"name"_qs),
                 (QStringList{u"Bob 2"_qs, u"Bob 1"_qs, u"Bob 0"_qs, u"Other"_qs, u"Site"_qs}));
    }

    void sourcesPage()
    {
        for (int i = 0; i < 3; ++i) {
            const HttpReply source =
                api(m_alice).send("POST", u"/api/v1/projects/%1/sources"_qs.arg(m_other),
                                  ZipBuilder().file("index.html", QByteArray::number(i)).build(),
                                  {{"Content-Type", "application/zip"}});
            QCOMPARE(source.status, 201);
        }
        QCOMPARE(walk(m_alice, u"/api/v1/projects/%1/sources"_qs.arg(m_other), 2, u"number"_qs),
                 (QStringList{u"3"_qs, u"2"_qs, u"1"_qs}));
        const HttpReply builds = api(m_alice).get(u"/api/v1/projects/%1/builds"_qs.arg(m_other));
        QCOMPARE(builds.status, 200);
        QCOMPARE(builds.json(), (QJsonObject{{u"items"_qs, QJsonArray()}, {u"nextCursor"_qs, QJsonValue::Null}}));
    }

    void badLimitsAreRefused_data()
    {
        QTest::addColumn<QString>("path");
        const QString deploys = u"/api/v1/projects/%1/deploys?limit="_qs.arg(m_project);
        for (const QString &limit : {u"0"_qs, u"-1"_qs, u"201"_qs, u"abc"_qs, u"1.5"_qs, u"+3"_qs, u"%203"_qs, u""_qs,
                                     u"99999999999"_qs})
            QTest::newRow(qPrintable(u"deploys "_qs + limit)) << deploys + limit;
        QTest::newRow("projects") << u"/api/v1/projects?limit=1000"_qs;
        QTest::newRow("sources") << u"/api/v1/projects/%1/sources?limit=0"_qs.arg(m_project);
        QTest::newRow("builds") << u"/api/v1/projects/%1/builds?limit=201"_qs.arg(m_project);
        QTest::newRow("files") << u"/api/v1/deploys/%1/files?limit=10001"_qs.arg(m_version);
    }

    void badLimitsAreRefused()
    {
        QFETCH(QString, path);
        const HttpReply reply = api(m_alice).get(path);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), u"request.invalid_limit"_qs);
        QVERIFY(reply.json().value(u"error"_qs).toObject().value(u"details"_qs).toObject().value(u"max"_qs).toInt() >= 200);
    }

    void malformedOrTamperedCursorsAreRefused()
    {
        const QString path = u"/api/v1/projects/%1/deploys?limit=2"_qs.arg(m_project);
        const QString cursor = firstCursor(m_alice, path);
        QVERIFY(!cursor.isEmpty());
        for (const QString &bad : {u"garbage!"_qs, u"AAAA"_qs, cursor.left(cursor.size() - 3),
                                   QString(cursor).replace(2, 1, cursor[2] == u'x' ? u'y' : u'x'),
                                   QString::fromLatin1(QByteArray("{\"v\":1}").toBase64(QByteArray::Base64UrlEncoding)),
                                   QString(5000, u'A')})
            expectRefusal(m_alice, path + u"&cursor="_qs + bad, u"request.invalid_cursor"_qs, u"malformed"_qs);
    }

    void cursorsOfOtherListingsAreRefused()
    {
        const QString deploys = firstCursor(m_alice, u"/api/v1/projects/%1/deploys?limit=1"_qs.arg(m_project));
        const QString files = firstCursor(m_alice, u"/api/v1/deploys/%1/files?limit=1"_qs.arg(m_version));
        QVERIFY(!deploys.isEmpty() && !files.isEmpty());
        const QString otherDeploys = u"/api/v1/projects/%1/deploys?cursor="_qs.arg(m_other);
        expectRefusal(m_alice, otherDeploys + deploys, u"request.invalid_cursor"_qs, u"other_listing"_qs);
        expectRefusal(m_alice, u"/api/v1/deploys/%1/files?cursor="_qs.arg(m_version) + deploys,
                      u"request.invalid_cursor"_qs, u"other_listing"_qs);
        expectRefusal(m_alice, u"/api/v1/projects/%1/sources?cursor="_qs.arg(m_project) + deploys,
                      u"request.invalid_cursor"_qs, u"other_listing"_qs);
        expectRefusal(m_alice, u"/api/v1/projects/%1/deploys?cursor="_qs.arg(m_project) + files,
                      u"request.invalid_cursor"_qs, u"other_listing"_qs);
    }

    void aCursorShowsNobodyElsesRows()
    {
        // Bob's project cursor on Alice's listing is another listing...
        const QString bobs = firstCursor(m_bob, u"/api/v1/projects?limit=1"_qs);
        QVERIFY(!bobs.isEmpty());
        expectRefusal(m_alice, u"/api/v1/projects?cursor="_qs + bobs, u"request.invalid_cursor"_qs, u"other_listing"_qs);
        // ...and Alice's version cursor does not open her project to Bob.
        const QString alices = firstCursor(m_alice, u"/api/v1/projects/%1/deploys?limit=1"_qs.arg(m_project));
        const HttpReply refused = api(m_bob).get(u"/api/v1/projects/%1/deploys?cursor="_qs.arg(m_project) + alices);
        QCOMPARE(refused.status, 404);
        QCOMPARE(refused.errorCode(), u"project.not_found"_qs);
        const HttpReply files = api(m_bob).get(u"/api/v1/deploys/%1/files"_qs.arg(m_version));
        QCOMPARE(files.status, 404);
        QCOMPARE(files.errorCode(), u"deploy.not_found"_qs);
    }

    void aScopedTokenListsItsProjectOnly()
    {
        const HttpReply token = api(m_alice).post(
            u"/api/v1/tokens"_qs, {{u"name"_qs, u"ci"_qs}, {u"capabilities"_qs, QJsonArray{u"read"_qs}}, {u"projectId"_qs, m_other}});
        QCOMPARE(token.status, 201);
        QCOMPARE(walk(token.json().value(u"secret"_qs).toString(), u"/api/v1/projects"_qs, 1, u"name"_qs),
                 QStringList{u"Other"_qs});
    }
};

QTEST_GUILESS_MAIN(TestPagingApi)
#include "tst_pagingapi.moc"
