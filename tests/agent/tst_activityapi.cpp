// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// A project's activity log through the real agent (docs/api.md, Activity):
// the services record deploys made and refused, activations, rollbacks,
// pins, deletions, settings changes and the project's API tokens, with actor,
// time, version and outcome; the route pages and filters them, refuses bad
// filters, limits and cursors with stable codes, hides other people's
// projects, and keeps only activity.retain_entries per project.
#include "tests/support/agentfixture.h"
#include "tests/support/zipbuilder.h"

#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::ZipBuilder;

namespace {
const QString kPassword = u"correct horse battery"_qs;

QStringList column(const QJsonArray &items, const QString &field)
{
    QStringList values;
    for (const QJsonValue &item : items)
        values << item.toObject().value(field).toVariant().toString();
    return values;
}
} // namespace

class TestActivityApi final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_alice;
    QString m_bob;
    qint64 m_project = 0;

    HttpTestClient api(const QString &token)
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(token);
        return http;
    }

    QString path(const QString &query = {}) const
    {
        return u"/api/v1/projects/%1/activity"_qs.arg(m_project) + query;
    }

    HttpReply deploy(const QByteArray &archive, bool activate)
    {
        return api(m_alice).send("POST", u"/api/v1/projects/%1/deploys%2"_qs.arg(m_project).arg(activate ? u"?activate=true"_qs : QString()),
                                 archive, {{"Content-Type", "application/zip"}});
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.activityRetainEntries = 14;
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"alice@example.com"_qs, kPassword));
        QVERIFY(m_agent->addUser(u"bob@example.com"_qs, kPassword));
        m_alice = m_agent->login(u"alice@example.com"_qs, kPassword);
        m_bob = m_agent->login(u"bob@example.com"_qs, kPassword);
        m_project = api(m_alice).post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Shop"_qs}}).json().value(u"id"_qs).toInteger();
        QVERIFY(m_project > 0);
    }

    void cleanupTestCase() { m_agent.reset(); }

    void recordsEachEventWithActorVersionAndOutcome()
    {
        const qint64 v1 = deploy(ZipBuilder().file("index.html", "one").build(), true).json().value(u"id"_qs).toInteger();
        const qint64 v2 = deploy(ZipBuilder().file("index.html", "two").build(), false).json().value(u"id"_qs).toInteger();
        QVERIFY(v1 > 0 && v2 > 0);
        QCOMPARE(deploy(ZipBuilder().file("index.html", "a").file("INDEX.html", "b").build(), false).status, 400);
        QCOMPARE(api(m_alice).send("POST", u"/api/v1/deploys/%1/activate"_qs.arg(v2)).status, 200);
        QCOMPARE(api(m_alice).post(u"/api/v1/projects/%1/rollback"_qs.arg(m_project), {}).status, 200);
        QCOMPARE(api(m_alice).patch(u"/api/v1/deploys/%1"_qs.arg(v2), {{u"pinned"_qs, true}}).status, 200);
        QCOMPARE(api(m_alice).patch(u"/api/v1/projects/%1"_qs.arg(m_project),
                                    {{u"settings"_qs, QJsonObject{{u"spaMode"_qs, true}}}}).status, 200);
        QCOMPARE(api(m_alice).patch(u"/api/v1/projects/%1"_qs.arg(m_project),
                                    {{u"settings"_qs, QJsonObject{{u"spaMode"_qs, u"yes"_qs}}}}).status, 400);
        const HttpReply token = api(m_alice).post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"ci"_qs},
                                                                         {u"capabilities"_qs, QJsonArray{u"read"_qs}},
                                                                         {u"projectId"_qs, m_project}});
        QCOMPARE(token.status, 201);
        const qint64 tokenId = token.json().value(u"token"_qs).toObject().value(u"id"_qs).toInteger();
        QCOMPARE(api(m_alice).del(u"/api/v1/tokens/%1"_qs.arg(tokenId)).status, 204);
        QCOMPARE(api(m_alice).patch(u"/api/v1/deploys/%1"_qs.arg(v2), {{u"pinned"_qs, false}}).status, 200);
        QCOMPARE(api(m_alice).del(u"/api/v1/deploys/%1"_qs.arg(v2)).status, 204);

        const HttpReply log = api(m_alice).get(path());
        QCOMPARE(log.status, 200);
        const QJsonArray items = log.items();
        QCOMPARE(column(items, u"kind"_qs),
                 (QStringList{u"version.deleted"_qs, u"version.unpinned"_qs, u"token.revoked"_qs, u"token.created"_qs,
                              u"project.updated"_qs, u"project.updated"_qs, u"version.pinned"_qs,
                              u"version.rolled_back"_qs, u"version.activated"_qs, u"deploy.refused"_qs,
                              u"deploy.created"_qs, u"version.activated"_qs, u"deploy.created"_qs}));
        QCOMPARE(column(items, u"version"_qs),
                 (QStringList{u"2"_qs, u"2"_qs, QString(), QString(), QString(), QString(), u"2"_qs, u"1"_qs, u"2"_qs,
                              QString(), u"2"_qs, u"1"_qs, u"1"_qs}));
        QCOMPARE(column(items, u"outcome"_qs).count(u"refused"_qs), 2);
        const QJsonObject refused = items.at(9).toObject();
        QCOMPARE(refused.value(u"outcome"_qs).toString(), u"refused"_qs);
        QCOMPARE(refused.value(u"code"_qs).toString(), u"archive.case_collision"_qs);
        QCOMPARE(refused.value(u"detail"_qs).toObject().value(u"refusal"_qs).toObject().value(u"collidesWith"_qs).toString(),
                 u"index.html"_qs);
        const QJsonObject badSettings = items.at(4).toObject();
        QCOMPARE(badSettings.value(u"code"_qs).toString(), u"project.invalid_settings"_qs);
        QCOMPARE(badSettings.value(u"detail"_qs).toObject().value(u"fields"_qs).toArray(), QJsonArray{u"settings.spaMode"_qs});
        const QJsonObject created = items.last().toObject();
        QCOMPARE(created.value(u"actor"_qs).toObject().value(u"email"_qs).toString(), u"alice@example.com"_qs);
        QCOMPARE(created.value(u"actor"_qs).toObject().value(u"via"_qs).toString(), u"session"_qs);
        QCOMPARE(created.value(u"detail"_qs).toObject().value(u"files"_qs).toInt(), 1);
        QVERIFY(created.value(u"at"_qs).toString().endsWith(u'Z'));
        QVERIFY(created.value(u"code"_qs).isNull());
        QCOMPARE(items.at(3).toObject().value(u"detail"_qs).toObject().value(u"token"_qs).toString(), u"ci"_qs);
    }

    void filtersByKindAndVersion()
    {
        QCOMPARE(column(api(m_alice).get(path(u"?kind=version.activated"_qs)).items(), u"version"_qs),
                 (QStringList{u"2"_qs, u"1"_qs}));
        QCOMPARE(column(api(m_alice).get(path(u"?version=1"_qs)).items(), u"kind"_qs),
                 (QStringList{u"version.rolled_back"_qs, u"version.activated"_qs, u"deploy.created"_qs}));
        QCOMPARE(column(api(m_alice).get(path(u"?version=2&kind=deploy.created"_qs)).items(), u"version"_qs),
                 QStringList{u"2"_qs});
        QVERIFY(api(m_alice).get(path(u"?version=99"_qs)).items().isEmpty());
    }

    void refusesBadFiltersLimitsAndCursors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown kind") << u"?kind=everything"_qs << u"request.invalid_field"_qs;
        QTest::newRow("version not a number") << u"?version=v2"_qs << u"request.invalid_field"_qs;
        QTest::newRow("version zero") << u"?version=0"_qs << u"request.invalid_field"_qs;
        QTest::newRow("limit too high") << u"?limit=201"_qs << u"request.invalid_limit"_qs;
        QTest::newRow("garbage cursor") << u"?cursor=xyz"_qs << u"request.invalid_cursor"_qs;
    }

    void refusesBadFiltersLimitsAndCursors()
    {
        QFETCH(QString, query);
        QFETCH(QString, code);
        const HttpReply reply = api(m_alice).get(path(query));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), code);
    }

    void anotherListingsCursorIsRefused()
    {
        deploy(ZipBuilder().file("index.html", "three").build(), false);
        deploy(ZipBuilder().file("index.html", "four").build(), false);
        const QString cursor = api(m_alice).get(u"/api/v1/projects/%1/deploys?limit=1"_qs.arg(m_project))
                                   .json().value(u"nextCursor"_qs).toString();
        QVERIFY(!cursor.isEmpty());
        QCOMPARE(api(m_alice).get(path(u"?cursor="_qs + cursor)).errorCode(), u"request.invalid_cursor"_qs);
    }

    void pagesWithoutGapsOrRepeats()
    {
        const QStringList all = column(api(m_alice).get(path()).items(), u"id"_qs);
        QStringList walked;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            const HttpReply reply = api(m_alice).get(path(u"?limit=5"_qs + (cursor.isEmpty() ? QString() : u"&cursor="_qs + cursor)));
            QCOMPARE(reply.status, 200);
            walked += column(reply.items(), u"id"_qs);
            if (reply.json().value(u"nextCursor"_qs).isNull())
                break;
            cursor = reply.json().value(u"nextCursor"_qs).toString();
        }
        QCOMPARE(walked, all);
    }

    void keepsOnlyTheNewestEntries()
    {
        // retain_entries is 14 here: the two deploys above (15 entries in
        // all) pushed the first one, v1's creation, out.
        const QJsonArray items = api(m_alice).get(path()).items();
        QCOMPARE(items.size(), 14);
        QCOMPARE(items.first().toObject().value(u"kind"_qs).toString(), u"deploy.created"_qs);
        QCOMPARE(items.first().toObject().value(u"version"_qs).toInt(), 4);
        QCOMPARE(items.last().toObject().value(u"kind"_qs).toString(), u"version.activated"_qs);
        QCOMPARE(items.last().toObject().value(u"version"_qs).toInt(), 1);
    }

    void anotherUsersProjectIsNotFound()
    {
        const HttpReply reply = api(m_bob).get(path());
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), u"project.not_found"_qs);
        QCOMPARE(api(QString()).get(path()).status, 401);
    }

    void aTokenNeedsTheReadCapability()
    {
        const HttpReply token = api(m_alice).post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"deployer"_qs},
                                                                         {u"capabilities"_qs, QJsonArray{u"deploy"_qs}}});
        QCOMPARE(token.status, 201);
        const HttpReply reply = api(token.json().value(u"secret"_qs).toString()).get(path());
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), u"auth.forbidden"_qs);
        const QString secret = token.json().value(u"secret"_qs).toString();
        QCOMPARE(api(secret).send("POST", u"/api/v1/projects/%1/deploys"_qs.arg(m_project),
                                  ZipBuilder().file("index.html", "by token").build(),
                                  {{"Content-Type", "application/zip"}}).status, 201);
        const QJsonObject newest = api(m_alice).get(path(u"?limit=1"_qs)).items().first().toObject();
        QCOMPARE(newest.value(u"actor"_qs).toObject().value(u"via"_qs).toString(), u"token"_qs);
        QCOMPARE(newest.value(u"actor"_qs).toObject().value(u"email"_qs).toString(), u"alice@example.com"_qs);
    }

    // The requests of one run of a project token are one sign-in; the next
    // use after an hour unused is another.
    void recordsSignInsWithAProjectToken()
    {
        const HttpReply created = api(m_alice).post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"deploy bot"_qs},
                                                                           {u"capabilities"_qs, QJsonArray{u"read"_qs}},
                                                                           {u"projectId"_qs, m_project}});
        QCOMPARE(created.status, 201);
        const QString secret = created.json().value(u"secret"_qs).toString();
        QVERIFY(!secret.isEmpty());
        const QString project = u"/api/v1/projects/%1"_qs.arg(m_project);
        // Alice's login token lives 15 minutes on the agent's clock: she signs
        // in again for each look.
        const auto signIns = [&] {
            return api(m_agent->login(u"alice@example.com"_qs, kPassword)).get(path(u"?kind=token.used"_qs)).items();
        };
        for (int request = 0; request < 3; ++request)
            QCOMPARE(api(secret).get(project).status, 200);
        m_agent->clock.advanceMs(10 * 60 * 1000);
        QCOMPARE(api(secret).get(project).status, 200);
        QCOMPARE(signIns().size(), 1);
        m_agent->clock.advanceMs(61 * 60 * 1000);
        QCOMPARE(api(secret).get(project).status, 200);
        const QJsonArray entries = signIns();
        QCOMPARE(entries.size(), 2);
        const QJsonObject latest = entries.first().toObject();
        QCOMPARE(latest.value(u"actor"_qs).toObject().value(u"via"_qs).toString(), u"token"_qs);
        QCOMPARE(latest.value(u"actor"_qs).toObject().value(u"email"_qs).toString(), u"alice@example.com"_qs);
        QCOMPARE(latest.value(u"detail"_qs).toObject().value(u"token"_qs).toString(), u"deploy bot"_qs);
    }
};

QTEST_GUILESS_MAIN(TestActivityApi)
#include "tst_activityapi.moc"
