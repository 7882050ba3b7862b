// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/agentconfig.h"
#include "core/build/buildservice.h"
#include "tests/support/fakeclock.h"
#include "tests/support/httptestclient.h"
#include "tests/support/tempdataroot.h"

#include <memory>

namespace ddd::agent {
class Agent;
}

namespace ddd::test {

// The real agent, in-process, on 127.0.0.1 with OS-chosen ports and a
// temporary data root. Tests adjust `config` before start().
class AgentFixture final
{
public:
    AgentFixture();
    ~AgentFixture();

    agent::AgentConfig config;
    FakeClock clock;
    // When set, builds run through this instead of BuildEngine (from start()).
    core::build::BuildService::Engine buildEngine;
    // When set, access-log batches go here instead of stderr (from start()).
    std::function<void(const QByteArray &)> accessLogWriter;

    bool start();
    void stop();
    agent::Agent &agent() { return *m_agent; }
    QString dataDir() const { return m_root.path(); }
    // What uploads left in staging/ (besides the partial-blob folder). The
    // background precompressor's file of the moment (variant-*, after an
    // accepted deploy) is not an upload's.
    QStringList stagingLeftovers() const;
    // The same as "staging/<entry>", plus every entry of the build work
    // folder as "work/<entry>": what a finished upload or build left behind.
    QStringList uploadAndBuildLeftovers() const;
    quint16 apiPort() const;
    quint16 sitePort() const;
    quint16 siteHttpsPort() const; // 0 while the agent has no certificate

    // Creates an account through the same path as `ddd-agent user add`.
    bool addUser(const QString &email, const QString &password, const QString &role = {});
    // Logs in and answers the token (empty on failure).
    QString login(const QString &email, const QString &password);

private:
    TempDataRoot m_root;
    std::unique_ptr<agent::Agent> m_agent;
};

} // namespace ddd::test
