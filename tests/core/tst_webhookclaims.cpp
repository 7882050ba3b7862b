// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/webhookdeliverystore.h"
#include "core/storage/webhookstore.h"
#include "tests/support/deployfixture.h"

#include <QtTest>

using namespace ddd::core;
using ddd::test::DeployFixture;

namespace {

constexpr qint64 Now = 1'800'000'000'000;
constexpr qint64 Lease = 60'000;

// Three due deliveries of one webhook of the fixture's project.
QList<qint64> queueThree(DeployFixture &f)
{
    storage::WebhookStore hooks(f.provider());
    model::Webhook hook;
    hook.projectId = f.projectId;
    hook.url = u"https://hooks.example.com/ddd"_qs;
    hook.events = {u"deploy.created"_qs};
    hook.createdAt = Now;
    Result<model::Webhook> stored = hooks.insert(hook, u"secret"_qs);
    if (!stored)
        return {};
    storage::WebhookDeliveryStore deliveries(f.provider());
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        model::WebhookDelivery delivery;
        delivery.webhookId = stored->id;
        delivery.eventId = u"event-%1"_qs.arg(i);
        delivery.event = u"deploy.created"_qs;
        delivery.payload = "{}";
        delivery.createdAt = Now;
        delivery.nextAttemptAt = Now + i;
        Result<model::WebhookDelivery> inserted = deliveries.insert(delivery, 100);
        if (!inserted)
            return {};
        ids.append(inserted->id);
    }
    return ids;
}

QList<qint64> idsOf(const Result<QList<storage::WebhookDeliveryStore::Due>> &due)
{
    QList<qint64> ids;
    if (due)
        for (const auto &item : *due)
            ids.append(item.delivery.id);
    return ids;
}

} // namespace

// Every agent with the api role sends webhooks from the one queue in the
// database: a delivery is claimed for the length of an attempt, so no two
// agents send it at once, and one whose agent died goes out after the lease.
class TestWebhookClaims final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aClaimedDeliveryIsNotDueForAnotherAgent()
    {
        DeployFixture f;
        const QList<qint64> ids = queueThree(f);
        QCOMPARE(ids.size(), 3);
        storage::WebhookDeliveryStore one(f.provider()), other(f.provider());
        QCOMPARE(idsOf(one.claimDue(Now + 10, 2, Now + Lease)), ids.first(2));
        QCOMPARE(idsOf(other.claimDue(Now + 10, 10, Now + Lease)), ids.sliced(2));
        QCOMPARE(idsOf(one.claimDue(Now + 10, 10, Now + Lease)), QList<qint64>());
        // The agents died mid-attempt: after the lease, they are due again.
        QCOMPARE(idsOf(other.claimDue(Now + Lease, 10, Now + 2 * Lease)), ids);
    }

    void releasedDeliveriesAreDueAtOnce()
    {
        DeployFixture f;
        const QList<qint64> ids = queueThree(f);
        storage::WebhookDeliveryStore store(f.provider());
        QCOMPARE(idsOf(store.claimDue(Now + 10, 10, Now + Lease)), ids);
        QVERIFY(store.release(ids.first(1), Now + 20).ok());
        QCOMPARE(idsOf(store.claimDue(Now + 20, 10, Now + Lease)), ids.first(1));
    }

    // Only pending deliveries are claimed: one that went out stays done.
    void finishedDeliveriesAreNeverClaimed()
    {
        DeployFixture f;
        const QList<qint64> ids = queueThree(f);
        storage::WebhookDeliveryStore store(f.provider());
        auto due = store.claimDue(Now + 10, 1, Now + Lease);
        QVERIFY(due && due->size() == 1);
        model::WebhookDelivery done = due->first().delivery;
        done.state = u"succeeded"_qs;
        done.attempts = 1;
        done.nextAttemptAt.reset();
        QVERIFY(store.recordAttempt(done).ok());
        QVERIFY(store.release({done.id}, Now + 10).ok());
        QCOMPARE(idsOf(store.claimDue(Now + Lease, 10, Now + 2 * Lease)), ids.sliced(1));
    }
};

QTEST_GUILESS_MAIN(TestWebhookClaims)
#include "tst_webhookclaims.moc"
