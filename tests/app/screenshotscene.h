// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/remoteproject.h"
#include "core/model/version.h"
#include "tests/agent/webhookreceiver.h"
#include "tests/support/agentfixture.h"

#include <QUrl>

#include <optional>

namespace ddd::test {

// A real agent, in-process, with a believable history for the screenshots:
// three projects, versions deployed, activated, rolled back, pinned and one
// refused, a settings change, a scoped API token, and a build (its engine a
// stand-in that writes the site and a Hugo-like log: no sandbox needed).
// Every row the dashboard shows comes from the agent's own API.
class ScreenshotScene final
{
public:
    bool start();

    QUrl apiUrl() const;
    QUrl sitesUrl() const;
    QString token() const { return m_token; }
    static QString email() { return u"maria@example.com"_qs; }
    // The project the windows select: "Marketing site".
    std::optional<core::client::RemoteProject> project();
    std::optional<core::model::Version> liveVersion();

private:
    HttpTestClient api() const;
    void advance(qint64 ms);
    bool deploy(const QByteArray &zip, const QString &query, qint64 *id = nullptr);
    bool buildFromSource();
    bool addWebhook();

    WebhookReceiver m_receiver; // the project's webhook sends here (on loopback)
    AgentFixture m_agent;
    QString m_token;
    qint64 m_project = 0;
};

} // namespace ddd::test
