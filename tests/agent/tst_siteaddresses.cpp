// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Where a project is served: its domain, its aliases (redirected to the
// domain), its staging host and a preview host per retained version, as the
// API announces them and as a visitor meets them on the site listener.
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/zipbuilder.h"

#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::ZipBuilder;

namespace {
const QString kPassword = u"correct horse battery"_qs;
}

class TestSiteAddresses final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    qint64 m_project = 0;
    QString m_slug;

    HttpTestClient api()
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_token);
        return http;
    }

    HttpReply patch(const QJsonObject &body, qint64 project = 0)
    {
        return api().patch(u"/api/v1/projects/%1"_qs.arg(project ? project : m_project), body);
    }

    QJsonObject deploy(const QByteArray &page, bool activate)
    {
        const QByteArray zip = ZipBuilder().file("index.html", page).build();
        const HttpReply reply =
            api().send("POST", u"/api/v1/projects/%1/deploys%2"_qs.arg(m_project).arg(activate ? u"?activate=true"_qs : QString()),
                       zip, {{"Content-Type", "application/zip"}});
        if (reply.status != 201)
            qWarning() << reply.status << reply.body;
        return reply.json();
    }

    RawResponse visit(const QByteArray &host, const QByteArray &target = "/", const QByteArray &fields = {})
    {
        RawTcpClient client;
        if (!client.connectTo(m_agent->sitePort())
            || !client.send("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + fields + "\r\n"))
            return {};
        return client.readResponse(10000).value_or(RawResponse());
    }

    QByteArray previewHost(qint64 number) const { return QByteArray::number(number) + "--" + m_slug.toLatin1() + ".localhost"; }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        const HttpReply created = api().post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Shop"_qs},
                                                                                 {u"domain"_qs, u"www.shop.test"_qs}});
        QCOMPARE(created.status, 201);
        m_project = created.json().value(u"id"_qs).toInteger();
        m_slug = created.json().value(u"slug"_qs).toString();
        QCOMPARE(created.json().value(u"aliases"_qs).toArray(), QJsonArray());
        QCOMPARE(deploy("<h1>one</h1>", true).value(u"number"_qs).toInt(), 1);
    }

    void cleanupTestCase() { m_agent.reset(); }

    void projectAnnouncesItsAddresses()
    {
        const QJsonObject project = api().get(u"/api/v1/projects/%1"_qs.arg(m_project)).json();
        const QString port = QString::number(m_agent->sitePort());
        const QJsonObject urls = project.value(u"urls"_qs).toObject();
        QCOMPARE(urls.value(u"production"_qs).toString(), u"http://www.shop.test:"_qs + port + u'/');
        QCOMPARE(urls.value(u"staging"_qs).toString(), u"http://"_qs + m_slug + u".localhost:"_qs + port + u'/');
        QCOMPARE(patch(QJsonObject{{u"domain"_qs, QJsonValue::Null}}).json().value(u"urls"_qs).toObject().value(u"production"_qs),
                 QJsonValue(QJsonValue::Null));
        QCOMPARE(patch(QJsonObject{{u"domain"_qs, u"www.shop.test"_qs}}).status, 200);
    }

    void aliasesRedirectToTheDomain()
    {
        const HttpReply reply = patch(QJsonObject{{u"aliases"_qs, QJsonArray{u"Shop.Test."_qs, u"old-shop.example"_qs}}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"aliases"_qs).toArray(), (QJsonArray{u"shop.test"_qs, u"old-shop.example"_qs}));

        const QByteArray port = QByteArray::number(m_agent->sitePort());
        const RawResponse moved = visit("shop.test:" + port, "/a%20b/c?x=1&y=%2F");
        QCOMPARE(moved.status, 301);
        QCOMPARE(moved.header("Location"), "http://www.shop.test:" + port + "/a%20b/c?x=1&y=%2F");
        QCOMPARE(visit("old-shop.example").header("Location"), QByteArray("http://www.shop.test/"));
        QCOMPARE(visit("old-shop.example", "//evil.test/x").header("Location"), QByteArray("http://www.shop.test/evil.test/x"));
        QCOMPARE(visit("www.shop.test").body, QByteArray("<h1>one</h1>"));

        QCOMPARE(patch(QJsonObject{{u"aliases"_qs, QJsonArray()}}).status, 200);
        QCOMPARE(visit("shop.test").status, 404);
    }

    void aliasRefusals_data()
    {
        QTest::addColumn<QJsonValue>("aliases");
        QTest::addColumn<QString>("reason");
        QJsonArray eleven;
        for (int i = 0; i < 11; ++i)
            eleven.append(u"a%1.example"_qs.arg(i));
        QTest::newRow("not an array") << QJsonValue(u"shop.test"_qs) << u"not_array"_qs;
        QTest::newRow("not a string") << QJsonValue(QJsonArray{1}) << u"not_string"_qs;
        QTest::newRow("single label") << QJsonValue(QJsonArray{u"shop"_qs}) << u"single_label"_qs;
        QTest::newRow("ip address") << QJsonValue(QJsonArray{u"192.0.2.1"_qs}) << QString();
        QTest::newRow("staging name") << QJsonValue(QJsonArray{u"x.localhost"_qs}) << u"reserved"_qs;
        QTest::newRow("duplicate") << QJsonValue(QJsonArray{u"a.example"_qs, u"A.example"_qs}) << u"duplicate"_qs;
        QTest::newRow("the domain itself") << QJsonValue(QJsonArray{u"www.shop.test"_qs}) << u"same_as_domain"_qs;
        QTest::newRow("eleven") << QJsonValue(eleven) << u"too_many"_qs;
    }

    void aliasRefusals()
    {
        QFETCH(QJsonValue, aliases);
        QFETCH(QString, reason);
        const HttpReply reply = patch(QJsonObject{{u"aliases"_qs, aliases}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), u"project.invalid_aliases"_qs);
        if (!reason.isEmpty())
            QCOMPARE(reply.json().value(u"error"_qs).toObject().value(u"details"_qs).toObject().value(u"reason"_qs).toString(),
                     reason);
        QCOMPARE(api().get(u"/api/v1/projects/%1"_qs.arg(m_project)).json().value(u"aliases"_qs).toArray(), QJsonArray());
    }

    // One host names one project, as a domain or an alias, whichever came first.
    void hostsBelongToOneProject()
    {
        const HttpReply other = api().post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Other"_qs},
                                                                               {u"domain"_qs, u"www.other.test"_qs}});
        const qint64 otherId = other.json().value(u"id"_qs).toInteger();
        QCOMPARE(patch(QJsonObject{{u"aliases"_qs, QJsonArray{u"shop.test"_qs}}}).status, 200);

        QCOMPARE(patch(QJsonObject{{u"aliases"_qs, QJsonArray{u"shop.test"_qs}}}, otherId).errorCode(), u"project.domain_taken"_qs);
        QCOMPARE(patch(QJsonObject{{u"aliases"_qs, QJsonArray{u"www.shop.test"_qs}}}, otherId).errorCode(), u"project.domain_taken"_qs);
        QCOMPARE(patch(QJsonObject{{u"domain"_qs, u"shop.test"_qs}}, otherId).errorCode(), u"project.domain_taken"_qs);
        const HttpReply clash = api().post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Third"_qs}, {u"domain"_qs, u"shop.test"_qs}});
        QCOMPARE(clash.errorCode(), u"project.domain_taken"_qs);
        // The refused change left the other project as it was.
        QCOMPARE(api().get(u"/api/v1/projects/%1"_qs.arg(otherId)).json().value(u"domain"_qs).toString(), u"www.other.test"_qs);

        // Swapping the own domain and alias is one change, not a clash.
        const HttpReply swapped = patch(QJsonObject{{u"domain"_qs, u"shop.test"_qs}, {u"aliases"_qs, QJsonArray{u"www.shop.test"_qs}}});
        QCOMPARE(swapped.status, 200);
        QCOMPARE(visit("www.shop.test").header("Location"), QByteArray("http://shop.test/"));
        QCOMPARE(patch(QJsonObject{{u"domain"_qs, u"www.shop.test"_qs}, {u"aliases"_qs, QJsonArray()}}).status, 200);

        // Aliases need a domain to point to.
        QCOMPARE(patch(QJsonObject{{u"aliases"_qs, QJsonArray{u"shop.test"_qs}}}).status, 200);
        const HttpReply orphaned = patch(QJsonObject{{u"domain"_qs, QJsonValue::Null}});
        QCOMPARE(orphaned.errorCode(), u"project.invalid_aliases"_qs);
        QCOMPARE(patch(QJsonObject{{u"aliases"_qs, QJsonArray()}}).status, 200);
        // Deleting a project frees its hosts.
        QCOMPARE(patch(QJsonObject{{u"aliases"_qs, QJsonArray{u"old.other.test"_qs}}}, otherId).status, 200);
        QCOMPARE(api().del(u"/api/v1/projects/%1"_qs.arg(otherId)).status, 204);
        QCOMPARE(patch(QJsonObject{{u"aliases"_qs, QJsonArray{u"old.other.test"_qs}}}).status, 200);
        QCOMPARE(patch(QJsonObject{{u"aliases"_qs, QJsonArray()}}).status, 200);
    }

    void everyRetainedVersionHasAPreview()
    {
        const QJsonObject second = deploy("<h1>two</h1>", false);
        const qint64 number = second.value(u"number"_qs).toInteger();
        const QString url = second.value(u"previewUrl"_qs).toString();
        QCOMPARE(url, u"http://"_qs + QString::fromLatin1(previewHost(number)) + u':' + QString::number(m_agent->sitePort()) + u'/');

        const RawResponse preview = visit(previewHost(number));
        QCOMPARE(preview.status, 200);
        QCOMPARE(preview.body, QByteArray("<h1>two</h1>"));
        QCOMPARE(preview.header("X-Robots-Tag"), QByteArray("noindex"));
        QCOMPARE(preview.header("X-DDD-Version"), QByteArray::number(number));
        // The live site is unchanged and not marked.
        QCOMPARE(visit("www.shop.test").body, QByteArray("<h1>one</h1>"));
        QVERIFY(visit("www.shop.test").header("X-Robots-Tag").isNull());
        QCOMPARE(visit(previewHost(1)).body, QByteArray("<h1>one</h1>"));

        const QJsonArray listed = api().get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)).items();
        QVERIFY(listed.first().toObject().contains(u"previewUrl"_qs));

        QCOMPARE(api().del(u"/api/v1/deploys/%1"_qs.arg(second.value(u"id"_qs).toInteger())).status, 204);
        QCOMPARE(visit(previewHost(number)).status, 404);
    }

    void unknownPreviewHostsAreNotFound_data()
    {
        QTest::addColumn<QByteArray>("label");
        QTest::newRow("no such number") << QByteArray("99--") + "SLUG";
        QTest::newRow("leading zero") << QByteArray("01--") + "SLUG";
        QTest::newRow("no number") << QByteArray("--") + "SLUG";
        QTest::newRow("no such slug") << QByteArray("1--nosuchslug");
        QTest::newRow("not a number") << QByteArray("x1--") + "SLUG";
    }

    void unknownPreviewHostsAreNotFound()
    {
        QFETCH(QByteArray, label);
        label.replace("SLUG", m_slug.toLatin1());
        QCOMPARE(visit(label + ".localhost").status, 404);
    }

    // Previews count as staging: with the password on staging only, the
    // production domain stays public while previews ask for it, and a
    // password change applies to a preview already looked at.
    void previewsAreProtectedLikeStaging()
    {
        QCOMPARE(visit(previewHost(1)).status, 200);
        const QJsonObject sitePassword{{u"enabled"_qs, true}, {u"scope"_qs, u"staging"_qs},
                                       {u"users"_qs, QJsonArray{QJsonObject{{u"username"_qs, u"ann"_qs},
                                                                            {u"password"_qs, u"ann-password"_qs}}}}};
        QCOMPARE(patch(QJsonObject{{u"settings"_qs, QJsonObject{{u"sitePassword"_qs, sitePassword}}}}).status, 200);
        QCOMPARE(visit("www.shop.test").status, 200);
        const RawResponse refused = visit(previewHost(1));
        QCOMPARE(refused.status, 401);
        QVERIFY(!refused.body.contains("one"));
        const QByteArray ann = "Authorization: Basic " + QByteArray("ann:ann-password").toBase64() + "\r\n";
        QCOMPARE(visit(previewHost(1), "/", ann).status, 200);
        QCOMPARE(patch(QJsonObject{{u"settings"_qs, QJsonObject{{u"sitePassword"_qs, QJsonObject{{u"enabled"_qs, false}}}}}}).status, 200);
        QCOMPARE(visit(previewHost(1)).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSiteAddresses)
#include "tst_siteaddresses.moc"
