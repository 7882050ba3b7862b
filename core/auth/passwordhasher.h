// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

namespace ddd::core::auth {

class HashingSlots;

// Argon2id password hashing (security guide 6.1-6.3). Passwords are
// NFKC-normalised (NIST SP 800-63B 5.1.1.2) and bounded *before* any work is
// done; every argon2 computation takes a slot from the shared HashingSlots and
// fails with `auth.busy` at once when none is free. Thread-safe.
class PasswordHasher final
{
public:
    // OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane.
    struct Parameters final
    {
        quint32 memoryKiB = 19 * 1024;
        quint32 iterations = 2;
        quint32 parallelism = 1;
    };

    static constexpr int kMaxPasswordBytes = 1024;
    static constexpr int kMinPasswordLength = 8;
    // For operator accounts created from the command line.
    static constexpr int kMinBootstrapPasswordLength = 12;

    explicit PasswordHasher(HashingSlots &hashingSlots);
    PasswordHasher(HashingSlots &hashingSlots, Parameters parameters);

    // The encoded form ($argon2id$v=19$m=...,t=...,p=...$salt$hash) of a new
    // password with a fresh 16-byte salt. Fails with auth.password_too_long
    // (over kMaxPasswordBytes of UTF-8), auth.password_too_short (fewer than
    // minLength characters), auth.busy or crypto.*.
    Result<QString> hash(const QString &password, int minLength = kMinPasswordLength) const;

    // Whether password matches the encoded hash. Fails with
    // auth.password_too_long before hashing, auth.busy, or crypto.hash_failed
    // for an encoded string argon2 cannot read.
    Result<bool> verify(const QString &password, const QString &encoded) const;

    // Costs what verify() costs, for accounts that do not exist, so response
    // time does not tell an attacker which e-mail addresses are registered.
    Status verifyDummy(const QString &password) const;

    // True when encoded was made with other parameters or another argon2
    // variant than this hasher's, so it should be replaced after a login.
    bool needsRehash(const QString &encoded) const;

    // The bounds check alone (auth.password_too_long / auth.password_too_short),
    // for callers that want to refuse before doing anything else.
    static Status checkLength(const QString &password, int minLength);

private:
    HashingSlots &m_slots;
    Parameters m_parameters;
};

} // namespace ddd::core::auth
