// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>

namespace ddd::core::auth {

// Cryptographically secure random bytes from OpenSSL's DRBG, for salts, keys
// and token secrets. Never use QRandomGenerator::global() for these: it is
// not documented as a CSPRNG on every platform.
class SecureRandom final
{
public:
    // Fails with `crypto.random_failed` if the DRBG cannot be seeded.
    static Result<QByteArray> bytes(int count);
};

} // namespace ddd::core::auth
