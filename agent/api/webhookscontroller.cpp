// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/webhookscontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/api/pagequery.h"
#include "agent/http/errorresponse.h"
#include "core/webhooks/webhookservice.h"
#include "core/wire/webhookjson.h"

#include <QJsonArray>

namespace ddd::agent::api {

namespace {

const QStringList Fields = {u"url"_qs, u"events"_qs, u"active"_qs};

http::Response deliveryAnswer(const core::Result<core::model::WebhookDelivery> &delivery)
{
    if (!delivery)
        return http::errorResponse(delivery.error());
    return http::Response::json(202, core::wire::webhookDeliveryToJson(*delivery));
}

} // namespace

WebhooksController::WebhooksController(core::webhooks::WebhookService &webhooks) : m_webhooks(webhooks) {}

http::Response WebhooksController::create(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    auto body = JsonBody::parse(call.request, Fields);
    if (!body)
        return http::errorResponse(body.error());
    auto created = m_webhooks.create(call.identity(), *projectId, *body);
    if (!created)
        return http::errorResponse(created.error());
    QJsonObject out = core::wire::webhookToJson(created->hook);
    out.insert(u"secret"_qs, created->secret);
    return http::Response::json(201, out);
}

http::Response WebhooksController::list(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    auto hooks = m_webhooks.list(call.identity(), *projectId);
    if (!hooks)
        return http::errorResponse(hooks.error());
    QJsonArray out;
    for (const auto &hook : *hooks)
        out.append(core::wire::webhookToJson(hook));
    return http::Response::json(200, out);
}

http::Response WebhooksController::get(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"webhook.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto hook = m_webhooks.get(call.identity(), *id);
    return hook ? http::Response::json(200, core::wire::webhookToJson(*hook)) : http::errorResponse(hook.error());
}

http::Response WebhooksController::update(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"webhook.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto body = JsonBody::parse(call.request, Fields);
    if (!body)
        return http::errorResponse(body.error());
    auto hook = m_webhooks.update(call.identity(), *id, *body);
    return hook ? http::Response::json(200, core::wire::webhookToJson(*hook)) : http::errorResponse(hook.error());
}

http::Response WebhooksController::remove(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"webhook.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto removed = m_webhooks.remove(call.identity(), *id);
    return removed ? http::Response::noContent() : http::errorResponse(removed.error());
}

http::Response WebhooksController::ping(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"webhook.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    return deliveryAnswer(m_webhooks.ping(call.identity(), *id));
}

http::Response WebhooksController::deliveries(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"webhook.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    const PageQuery::Listing listing{u"webhook-deliveries"_qs, *id, 50, 200};
    auto request = PageQuery::read(call.request, listing);
    if (!request)
        return http::errorResponse(request.error());
    return PageQuery::answer(m_webhooks.deliveries(call.identity(), *id, *request), listing,
                             core::wire::webhookDeliveryToJson,
                             [](const core::model::WebhookDelivery &d) { return core::model::PageKey{0, d.id, {}}; });
}

http::Response WebhooksController::redeliver(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"webhook.delivery_not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    return deliveryAnswer(m_webhooks.redeliver(call.identity(), *id));
}

} // namespace ddd::agent::api
