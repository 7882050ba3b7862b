// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/cliconfig.h"
#include "core/credentials/credentialstore.h"

#include <QObject>

#include <functional>
#include <memory>

namespace ddd::cli {

// The dashboard's CredentialStore, chosen for a command line: the system
// keychain when a secret service answers, else (or with DDD_TOKEN_STORE=file,
// as in CI and the tests) the owner-only file in the config folder.
class TokenStore final
{
public:
    TokenStore(const CliConfig &config, CliConfig::TokenStoreKind kind);
    ~TokenStore();

    void read(const QUrl &agent, QObject *context, std::function<void(core::Result<QString>)> done);
    void write(const QUrl &agent, const QString &token, QObject *context, std::function<void(core::Status)> done);
    void remove(const QUrl &agent, QObject *context, std::function<void(core::Status)> done);
    // "keychain" or "file <path>", after the first answer.
    QString where() const;

private:
    std::unique_ptr<core::credentials::CredentialStore> m_store;
};

} // namespace ddd::cli
