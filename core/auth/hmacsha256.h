// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace ddd::core::auth {

// HMAC-SHA256 through OpenSSL, with the constant-time comparison every
// verifier of a MAC needs (a plain == would leak how many bytes matched).
class HmacSha256 final
{
public:
    static constexpr int kBytes = 32;

    // Empty only if OpenSSL fails, which callers treat as a failed check.
    static QByteArray sign(const QByteArray &key, const QByteArray &message);
    static bool equal(const QByteArray &a, const QByteArray &b);
};

} // namespace ddd::core::auth
