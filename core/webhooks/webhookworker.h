// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/webhookdeliverystore.h"
#include "core/webhooks/retryschedule.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace ddd::core {
class Clock;
}

namespace ddd::core::webhooks {

// The sending half of WebhookSender, on its thread: it picks due deliveries
// from the queue, resolves and checks the target (WebhookTarget), connects
// to the checked address itself (so a second DNS answer cannot swap in a
// private one), POSTs the signed payload and records the attempt.
class WebhookWorker final : public QObject
{
    Q_OBJECT
public:
    struct Options final
    {
        bool allowPrivateTargets = false;
        RetrySchedule schedule;
        int timeoutMs = 10000;
        int pollMs = 1000; // also woken at once when a delivery is queued
        int parallel = 4;
    };

    WebhookWorker(storage::ConnectionProvider &connections, const Clock &clock, Options options);
    ~WebhookWorker() override;

signals:
    // Emitted from any thread (WebhookSender) and queued to begin(), poll()
    // and end() on the worker's thread; endRequested() blocks until end()
    // has run. A signal without arguments carries nothing written by the
    // emitting thread, so ThreadSanitizer, which cannot see the lock of Qt's
    // event queue, has no hand-over to misreport (docs/testing.md).
    void beginRequested();
    void wakeRequested();
    void endRequested();

private:
    struct Attempt;

    // On the worker's thread only: begin() makes the network objects and
    // starts polling; end() aborts what is in flight without recording it
    // (those deliveries stay pending and go out after a restart).
    void begin();
    void end();
    void poll();

    qint64 leaseMs() const;
    void send(const storage::WebhookDeliveryStore::Due &due);
    void post(const std::shared_ptr<Attempt> &attempt, const QList<QHostAddress> &addresses);
    void collect(const std::shared_ptr<Attempt> &attempt, QNetworkReply *reply);
    void record(const std::shared_ptr<Attempt> &attempt);

    storage::ConnectionProvider &m_connections;
    storage::WebhookDeliveryStore m_store;
    const Clock &m_clock;
    const Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_timer = nullptr;
    QSet<qint64> m_inFlight;
    bool m_ending = false;
};

} // namespace ddd::core::webhooks
