// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/tlscontext.h"

#include "agent/http/httplogging.h"

#include <QFile>

#include <openssl/ssl.h>

namespace ddd::agent::http {

namespace {

core::Error tlsError(const char16_t *code, const QString &file, const error_code &ec)
{
    return core::Error::make(QString::fromUtf16(code), QString::fromStdString(ec.message()),
                             QJsonObject{{u"file"_qs, file}});
}

} // namespace

TlsContext::TlsContext() : m_context(asio::ssl::context::tls_server)
{
    m_context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2
                          | asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1
                          | asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
    SSL_CTX_set_min_proto_version(m_context.native_handle(), TLS1_2_VERSION);
    SSL_CTX_set_tlsext_servername_callback(m_context.native_handle(), &TlsContext::onServerName);
    SSL_CTX_set_tlsext_servername_arg(m_context.native_handle(), this);
}

core::Result<std::unique_ptr<TlsContext>> TlsContext::load(const QString &certFile, const QString &keyFile)
{
    std::unique_ptr<TlsContext> tls(new TlsContext);
    error_code ec;
    tls->m_context.use_certificate_chain_file(QFile::encodeName(certFile).toStdString(), ec);
    if (ec)
        return tlsError(u"http.tls_certificate_invalid", certFile, ec);
    tls->m_context.use_private_key_file(QFile::encodeName(keyFile).toStdString(), asio::ssl::context::pem, ec);
    if (ec)
        return tlsError(u"http.tls_key_invalid", keyFile, ec);
    if (SSL_CTX_check_private_key(tls->m_context.native_handle()) != 1)
        return core::Error::make(u"http.tls_key_invalid"_qs, u"the key does not match the certificate"_qs,
                                 QJsonObject{{u"file"_qs, keyFile}});
    return tls;
}

int TlsContext::onServerName(SSL *ssl, int * /*alert*/, void * /*self*/)
{
    if (const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name))
        qCDebug(lcHttp) << "TLS client asked for" << name;
    return SSL_TLSEXT_ERR_OK;
}

} // namespace ddd::agent::http
