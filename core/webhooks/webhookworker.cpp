// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/webhooks/webhookworker.h"

#include "core/storage/connectionprovider.h"
#include "core/util/clock.h"
#include "core/webhooks/webhooksignature.h"
#include "core/webhooks/webhooktarget.h"

#include <QElapsedTimer>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace ddd::core::webhooks {

namespace {

Q_LOGGING_CATEGORY(lcSender, "ddd.core.webhooks.sender")

// What the delivery log keeps of an answer: enough to see an error page's
// gist, never a receiver's whole response.
constexpr qsizetype ExcerptBytes = 1024;

QByteArray hostHeader(const QUrl &url)
{
    const int port = url.port(-1);
    const QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    const QByteArray bracketed = host.contains(':') ? "[" + host + "]" : host;
    return port < 0 ? bracketed : bracketed + ':' + QByteArray::number(port);
}

} // namespace

struct WebhookWorker::Attempt final
{
    storage::WebhookDeliveryStore::Due due;
    QElapsedTimer elapsed;
    QByteArray excerpt;
    std::optional<qint64> statusCode;
    QString error;
    bool timedOut = false;
};

WebhookWorker::WebhookWorker(storage::ConnectionProvider &connections, const Clock &clock, Options options)
    : m_connections(connections), m_store(connections), m_clock(clock), m_options(std::move(options))
{
    connect(this, &WebhookWorker::beginRequested, this, &WebhookWorker::begin, Qt::QueuedConnection);
    connect(this, &WebhookWorker::wakeRequested, this, &WebhookWorker::poll, Qt::QueuedConnection);
    connect(this, &WebhookWorker::endRequested, this, &WebhookWorker::end, Qt::BlockingQueuedConnection);
}

WebhookWorker::~WebhookWorker() = default;

void WebhookWorker::begin()
{
    m_network = new QNetworkAccessManager(this);
    // Environment proxies would connect to the target on our behalf, past
    // the address check; webhooks go out directly.
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &WebhookWorker::poll);
    m_timer->start(m_options.pollMs);
    poll();
}

void WebhookWorker::end()
{
    m_ending = true;
    delete m_timer;
    m_timer = nullptr;
    // Aborting finishes the replies; record() skips them while ending, and
    // their claims are given back, so they go out again at once.
    delete m_network;
    m_network = nullptr;
    if (Status released = m_store.release(m_inFlight.values(), m_clock.nowMs()); !released)
        qCWarning(lcSender).noquote() << "webhook deliveries in flight stay claimed until their lease ends:"
                                      << released.error().message;
    m_inFlight.clear();
    m_connections.releaseCurrent();
}

void WebhookWorker::poll()
{
    if (m_ending || !m_network || m_inFlight.size() >= m_options.parallel)
        return;
    const qint64 now = m_clock.nowMs();
    Result<QList<storage::WebhookDeliveryStore::Due>> due =
        m_store.claimDue(now, m_options.parallel - int(m_inFlight.size()), now + leaseMs());
    if (!due) {
        qCWarning(lcSender).noquote() << "cannot read the webhook queue:" << due.error().message;
        return;
    }
    for (const auto &item : *due)
        if (m_inFlight.size() < m_options.parallel && !m_inFlight.contains(item.delivery.id))
            send(item);
}

// Longer than any attempt: a name lookup, the connection and the answer,
// each bounded by the timeout.
qint64 WebhookWorker::leaseMs() const
{
    return 3 * qint64(m_options.timeoutMs) + 30'000;
}

void WebhookWorker::send(const storage::WebhookDeliveryStore::Due &due)
{
    m_inFlight.insert(due.delivery.id);
    auto attempt = std::make_shared<Attempt>();
    attempt->due = due;
    attempt->elapsed.start();
    const QUrl url(due.url);
    if (QHostAddress literal; literal.setAddress(url.host())) {
        post(attempt, {literal});
        return;
    }
    QHostInfo::lookupHost(url.host(), this, [this, attempt](const QHostInfo &info) { post(attempt, info.addresses()); });
}

void WebhookWorker::post(const std::shared_ptr<Attempt> &attempt, const QList<QHostAddress> &addresses)
{
    if (m_ending)
        return;
    if (Status allowed = WebhookTarget::check(addresses, m_options.allowPrivateTargets); !allowed) {
        attempt->error = allowed.error().code + u": "_qs + allowed.error().message;
        record(attempt);
        return;
    }
    const QUrl url(attempt->due.url);
    QUrl target = url;
    target.setHost(addresses.first().toString());
    QNetworkRequest request(target);
    request.setRawHeader("Host", hostHeader(url));
    request.setPeerVerifyName(url.host()); // TLS: SNI and certificate check for the name, not the address
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("DragDropDeploy-Webhooks/1"));
    const model::WebhookDelivery &delivery = attempt->due.delivery;
    request.setRawHeader("X-DDD-Event", delivery.event.toUtf8());
    request.setRawHeader("X-DDD-Delivery", QByteArray::number(delivery.id));
    request.setRawHeader("X-DDD-Event-Id", delivery.eventId.toUtf8());
    request.setRawHeader("X-DDD-Signature", WebhookSignature::header(attempt->due.secret.toUtf8(),
                                                                      m_clock.nowMs() / 1000, delivery.payload));
    QNetworkReply *reply = m_network->post(request, delivery.payload);
    connect(reply, &QNetworkReply::readyRead, this, [attempt, reply] {
        // Keep the first bytes, drop the rest as it comes.
        const QByteArray chunk = reply->readAll();
        attempt->excerpt.append(chunk.left(ExcerptBytes - attempt->excerpt.size()));
    });
    QPointer<QNetworkReply> guard(reply);
    QTimer::singleShot(m_options.timeoutMs, reply, [attempt, guard] {
        if (guard && guard->isRunning()) {
            attempt->timedOut = true;
            guard->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, attempt, reply] { collect(attempt, reply); });
}

void WebhookWorker::collect(const std::shared_ptr<Attempt> &attempt, QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_ending)
        return;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid())
        attempt->statusCode = status.toInt();
    const QByteArray rest = reply->readAll();
    attempt->excerpt.append(rest.left(ExcerptBytes - attempt->excerpt.size()));
    const int code = attempt->statusCode.value_or(0);
    if (attempt->timedOut)
        attempt->error = u"timeout: no complete answer within %1 s"_qs.arg(m_options.timeoutMs / 1000);
    else if (code >= 300 && code < 400)
        attempt->error = u"redirect: HTTP %1 (redirects are not followed)"_qs.arg(code);
    else if (attempt->statusCode && (code < 200 || code >= 300))
        attempt->error = u"HTTP %1"_qs.arg(code);
    else if (!attempt->statusCode)
        attempt->error = u"network: "_qs + reply->errorString();
    record(attempt);
}

void WebhookWorker::record(const std::shared_ptr<Attempt> &attempt)
{
    model::WebhookDelivery delivery = attempt->due.delivery;
    const qint64 now = m_clock.nowMs();
    delivery.attempts += 1;
    delivery.lastAttemptAt = now;
    delivery.statusCode = attempt->statusCode;
    delivery.durationMs = attempt->elapsed.elapsed();
    delivery.error = attempt->error;
    delivery.responseExcerpt = QString::fromUtf8(attempt->excerpt);
    if (attempt->error.isEmpty()) {
        delivery.state = u"succeeded"_qs;
        delivery.nextAttemptAt.reset();
    } else if (const auto delay = m_options.schedule.delayAfter(delivery.attempts)) {
        delivery.nextAttemptAt = now + *delay;
    } else {
        delivery.state = u"failed"_qs;
        delivery.nextAttemptAt.reset();
    }
    if (Status stored = m_store.recordAttempt(delivery); !stored)
        qCWarning(lcSender).noquote() << "cannot record webhook delivery" << delivery.id << stored.error().message;
    m_inFlight.remove(delivery.id);
    QTimer::singleShot(0, this, &WebhookWorker::poll);
}

} // namespace ddd::core::webhooks
