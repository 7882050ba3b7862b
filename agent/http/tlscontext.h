// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "core/util/result.h"

#include <boost/asio/ssl/context.hpp>

#include <memory>

namespace ddd::agent::http {

// The server side of TLS, one certificate chain and key loaded from PEM files
// at start-up, with a modern policy (docs/operations.md, "TLS policy"):
// TLS 1.2 with ECDHE key exchange and AEAD ciphers only, TLS 1.3, the
// server's cipher order, X25519 first; or TLS 1.3 only.
class TlsContext final
{
public:
    enum class MinVersion { Tls12, Tls13 };

    // Fails with http.tls_certificate_invalid or http.tls_key_invalid (also
    // when the key does not belong to the certificate).
    static core::Result<std::unique_ptr<TlsContext>> load(const QString &certFile, const QString &keyFile,
                                                          MinVersion minVersion = MinVersion::Tls12,
                                                          bool http2 = true);

    asio::ssl::context &context() { return m_context; }

private:
    explicit TlsContext(MinVersion minVersion);
    // Server Name Indication: the place to pick a per-host certificate. With
    // one certificate every name gets it; the name is only logged.
    static int onServerName(SSL *ssl, int *alert, void *self);
    // ALPN: "h2" when offered and HTTP/2 is on, else "http/1.1"; a client
    // offering neither gets no ALPN and speaks HTTP/1.1 as before.
    static int onAlpn(SSL *ssl, const unsigned char **out, unsigned char *outLength, const unsigned char *in,
                      unsigned int inLength, void *self);

    bool m_http2 = true;

    asio::ssl::context m_context;
};

} // namespace ddd::agent::http
