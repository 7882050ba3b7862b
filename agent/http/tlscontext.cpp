// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/tlscontext.h"

#include "agent/http/httplogging.h"

#include <openssl/ssl.h>

namespace ddd::agent::http {

TlsContext::TlsContext(const TlsPolicy &policy) : m_policy(policy), m_context(asio::ssl::context::tls_server)
{
    m_policy.applyTo(m_context.native_handle());
    SSL_CTX_set_tlsext_servername_callback(m_context.native_handle(), &TlsContext::onServerName);
    SSL_CTX_set_tlsext_servername_arg(m_context.native_handle(), this);
}

void TlsContext::setCertificates(std::shared_ptr<const CertificateStore> store)
{
    const std::lock_guard lock(m_mutex);
    m_store.swap(store);
    // The old store is released after the lock; handshakes that switched to
    // one of its contexts hold their own reference.
}

std::shared_ptr<const CertificateStore> TlsContext::certificates() const
{
    const std::lock_guard lock(m_mutex);
    return m_store;
}

int TlsContext::onServerName(SSL *ssl, int *alert, void *self)
{
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    const std::shared_ptr<const CertificateStore> store = static_cast<TlsContext *>(self)->certificates();
    SSL_CTX *chosen = store ? store->select(QString::fromLatin1(name ? name : "")) : nullptr;
    if (!chosen) {
        *alert = SSL_AD_UNRECOGNIZED_NAME;
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    // Takes a reference to `chosen` and its certificate: the store may be
    // replaced before this handshake ends.
    SSL_set_SSL_CTX(ssl, chosen);
    return SSL_TLSEXT_ERR_OK;
}

} // namespace ddd::agent::http
