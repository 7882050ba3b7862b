// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/commands/webhookscommand.h"

#include "cli/clicontext.h"
#include "cli/commonoptions.h"
#include "cli/format.h"
#include "core/client/apiclient.h"
#include "core/model/webhook.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace ddd::cli {

using core::client::ApiClient;
using core::client::RemoteProject;
using core::model::Webhook;

namespace {

const QCommandLineOption EventsOption(u"events"_qs,
                                      u"With add: the events, comma-separated (default: all of deploy.created, "
                                      "build.finished, version.activated, version.rolled_back)."_qs,
                                      u"events"_qs);
const QString Usage = u"Usage: ddd webhooks [--project P] | add URL [--events E,E] | remove ID"_qs;

QJsonObject hookJson(const Webhook &hook)
{
    return {{u"id"_qs, hook.id},
            {u"url"_qs, hook.url},
            {u"events"_qs, QJsonArray::fromStringList(hook.events)},
            {u"active"_qs, hook.active},
            {u"createdAt"_qs, hook.createdAt}};
}

} // namespace

QList<QCommandLineOption> WebhooksCommand::options() const
{
    return {projectOption(), EventsOption};
}

void WebhooksCommand::run(const QCommandLineParser &parser, const QStringList &positional)
{
    m_action = positional.value(0);
    m_events = parser.isSet(EventsOption) ? parser.value(EventsOption).split(u',', Qt::SkipEmptyParts)
                                          : Webhook::eventTypes();
    bool numeric = true;
    if (m_action == u"add"_qs && positional.size() == 2)
        m_url = positional.at(1);
    else if (m_action == u"remove"_qs && positional.size() == 2)
        m_id = positional.at(1).toLongLong(&numeric);
    else if (!positional.isEmpty())
        return m_context.fail(CliContext::usage(Usage));
    if (!numeric || m_id < 0)
        return m_context.fail(CliContext::usage(Usage));
    const QString project = parser.value(projectOption());
    m_context.connectAgent([this, project](ApiClient &api) {
        if (m_action == u"remove"_qs)
            return remove(api);
        m_context.findProject(api, project, [this, &api](const RemoteProject &found) {
            if (m_action == u"add"_qs)
                add(api, found);
            else
                list(api, found);
        });
    });
}

void WebhooksCommand::list(ApiClient &api, const RemoteProject &project)
{
    api.webhooks().listWebhooks(project.id, &m_context, [this, project](core::Result<QList<Webhook>> hooks) {
        if (!hooks)
            return m_context.fail(hooks.error());
        if (m_context.output().json()) {
            QJsonArray items;
            for (const Webhook &hook : *hooks)
                items.append(hookJson(hook));
            m_context.output().document({{u"project"_qs, Format::projectJson(project)}, {u"webhooks"_qs, items}});
            return m_context.finish();
        }
        QList<QStringList> rows{{u"ID"_qs, u"URL"_qs, u"EVENTS"_qs, u"STATE"_qs}};
        for (const Webhook &hook : *hooks)
            rows.append({QString::number(hook.id), hook.url, hook.events.join(u','),
                         hook.active ? u"active"_qs : u"disabled"_qs});
        m_context.output().table(rows);
        m_context.finish();
    });
}

void WebhooksCommand::add(ApiClient &api, const RemoteProject &project)
{
    api.webhooks().createWebhook(project.id, m_url, m_events, &m_context,
                                 [this](core::Result<core::client::CreatedWebhook> created) {
                                     if (!created)
                                         return m_context.fail(created.error());
                                     QJsonObject json = hookJson(created->hook);
                                     json.insert(u"secret"_qs, created->secret);
                                     if (m_context.output().json()) {
                                         m_context.output().document(json);
                                     } else {
                                         m_context.output().line(QStringLiteral("Webhook %1 added.").arg(created->hook.id));
                                         m_context.output().line(u"Signing secret (shown only now): "_qs + created->secret);
                                     }
                                     m_context.finish();
                                 });
}

void WebhooksCommand::remove(ApiClient &api)
{
    api.webhooks().deleteWebhook(m_id, &m_context, [this](core::Status removed) {
        if (!removed)
            return m_context.fail(removed.error());
        if (m_context.output().json())
            m_context.output().document({{u"removed"_qs, m_id}});
        else
            m_context.output().line(QStringLiteral("Webhook %1 removed").arg(m_id));
        m_context.finish();
    });
}

} // namespace ddd::cli
