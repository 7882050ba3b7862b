// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/tlspolicy.h"

#include <openssl/ssl.h>

namespace ddd::agent::http {

namespace {

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

// The callback's argument says whether h2 is offered; static, so a context
// never points at an object that may go away before it does.
const bool withHttp2 = true;
const bool withoutHttp2 = false;

// ALPN: "h2" when offered and HTTP/2 is on, else "http/1.1"; a client
// offering neither gets no ALPN and speaks HTTP/1.1 as before.
int selectAlpn(SSL *, const unsigned char **out, unsigned char *outLength, const unsigned char *in,
               unsigned int inLength, void *http2)
{
    static const unsigned char h2[] = {2, 'h', '2'};
    static const unsigned char http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char *selected = nullptr;
    if (*static_cast<const bool *>(http2)
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

} // namespace

void TlsPolicy::applyTo(SSL_CTX *ctx) const
{
    SSL_CTX_set_min_proto_version(ctx, tls13Only ? TLS1_3_VERSION : TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(ctx, tls12Ciphers);
    SSL_CTX_set_ciphersuites(ctx, tls13Suites);
    SSL_CTX_set1_groups_list(ctx, groups);
    // Our order, not the client's: a client listing a weaker suite first
    // still gets the strongest both sides have. No renegotiation (a DoS
    // lever with no use here) and no TLS compression (CRIME).
    SSL_CTX_set_options(ctx, SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_SINGLE_DH_USE | SSL_OP_ALL
                                 | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
    SSL_CTX_set_alpn_select_cb(ctx, &selectAlpn, const_cast<bool *>(http2 ? &withHttp2 : &withoutHttp2));
}

} // namespace ddd::agent::http
