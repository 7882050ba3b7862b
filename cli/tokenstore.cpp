// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/tokenstore.h"

#include "core/credentials/filesecretbackend.h"
#include "core/credentials/keychainbackend.h"

#include <QLoggingCategory>

namespace ddd::cli {

namespace {

using core::credentials::SecretBackend;

// DDD_TOKEN_STORE=file: the keychain is never asked, so nothing waits on a
// secret service that a CI runner does not have.
class NoKeychain final : public SecretBackend
{
public:
    void read(const QString &, Done done) override { done(unavailable()); }
    void write(const QString &, const QString &, Done done) override { done(unavailable()); }
    void remove(const QString &, Done done) override { done(unavailable()); }

private:
    static Answer unavailable() { return {Outcome::Unavailable, {}, u"DDD_TOKEN_STORE=file"_qs}; }
};

} // namespace

TokenStore::TokenStore(const CliConfig &config, CliConfig::TokenStoreKind kind)
{
    std::unique_ptr<SecretBackend> keychain;
    if (kind == CliConfig::TokenStoreKind::File) {
        keychain = std::make_unique<NoKeychain>();
        // Asked for: no warning about the missing keychain.
        QLoggingCategory::setFilterRules(u"ddd.credentials.warning=false"_qs);
    } else {
        keychain = std::make_unique<core::credentials::KeychainBackend>(u"DragDropDeploy"_qs);
    }
    m_store = std::make_unique<core::credentials::CredentialStore>(
        std::move(keychain), std::make_unique<core::credentials::FileSecretBackend>(config.credentialsFile()));
}

TokenStore::~TokenStore() = default;

void TokenStore::read(const QUrl &agent, QObject *context, std::function<void(core::Result<QString>)> done)
{
    m_store->read(CliConfig::tokenKey(agent), context, std::move(done));
}

void TokenStore::write(const QUrl &agent, const QString &token, QObject *context,
                       std::function<void(core::Status)> done)
{
    m_store->write(CliConfig::tokenKey(agent), token, context, std::move(done));
}

void TokenStore::remove(const QUrl &agent, QObject *context, std::function<void(core::Status)> done)
{
    m_store->remove(CliConfig::tokenKey(agent), context, std::move(done));
}

QString TokenStore::where() const
{
    return m_store->usingFallback() ? u"file "_qs + m_store->fallbackPath() : u"keychain"_qs;
}

} // namespace ddd::cli
