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
    m_thread->start();
    QMetaObject::invokeMethod(m_worker.get(), [worker = m_worker.get()] { worker->begin(); }, Qt::QueuedConnection);
}

void WebhookSender::stop()
{
    if (!m_thread->isRunning())
        return;
    QMetaObject::invokeMethod(m_worker.get(), [worker = m_worker.get()] { worker->end(); },
                              Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void WebhookSender::wake()
{
    QMetaObject::invokeMethod(m_worker.get(), [worker = m_worker.get()] { worker->poll(); }, Qt::QueuedConnection);
}

} // namespace ddd::core::webhooks
