// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <functional>

namespace ddd::core::credentials {

// Somewhere to keep secrets by key. Answers arrive through the callback,
// possibly later; `Unavailable` means "no such service here", which makes
// the CredentialStore fall back, unlike `Failed` (for example access denied).
class SecretBackend
{
public:
    enum class Outcome { Ok, NotFound, Unavailable, Failed };
    struct Answer
    {
        Outcome outcome = Outcome::Ok;
        QString secret;
        QString reason; // for humans, never containing the secret
    };
    using Done = std::function<void(Answer)>;

    virtual ~SecretBackend() = default;
    virtual void read(const QString &key, Done done) = 0;
    virtual void write(const QString &key, const QString &secret, Done done) = 0;
    virtual void remove(const QString &key, Done done) = 0;
};

} // namespace ddd::core::credentials
