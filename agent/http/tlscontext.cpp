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

// TLS 1.2: forward secrecy (ECDHE; no static RSA, no finite-field DHE with
// its parameter pitfalls) and AEAD ciphers only (no CBC, so no LUCKY13 and
// no SHA-1 MAC). Mozilla's "intermediate" list without DHE; AES-GCM first,
// ChaCha20 for clients without AES instructions.
constexpr const char *tls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                     "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                     "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
// TLS 1.3 has only AEAD suites; named so the order is ours, not a default's.
constexpr const char *tls13Suites = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";
// X25519 first: fast, constant-time, and what browsers offer first.
constexpr const char *groups = "X25519:P-256:P-384";

void applyPolicy(SSL_CTX *ctx, TlsContext::MinVersion minVersion)
{
    SSL_CTX_set_min_proto_version(ctx,
                                  minVersion == TlsContext::MinVersion::Tls13 ? TLS1_3_VERSION : TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(ctx, tls12Ciphers);
    SSL_CTX_set_ciphersuites(ctx, tls13Suites);
    SSL_CTX_set1_groups_list(ctx, groups);
    // Our order, not the client's: a client listing a weaker suite first
    // still gets the strongest both sides have. No renegotiation (a DoS
    // lever with no use here) and no TLS compression (CRIME).
    SSL_CTX_set_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
}

} // namespace

TlsContext::TlsContext(MinVersion minVersion) : m_context(asio::ssl::context::tls_server)
{
    m_context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2
                          | asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1
                          | asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
    applyPolicy(m_context.native_handle(), minVersion);
    SSL_CTX_set_tlsext_servername_callback(m_context.native_handle(), &TlsContext::onServerName);
    SSL_CTX_set_tlsext_servername_arg(m_context.native_handle(), this);
    SSL_CTX_set_alpn_select_cb(m_context.native_handle(), &TlsContext::onAlpn, this);
}

core::Result<std::unique_ptr<TlsContext>> TlsContext::load(const QString &certFile, const QString &keyFile,
                                                          MinVersion minVersion, bool http2)
{
    std::unique_ptr<TlsContext> tls(new TlsContext(minVersion));
    tls->m_http2 = http2;
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

int TlsContext::onAlpn(SSL *, const unsigned char **out, unsigned char *outLength, const unsigned char *in,
                       unsigned int inLength, void *self)
{
    static const unsigned char h2[] = {2, 'h', '2'};
    static const unsigned char http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char *selected = nullptr;
    if (static_cast<TlsContext *>(self)->m_http2
        && SSL_select_next_proto(&selected, outLength, h2, sizeof h2, in, inLength) == OPENSSL_NPN_NEGOTIATED) {
        *out = selected;
        return SSL_TLSEXT_ERR_OK;
    }
    if (SSL_select_next_proto(&selected, outLength, http11, sizeof http11, in, inLength) == OPENSSL_NPN_NEGOTIATED) {
        *out = selected;
        return SSL_TLSEXT_ERR_OK;
    }
    return SSL_TLSEXT_ERR_NOACK;
}

} // namespace ddd::agent::http
