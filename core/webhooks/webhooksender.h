// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/webhooks/webhookworker.h"

#include <memory>

class QThread;

namespace ddd::core::webhooks {

// Sends webhook deliveries on a thread of its own (an event loop with Qt
// Network), so neither the API's threads nor the builds ever wait for a
// receiver. The queue is the database: start() picks up whatever the last
// process left pending. wake() may be called from any thread.
class WebhookSender final
{
public:
    WebhookSender(storage::ConnectionProvider &connections, const Clock &clock, WebhookWorker::Options options);
    ~WebhookSender();
    WebhookSender(const WebhookSender &) = delete;
    WebhookSender &operator=(const WebhookSender &) = delete;

    void start();
    void stop();
    void wake();

private:
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<WebhookWorker> m_worker;
};

} // namespace ddd::core::webhooks
