// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
struct ssl_ctx_st;

namespace ddd::agent::http {

// The TLS policy every server context gets (docs/operations.md, "TLS
// policy"): TLS 1.2 with ECDHE key exchange and AEAD ciphers only, TLS 1.3,
// the server's cipher order, X25519 first; or TLS 1.3 only. Also ALPN.
// Applied to each certificate's context as well as to the one a connection
// starts with: OpenSSL reads ALPN from the context SNI switched to.
struct TlsPolicy final
{
    bool tls13Only = false;
    bool http2 = true; // offer "h2" by ALPN

    void applyTo(ssl_ctx_st *context) const;
};

} // namespace ddd::agent::http
