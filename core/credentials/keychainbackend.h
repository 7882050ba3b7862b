// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/credentials/secretbackend.h"

#include <QObject>

namespace QKeychain {
class Job;
}

namespace ddd::core::credentials {

// The system keychain (Secret Service, KWallet, macOS Keychain, Windows
// Credential Manager) through QtKeychain. QtKeychain's own plain-text
// fallback stays off: the CredentialStore decides about fallbacks.
class KeychainBackend final : public QObject, public SecretBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainBackend)

public:
    explicit KeychainBackend(QString service, QObject *parent = nullptr);

    void read(const QString &key, Done done) override;
    void write(const QString &key, const QString &secret, Done done) override;
    void remove(const QString &key, Done done) override;

private:
    void run(QKeychain::Job *job, Done done);

    QString m_service;
};

} // namespace ddd::core::credentials
