// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/role.h"
#include "core/model/user.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace ddd::core {
class Clock;
}

namespace ddd::core::storage {

class ConnectionProvider;
class Statement;

// Accounts in the `users` table. E-mail uniqueness is decided on
// EmailAddress::key (trimmed, NFKC, lower case), so "Ann@Example.com" and
// "ann@example.com" are one account. Password hashes leave this class only
// through passwordHash(). Missing users are `user.not_found`.
class UserStore final
{
public:
    UserStore(ConnectionProvider &connections, const Clock &clock);

    // Without an explicit role the account becomes operator if it is the
    // first one and user otherwise; the count and the insert run in one
    // BEGIN IMMEDIATE transaction, so of two simultaneous first sign-ups
    // exactly one is operator. Fails with user.email_taken.
    Result<model::User> create(const QString &email, const QString &passwordHash, std::optional<model::Role> role);

    Result<model::User> findById(qint64 userId);
    Result<model::User> findByEmail(const QString &email);
    Result<QString> passwordHash(qint64 userId);
    Result<qint64> count();
    Result<QList<model::User>> list();

    // Both bump token_version, so every session token issued before dies.
    Result<model::User> setPassword(qint64 userId, const QString &passwordHash);
    Result<model::User> setRole(qint64 userId, model::Role role);

    // Replaces a hash with a stronger one of the same password after a login,
    // leaving sessions alone. A no-op when the stored hash is no longer
    // `currentHash`: a password change that landed meanwhile wins.
    Status upgradeHash(qint64 userId, const QString &currentHash, const QString &newHash);

    Status remove(qint64 userId);

private:
    Result<model::User> updateOne(Statement &statement);

    ConnectionProvider &m_connections;
    const Clock &m_clock;
};

} // namespace ddd::core::storage
