// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace ddd::core::auth {

// The HMAC key that signs session tokens: <dataDir>/keys/jwt.key, 32 random
// bytes written on first start (directory 0700, file 0600) and read on every
// later start (security guide 5.2 and 10). Deleting the file and restarting
// invalidates every session token.
class JwtKeyFile final
{
public:
    static constexpr int kKeyBytes = 32; // RFC 7518 3.2: at least the hash size
    static constexpr int kMaxKeyBytes = 1024;

    // Fails with auth.key_invalid (shorter than kKeyBytes, longer than
    // kMaxKeyBytes, not a regular file), auth.key_permissions (readable by
    // group or others, as ssh refuses) or auth.key_io.
    static Result<QByteArray> loadOrCreate(const QString &dataDir);

    static QString keysDir(const QString &dataDir);
    static QString keyPath(const QString &dataDir);
};

} // namespace ddd::core::auth
