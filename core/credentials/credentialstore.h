// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/credentials/secretbackend.h"
#include "core/util/result.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace ddd::core::credentials {

class FileSecretBackend;

// Agent tokens, kept in the system keychain. Where no keychain service runs
// (a bare window manager, CI) they go to a file only the user can read, and
// `fallbackActivated` tells the window to say so. A token saved in the file
// while the keychain was away moves into the keychain when it is back.
// Answers always arrive later, on `context`, and never if it has died.
//
// Error codes: `credentials.unavailable` (neither store works; details {reason}),
// `credentials.failed` (the keychain refused, e.g. access denied; details {reason}).
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    CredentialStore(std::unique_ptr<SecretBackend> keychain, std::unique_ptr<FileSecretBackend> fallback,
                    QObject *parent = nullptr);
    ~CredentialStore() override;

    // An empty string when nothing is stored under `key`.
    void read(const QString &key, QObject *context, std::function<void(core::Result<QString>)> done);
    void write(const QString &key, const QString &secret, QObject *context, std::function<void(core::Status)> done);
    void remove(const QString &key, QObject *context, std::function<void(core::Status)> done);

    bool usingFallback() const { return m_fallbackActive; }
    QString fallbackPath() const;

signals:
    void fallbackActivated(const QString &reason);

private:
    using Answer = SecretBackend::Answer;
    using Outcome = SecretBackend::Outcome;

    bool switchToFallback(const Answer &answer);
    void readFromFallback(const QString &key, std::function<void(Answer)> done);
    void moveIntoKeychain(const QString &key, const QString &secret);
    static core::Error errorFor(const Answer &answer);
    template<typename T>
    void deliver(QObject *context, std::function<void(T)> done, T value);

    std::unique_ptr<SecretBackend> m_keychain;
    std::unique_ptr<FileSecretBackend> m_fallback;
    bool m_fallbackActive = false;
};

} // namespace ddd::core::credentials
