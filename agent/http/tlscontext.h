// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "agent/http/certificatestore.h"
#include "agent/http/tlspolicy.h"

#include <boost/asio/ssl/context.hpp>

#include <memory>
#include <mutex>

namespace ddd::agent::http {

// The server side of TLS: the context every connection of a TLS listener
// starts with, holding the TLS policy but no certificate of its own. Its
// SNI callback moves each handshake to the context of the certificate for
// the name asked (CertificateStore::select). The store can be replaced
// while connections run: a handshake under way keeps the context it took.
class TlsContext final
{
public:
    explicit TlsContext(const TlsPolicy &policy);
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    asio::ssl::context &context() { return m_context; }
    const TlsPolicy &policy() const { return m_policy; }

    void setCertificates(std::shared_ptr<const CertificateStore> store);
    std::shared_ptr<const CertificateStore> certificates() const;

private:
    // Called for every handshake, also when the client sent no name.
    static int onServerName(SSL *ssl, int *alert, void *self);

    TlsPolicy m_policy;
    asio::ssl::context m_context;
    mutable std::mutex m_mutex; // guards m_store; held only to copy the pointer
    std::shared_ptr<const CertificateStore> m_store;
};

} // namespace ddd::agent::http
