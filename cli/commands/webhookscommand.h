// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"

#include <QStringList>

namespace ddd::core::client {
class ApiClient;
struct RemoteProject;
} // namespace ddd::core::client

namespace ddd::cli {

// `ddd webhooks [--project P]` lists the project's outgoing webhooks;
// `ddd webhooks add URL [--events E,E]` adds one and prints its signing
// secret (the only time it is shown); `ddd webhooks remove ID` deletes one.
class WebhooksCommand final : public Command
{
public:
    using Command::Command;

    QString name() const override { return u"webhooks"_qs; }
    QString arguments() const override { return u"[add URL | remove ID]"_qs; }
    QString summary() const override { return u"List, add or remove the project's outgoing webhooks."_qs; }
    QList<QCommandLineOption> options() const override;
    void run(const QCommandLineParser &parser, const QStringList &positional) override;

private:
    void list(core::client::ApiClient &api, const core::client::RemoteProject &project);
    void add(core::client::ApiClient &api, const core::client::RemoteProject &project);
    void remove(core::client::ApiClient &api);

    QString m_action;
    QString m_url;
    QStringList m_events;
    qint64 m_id = 0;
};

} // namespace ddd::cli
