// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/agentprofile.h"
#include "core/client/account.h"
#include "core/util/result.h"

#include <QObject>

#include <functional>

namespace ddd::core::client {
class ApiClient;
}

namespace ddd::core::credentials {
class CredentialStore;
}

namespace ddd::app {

using core::credentials::CredentialStore;

// One agent the dashboard talks to: its profile, its ApiClient and the
// signed-in account. A password login is turned into a scoped API token
// named after this computer, so the dashboard stays signed in after the
// short-lived login token expires; the token lives in the CredentialStore.
class AgentConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentConnection)

public:
    enum class State { SignedOut, Working, SignedIn };
    using Done = std::function<void(core::Status)>;

    AgentConnection(AgentProfile profile, CredentialStore &credentials, QObject *parent = nullptr);
    ~AgentConnection() override;

    const AgentProfile &profile() const { return m_profile; }
    void setProfile(const AgentProfile &profile);
    core::client::ApiClient &api() { return *m_api; }
    State state() const { return m_state; }
    const core::client::Account &account() const { return m_account; }

    // Reads the stored token and checks it with GET /me.
    void restore(Done done);
    void signInWithPassword(const QString &email, const QString &password, Done done);
    void signInWithToken(const QString &token, Done done);
    // Forgets the token here; the agent keeps it until revoked there.
    void signOut(Done done);

signals:
    void stateChanged(ddd::app::AgentConnection::State state);
    // The agent refused our token (expired or revoked); the user must sign in.
    void signInNeeded();

private:
    void verifyAndKeep(const QString &token, bool store, Done done);
    void setState(State state);

    AgentProfile m_profile;
    CredentialStore &m_credentials;
    core::client::ApiClient *m_api;
    core::client::Account m_account;
    State m_state = State::SignedOut;
};

} // namespace ddd::app
