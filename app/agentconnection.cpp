// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/agentconnection.h"

#include "core/credentials/credentialstore.h"
#include "core/client/apiclient.h"

#include <QSysInfo>

namespace ddd::app {

using core::Result;
using core::Status;
using core::client::Account;
using core::client::Session;

namespace {

const QStringList &dashboardCapabilities()
{
    static const QStringList capabilities = {u"read"_qs, u"deploy"_qs, u"activate"_qs, u"projects"_qs, u"build"_qs};
    return capabilities;
}

// What an agent from before builds knows; it refuses a token naming `build`.
QStringList capabilitiesBeforeBuilds()
{
    QStringList capabilities = dashboardCapabilities();
    capabilities.removeAll(u"build"_qs);
    return capabilities;
}

} // namespace

AgentConnection::AgentConnection(AgentProfile profile, CredentialStore &credentials, QObject *parent)
    : QObject(parent),
      m_profile(std::move(profile)),
      m_credentials(credentials),
      m_api(new core::client::ApiClient(m_profile.url, this))
{
    m_api->setTrustedFingerprint(m_profile.trustedFingerprint);
    connect(m_api, &core::client::ApiClient::sessionExpired, this, [this] {
        if (m_state != State::SignedIn)
            return;
        setState(State::SignedOut);
        emit signInNeeded();
    });
}

AgentConnection::~AgentConnection() = default;

void AgentConnection::setProfile(const AgentProfile &profile)
{
    m_profile = profile;
    m_api->setTrustedFingerprint(profile.trustedFingerprint);
}

void AgentConnection::restore(Done done)
{
    setState(State::Working);
    m_credentials.read(m_profile.credentialKey(), this, [this, done](Result<QString> token) {
        if (!token.ok() || token->isEmpty()) {
            setState(State::SignedOut);
            done(token.ok() ? Status() : Status(token.error()));
            return;
        }
        verifyAndKeep(*token, false, done);
    });
}

void AgentConnection::signInWithPassword(const QString &email, const QString &password, Done done)
{
    setState(State::Working);
    m_api->setToken({});
    m_api->login(email, password, this, [this, email, done](Result<Session> session) {
        if (!session.ok()) {
            setState(State::SignedOut);
            return done(session.error());
        }
        m_profile.email = email;
        m_api->setToken(session->token);
        const QString name = tr("ddd-dashboard on %1").arg(QSysInfo::machineHostName());
        const QString loginToken = session->token;
        m_api->createToken(name, dashboardCapabilities(), this, [this, name, loginToken, done](Result<QString> secret) {
            if (!secret.ok() && secret.error().code == u"token.invalid_capability") {
                m_api->createToken(name, capabilitiesBeforeBuilds(), this, [this, loginToken, done](Result<QString> older) {
                    verifyAndKeep(older.ok() ? *older : loginToken, true, done);
                });
                return;
            }
            // An agent that refuses API tokens still accepts the login token until it expires.
            verifyAndKeep(secret.ok() ? *secret : loginToken, true, done);
        });
    });
}

void AgentConnection::signInWithToken(const QString &token, Done done)
{
    setState(State::Working);
    verifyAndKeep(token.trimmed(), true, done);
}

void AgentConnection::signOut(Done done)
{
    m_api->setToken({});
    m_account = {};
    setState(State::SignedOut);
    m_credentials.remove(m_profile.credentialKey(), this, std::move(done));
}

void AgentConnection::verifyAndKeep(const QString &token, bool store, Done done)
{
    m_api->setToken(token);
    m_api->me(this, [this, token, store, done](Result<Account> account) {
        if (!account.ok()) {
            m_api->setToken({});
            setState(State::SignedOut);
            return done(account.error());
        }
        m_account = *account;
        setState(State::SignedIn);
        if (!store)
            return done(Status());
        m_credentials.write(m_profile.credentialKey(), token, this, done);
    });
}

void AgentConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace ddd::app
