// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace ddd::cli {

using core::Error;
using core::Result;
using core::Status;

// What `ddd` knows before it asks the agent anything: the environment
// (DDD_AGENT, DDD_TOKEN, DDD_PROJECT, DDD_TOKEN_STORE, DDD_CONFIG_DIR) and
// the small settings file `ddd login` writes (the agent's address; the token
// itself goes to the TokenStore, never here).
class CliConfig final
{
public:
    enum class TokenStoreKind { Auto, File };

    explicit CliConfig(QProcessEnvironment environment);

    // DDD_CONFIG_DIR, else $XDG_CONFIG_HOME/ddd (~/.config/ddd).
    QString directory() const;
    QString credentialsFile() const { return directory() + u"/credentials.json"_qs; }

    QString environmentToken() const { return m_environment.value(u"DDD_TOKEN"_qs); }
    QString environmentProject() const { return m_environment.value(u"DDD_PROJECT"_qs); }
    // DDD_TOKEN_STORE: "auto" (default: the keychain when a secret service
    // answers, else the 0600 file) or "file"; `cli.usage` for anything else.
    Result<TokenStoreKind> tokenStore() const;

    // --agent beats DDD_AGENT beats the address saved by `ddd login`.
    // `cli.not_logged_in` when none is known; `cli.usage` for a bad address.
    Result<QUrl> agent(const QString &option) const;
    static Result<QUrl> parseAgent(const QString &text);
    Status saveAgent(const QUrl &agent) const;
    Status forgetAgent() const;
    // The key of an agent's token in the store.
    static QString tokenKey(const QUrl &agent);

private:
    QString settingsFile() const { return directory() + u"/cli.json"_qs; }
    std::optional<QUrl> savedAgent() const;

    QProcessEnvironment m_environment;
};

} // namespace ddd::cli
