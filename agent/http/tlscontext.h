// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "core/util/result.h"

#include <boost/asio/ssl/context.hpp>

#include <memory>

namespace ddd::agent::http {

// The server side of TLS: TLS 1.2 or newer, one certificate chain and key
// loaded from PEM files at start-up.
class TlsContext final
{
public:
    // Fails with http.tls_certificate_invalid or http.tls_key_invalid (also
    // when the key does not belong to the certificate).
    static core::Result<std::unique_ptr<TlsContext>> load(const QString &certFile, const QString &keyFile);

    asio::ssl::context &context() { return m_context; }

private:
    TlsContext();
    // Server Name Indication: the place to pick a per-host certificate. With
    // one certificate every name gets it; the name is only logged.
    static int onServerName(SSL *ssl, int *alert, void *self);

    asio::ssl::context m_context;
};

} // namespace ddd::agent::http
