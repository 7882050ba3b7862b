// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::webhooks {
class WebhookService;
}

namespace ddd::agent::api {

// Outgoing webhooks (docs/webhooks.md): create (the secret is answered only
// then), list, get, update, delete, ping, the delivery log and redelivery.
class WebhooksController final
{
public:
    explicit WebhooksController(core::webhooks::WebhookService &webhooks);

    http::Response create(Call &call) const;     // POST /api/v1/projects/{id}/webhooks -> 201 hook + secret
    http::Response list(Call &call) const;       // GET /api/v1/projects/{id}/webhooks -> 200 [hook]
    http::Response get(Call &call) const;        // GET /api/v1/webhooks/{id}
    http::Response update(Call &call) const;     // PATCH /api/v1/webhooks/{id}
    http::Response remove(Call &call) const;     // DELETE /api/v1/webhooks/{id} -> 204
    http::Response ping(Call &call) const;       // POST /api/v1/webhooks/{id}/ping -> 202 delivery
    http::Response deliveries(Call &call) const; // GET /api/v1/webhooks/{id}/deliveries -> 200 page
    http::Response redeliver(Call &call) const;  // POST /api/v1/webhook-deliveries/{id}/redeliver -> 202 delivery

private:
    core::webhooks::WebhookService &m_webhooks;
};

} // namespace ddd::agent::api
