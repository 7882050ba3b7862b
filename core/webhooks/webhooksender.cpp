// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/webhooks/webhooksender.h"

#include <QThread>

namespace ddd::core::webhooks {

WebhookSender::WebhookSender(storage::ConnectionProvider &connections, const Clock &clock,
                             WebhookWorker::Options options)
    : m_thread(std::make_unique<QThread>()), m_worker(std::make_unique<WebhookWorker>(connections, clock, options))
{
    m_thread->setObjectName(u"webhooks"_qs);
    m_worker->moveToThread(m_thread.get());
}

WebhookSender::~WebhookSender()
{
    stop();
}

void WebhookSender::start()
{
    if (m_thread->isRunning())
        return;
    // Queued before the thread starts, so that starting it is what hands
    // begin() over (pthread_create, which ThreadSanitizer sees).
    emit m_worker->beginRequested();
    m_thread->start();
}

void WebhookSender::stop()
{
    if (!m_thread->isRunning())
        return;
    emit m_worker->endRequested(); // returns once end() has run on the worker's thread
    m_thread->quit();
    m_thread->wait();
}

void WebhookSender::wake()
{
    emit m_worker->wakeRequested();
}

} // namespace ddd::core::webhooks
