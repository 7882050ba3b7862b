// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/buildservice.h"
#include "tests/support/agentfixture.h"

#include <QJsonObject>

#include <condition_variable>
#include <memory>
#include <mutex>

namespace ddd::test {

struct GateState
{
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
};

// Holds builds running until released, so tests can watch the queue, the
// live log, cancellation and a restart mid-build. It writes a few lines
// (some with secrets) and then deploys the source as a plain site.
class BuildGate final
{
public:
    void release();
    core::build::BuildService::Engine engine();

private:
    std::shared_ptr<GateState> m_state = std::make_shared<GateState>();
};

// An API client with the account's token, and the waits a build test needs.
class BuildApi final
{
public:
    BuildApi(AgentFixture &agent, QString token) : m_agent(agent), m_token(std::move(token)) {}

    HttpTestClient client() const;
    qint64 createProject(const QString &name, QByteArray *stagingHost = nullptr);
    HttpReply uploadSource(qint64 project, const QByteArray &zip, const QString &query = {});
    // Polls the build until its status is `status`; the last JSON.
    QJsonObject waitFor(qint64 build, const QString &status, int timeoutMs = 10000);
    static QByteArray siteZip(const QByteArray &index);

private:
    AgentFixture &m_agent;
    QString m_token;
};

} // namespace ddd::test
