// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Outgoing webhooks delivered over real sockets to a loopback receiver
// (docs/webhooks.md): every event type arrives signed (checked here with
// Qt's own HMAC, not the agent's), a 500 is retried on the schedule until a
// 2xx, the whole backoff schedule ends in "failed", redirects are not
// followed, a delivery in flight when the agent stops goes out after the
// restart, the address is checked again at send time, redelivery keeps the
// event id, and the delivery log pages newest first and stays bounded.
// Time is the agent's FakeClock: retries are made due by moving it.
#include "tests/agent/buildtestkit.h"
#include "core/model/webhook.h"
#include "tests/agent/webhookreceiver.h"
#include "tests/support/agentfixture.h"
#include "tests/support/zipbuilder.h"

#include <QMessageAuthenticationCode>
#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::BuildApi;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::WebhookReceiver;
using ddd::test::ZipBuilder;

namespace {
const QString kPassword = u"correct horse battery"_qs;
const QList<qint64> kSchedule = {60, 300, 1800, 7200, 21600};
} // namespace

class TestWebhookDelivery final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    std::unique_ptr<WebhookReceiver> m_receiver;

    HttpTestClient api() const
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_token);
        return http;
    }

    qint64 createProject(const QString &name) const
    {
        return api().post(u"/api/v1/projects"_qs, {{u"name"_qs, name}}).json().value(u"id"_qs).toInteger();
    }

    // A webhook of `project` for `events` at the receiver; answers {id, secret}.
    QJsonObject createHook(qint64 project, const QStringList &events, const QString &path = u"/hook"_qs) const
    {
        return api()
            .post(u"/api/v1/projects/%1/webhooks"_qs.arg(project),
                  {{u"url"_qs, m_receiver->url(path)}, {u"events"_qs, QJsonArray::fromStringList(events)}})
            .json();
    }

    QJsonArray deliveries(qint64 hook, const QString &query = {}) const
    {
        return api().get(u"/api/v1/webhooks/%1/deliveries%2"_qs.arg(hook).arg(query)).items();
    }

    // Polls the log until the newest delivery has made `attempts` attempts.
    QJsonObject waitForAttempts(qint64 hook, int attempts) const
    {
        QJsonObject newest;
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            newest = deliveries(hook).first().toObject();
            if (newest.value(u"attempts"_qs).toInt() >= attempts)
                return newest;
            QTest::qWait(50);
        }
        return newest;
    }

    // The signature as a receiver checks it, with Qt's HMAC and the fake clock.
    bool signedCorrectly(const WebhookReceiver::Request &request, const QString &secret) const
    {
        const QList<QByteArray> parts = request.headers.value("x-ddd-signature").split(',');
        if (parts.size() != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("v1="))
            return false;
        const QByteArray t = parts[0].mid(2);
        const qint64 now = m_agent->clock.nowMs() / 1000;
        if (std::abs(now - t.toLongLong()) > 300)
            return false;
        const QByteArray expected = QMessageAuthenticationCode::hash(t + '.' + request.body, secret.toUtf8(),
                                                                     QCryptographicHash::Sha256).toHex();
        return parts[1].mid(3) == expected;
    }

    // Moves the agent's time; login tokens live an hour, so sign in again.
    void advance(qint64 ms)
    {
        m_agent->clock.advanceMs(ms);
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        QVERIFY(!m_token.isEmpty());
    }

    static QJsonObject bodyOf(const WebhookReceiver::Request &request)
    {
        return QJsonDocument::fromJson(request.body).object();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_receiver = std::make_unique<WebhookReceiver>();
        QVERIFY(m_receiver->listen());
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.webhooksAllowPrivateTargets = true; // the receiver is on loopback
        m_agent->config.webhooksRetainDeliveries = 10;
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
    }

    void cleanupTestCase()
    {
        m_agent.reset();
        m_receiver.reset();
    }

    void init()
    {
        m_receiver->setDefaultStatus(200);
        QVERIFY(m_receiver->waitForCount(0));
    }

    void everyEventArrivesSigned()
    {
        const qint64 project = createProject(u"Signed"_qs);
        const QJsonObject hook = createHook(project, ddd::core::model::Webhook::eventTypes());
        const QString secret = hook.value(u"secret"_qs).toString();
        QVERIFY(secret.startsWith(u"whsec_"_qs));
        const qsizetype before = m_receiver->count();
        const QString deploys = u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(project);
        QCOMPARE(api().send("POST", deploys, ZipBuilder().file("index.html", "one").build(), {{"Content-Type", "application/zip"}}).status, 201);
        QCOMPARE(api().send("POST", deploys, ZipBuilder().file("index.html", "two").build(), {{"Content-Type", "application/zip"}}).status, 201);
        QCOMPARE(api().post(u"/api/v1/projects/%1/rollback"_qs.arg(project), {}).status, 200);
        BuildApi builds(*m_agent, m_token);
        const HttpReply upload = builds.uploadSource(project, BuildApi::siteZip("<h1>built</h1>"), u"?build=1&activate=1"_qs);
        QCOMPARE(upload.status, 201);
        builds.waitFor(upload.json().value(u"build"_qs).toObject().value(u"id"_qs).toInteger(), u"succeeded"_qs);
        // 2 deploys (created + activated each), a rollback, and the build's
        // version (created + activated) and its end.
        QVERIFY(m_receiver->waitForCount(before + 8));
        QStringList types;
        QSet<QString> ids;
        for (const auto &request : m_receiver->requests().mid(before)) {
            const QJsonObject body = bodyOf(request);
            QVERIFY2(signedCorrectly(request, secret), request.headers.value("x-ddd-signature").constData());
            QCOMPARE(request.headers.value("x-ddd-event"), body.value(u"type"_qs).toString().toUtf8());
            QVERIFY(request.headers.value("x-ddd-delivery").toLongLong() > 0);
            QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
            QCOMPARE(body.value(u"project"_qs).toObject().value(u"name"_qs).toString(), u"Signed"_qs);
            QCOMPARE(body.value(u"project"_qs).toObject().value(u"id"_qs).toInteger(), project);
            QVERIFY(!body.value(u"createdAt"_qs).toString().isEmpty());
            ids.insert(body.value(u"id"_qs).toString());
            types << body.value(u"type"_qs).toString();
        }
        QCOMPARE(ids.size(), 8); // one event id per event
        QCOMPARE(types.count(u"deploy.created"_qs), 3);
        QCOMPARE(types.count(u"version.activated"_qs), 3);
        QCOMPARE(types.count(u"version.rolled_back"_qs), 1);
        QCOMPARE(types.count(u"build.finished"_qs), 1);
        for (const auto &request : m_receiver->requests().mid(before)) {
            const QJsonObject data = bodyOf(request).value(u"data"_qs).toObject();
            const QString type = bodyOf(request).value(u"type"_qs).toString();
            if (type == u"build.finished"_qs) {
                QCOMPARE(data.value(u"build"_qs).toObject().value(u"status"_qs).toString(), u"succeeded"_qs);
                QVERIFY(data.value(u"build"_qs).toObject().value(u"versionId"_qs).toInteger() > 0);
            } else if (type == u"version.rolled_back"_qs) {
                QCOMPARE(data.value(u"version"_qs).toObject().value(u"number"_qs).toInteger(), 1);
                QCOMPARE(data.value(u"actor"_qs).toObject().value(u"email"_qs).toString(), u"owner@example.com"_qs);
            } else if (type == u"deploy.created"_qs) {
                QVERIFY(data.value(u"version"_qs).toObject().value(u"number"_qs).toInteger() > 0);
                QVERIFY(data.value(u"version"_qs).toObject().contains(u"files"_qs));
            }
        }
    }

    void serverErrorIsRetriedThenSucceeds()
    {
        const qint64 project = createProject(u"Retry"_qs);
        const qint64 hook = createHook(project, {u"deploy.created"_qs}).value(u"id"_qs).toInteger();
        m_receiver->queueStatuses({500});
        const qsizetype before = m_receiver->count();
        QCOMPARE(api().post(u"/api/v1/webhooks/%1/ping"_qs.arg(hook), {}).status, 202);
        QJsonObject first = waitForAttempts(hook, 1);
        QCOMPARE(first.value(u"state"_qs).toString(), u"pending"_qs);
        QCOMPARE(first.value(u"statusCode"_qs).toInt(), 500);
        QCOMPARE(first.value(u"error"_qs).toString(), u"HTTP 500"_qs);
        QCOMPARE(first.value(u"responseExcerpt"_qs).toString(), u"answer 500"_qs);
        QVERIFY(!first.value(u"nextAttemptAt"_qs).isNull());
        advance(60 * 1000);
        const QJsonObject second = waitForAttempts(hook, 2);
        QCOMPARE(second.value(u"state"_qs).toString(), u"succeeded"_qs);
        QCOMPARE(second.value(u"statusCode"_qs).toInt(), 200);
        QVERIFY(second.value(u"error"_qs).isNull());
        QVERIFY(second.value(u"nextAttemptAt"_qs).isNull());
        const auto requests = m_receiver->requests().mid(before);
        QCOMPARE(requests.size(), 2);
        QCOMPARE(bodyOf(requests[0]).value(u"id"_qs), bodyOf(requests[1]).value(u"id"_qs));
        QCOMPARE(requests[0].headers.value("x-ddd-delivery"), requests[1].headers.value("x-ddd-delivery"));
        QCOMPARE(bodyOf(requests[0]).value(u"type"_qs).toString(), u"ping"_qs);
    }

    void backoffFollowsTheScheduleThenFails()
    {
        const qint64 project = createProject(u"Backoff"_qs);
        const qint64 hook = createHook(project, {u"deploy.created"_qs}).value(u"id"_qs).toInteger();
        m_receiver->setDefaultStatus(503);
        QCOMPARE(api().post(u"/api/v1/webhooks/%1/ping"_qs.arg(hook), {}).status, 202);
        for (int attempt = 1; attempt <= kSchedule.size(); ++attempt) {
            const QJsonObject delivery = waitForAttempts(hook, attempt);
            QCOMPARE(delivery.value(u"attempts"_qs).toInt(), attempt);
            QCOMPARE(delivery.value(u"state"_qs).toString(), u"pending"_qs);
            const QDateTime last = QDateTime::fromString(delivery.value(u"lastAttemptAt"_qs).toString(), Qt::ISODateWithMs);
            const QDateTime next = QDateTime::fromString(delivery.value(u"nextAttemptAt"_qs).toString(), Qt::ISODateWithMs);
            QCOMPARE(last.secsTo(next), kSchedule[attempt - 1]);
            advance(kSchedule[attempt - 1] * 1000);
        }
        const QJsonObject last = waitForAttempts(hook, int(kSchedule.size()) + 1);
        QCOMPARE(last.value(u"state"_qs).toString(), u"failed"_qs);
        QCOMPARE(last.value(u"statusCode"_qs).toInt(), 503);
        QVERIFY(last.value(u"nextAttemptAt"_qs).isNull());
    }

    void redirectsAreNotFollowed()
    {
        const qint64 project = createProject(u"Redirect"_qs);
        const qint64 hook = createHook(project, {u"deploy.created"_qs}).value(u"id"_qs).toInteger();
        m_receiver->queueStatuses({302});
        const qsizetype before = m_receiver->count();
        QCOMPARE(api().post(u"/api/v1/webhooks/%1/ping"_qs.arg(hook), {}).status, 202);
        const QJsonObject delivery = waitForAttempts(hook, 1);
        QCOMPARE(delivery.value(u"statusCode"_qs).toInt(), 302);
        QVERIFY(delivery.value(u"error"_qs).toString().startsWith(u"redirect"_qs));
        QCOMPARE(delivery.value(u"state"_qs).toString(), u"pending"_qs);
        QCOMPARE(m_receiver->count(), before + 1);
        QCOMPARE(m_receiver->requests().last().path, QByteArray("/hook"));
    }

    void redeliveryKeepsTheEventId()
    {
        const qint64 project = createProject(u"Again"_qs);
        const qint64 hook = createHook(project, {u"deploy.created"_qs}).value(u"id"_qs).toInteger();
        const qsizetype before = m_receiver->count();
        QCOMPARE(api().post(u"/api/v1/webhooks/%1/ping"_qs.arg(hook), {}).status, 202);
        const qint64 first = waitForAttempts(hook, 1).value(u"id"_qs).toInteger();
        const HttpReply again = api().post(u"/api/v1/webhook-deliveries/%1/redeliver"_qs.arg(first), {});
        QCOMPARE(again.status, 202);
        QVERIFY(again.json().value(u"id"_qs).toInteger() > first);
        QVERIFY(m_receiver->waitForCount(before + 2));
        const auto requests = m_receiver->requests().mid(before);
        QCOMPARE(bodyOf(requests[0]).value(u"id"_qs), bodyOf(requests[1]).value(u"id"_qs));
        QVERIFY(requests[0].headers.value("x-ddd-delivery") != requests[1].headers.value("x-ddd-delivery"));
        QCOMPARE(requests[1].headers.value("x-ddd-event-id"), requests[0].headers.value("x-ddd-event-id"));
    }

    void logPagesNewestFirstAndStaysBounded()
    {
        const qint64 project = createProject(u"Bounded"_qs);
        const qint64 hook = createHook(project, {u"deploy.created"_qs}).value(u"id"_qs).toInteger();
        const qsizetype before = m_receiver->count();
        for (int i = 0; i < 12; ++i) {
            QCOMPARE(api().post(u"/api/v1/webhooks/%1/ping"_qs.arg(hook), {}).status, 202);
            QVERIFY(m_receiver->waitForCount(before + i + 1));
        }
        QTRY_COMPARE_WITH_TIMEOUT(deliveries(hook, u"?limit=200"_qs).first().toObject().value(u"state"_qs).toString(),
                                  u"succeeded"_qs, 20000);
        const HttpReply page = api().get(u"/api/v1/webhooks/%1/deliveries?limit=3"_qs.arg(hook));
        QCOMPARE(page.items().size(), 3);
        const qint64 newest = page.items().at(0).toObject().value(u"id"_qs).toInteger();
        QVERIFY(newest > page.items().at(1).toObject().value(u"id"_qs).toInteger());
        const QString cursor = page.json().value(u"nextCursor"_qs).toString();
        QVERIFY(!cursor.isEmpty());
        const QJsonArray next = deliveries(hook, u"?limit=3&cursor="_qs + cursor);
        QVERIFY(next.first().toObject().value(u"id"_qs).toInteger() < page.items().at(2).toObject().value(u"id"_qs).toInteger());
        // Each insert drops what is beyond the newest 10 finished ones.
        QVERIFY(deliveries(hook, u"?limit=200"_qs).size() <= 11);
    }

    void disabledHooksSendNothing()
    {
        const qint64 project = createProject(u"Quiet"_qs);
        const qint64 hook = createHook(project, {u"deploy.created"_qs}).value(u"id"_qs).toInteger();
        QCOMPARE(api().patch(u"/api/v1/webhooks/%1"_qs.arg(hook), {{u"active"_qs, false}}).status, 200);
        QCOMPARE(api().send("POST", u"/api/v1/projects/%1/deploys"_qs.arg(project), ZipBuilder().file("index.html", "x").build(),
                            {{"Content-Type", "application/zip"}}).status, 201);
        QCOMPARE(deliveries(hook).size(), 0);
        QCOMPARE(api().post(u"/api/v1/webhooks/%1/ping"_qs.arg(hook), {}).errorCode(), u"webhook.inactive"_qs);
    }

    // Last: these restart the agent.
    void deliveryInFlightAtStopGoesOutAfterRestart()
    {
        const qint64 project = createProject(u"Restart"_qs);
        const qint64 hook = createHook(project, {u"deploy.created"_qs}).value(u"id"_qs).toInteger();
        m_receiver->queueStatuses({0}); // hold the first attempt open
        const qsizetype before = m_receiver->count();
        QCOMPARE(api().post(u"/api/v1/webhooks/%1/ping"_qs.arg(hook), {}).status, 202);
        QVERIFY(m_receiver->waitForCount(before + 1));
        m_agent->stop();
        QVERIFY(m_agent->start());
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        QVERIFY(m_receiver->waitForCount(before + 2));
        const auto requests = m_receiver->requests().mid(before);
        QCOMPARE(requests[0].headers.value("x-ddd-delivery"), requests[1].headers.value("x-ddd-delivery"));
        const QJsonObject delivery = waitForAttempts(hook, 1);
        QCOMPARE(delivery.value(u"state"_qs).toString(), u"succeeded"_qs);
        QCOMPARE(delivery.value(u"attempts"_qs).toInt(), 1); // the interrupted attempt is not counted
    }

    void privateTargetIsRefusedAtSendTimeToo()
    {
        const qint64 project = createProject(u"Rebound"_qs);
        const qint64 hook = createHook(project, {u"deploy.created"_qs}).value(u"id"_qs).toInteger();
        QVERIFY(hook > 0);
        m_agent->stop();
        m_agent->config.webhooksAllowPrivateTargets = false;
        QVERIFY(m_agent->start());
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        const qsizetype before = m_receiver->count();
        QCOMPARE(api().post(u"/api/v1/webhooks/%1/ping"_qs.arg(hook), {}).status, 202);
        const QJsonObject delivery = waitForAttempts(hook, 1);
        QVERIFY2(delivery.value(u"error"_qs).toString().startsWith(u"webhook.target_refused"_qs),
                 qPrintable(delivery.value(u"error"_qs).toString()));
        QVERIFY(delivery.value(u"statusCode"_qs).isNull());
        QCOMPARE(m_receiver->count(), before);
    }
};

QTEST_GUILESS_MAIN(TestWebhookDelivery)
#include "tst_webhookdelivery.moc"
