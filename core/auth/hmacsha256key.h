// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct evp_mac_ctx_st; // OpenSSL's EVP_MAC_CTX, kept out of this header

namespace ddd::core::auth {

// One HMAC-SHA256 key prepared for many signatures. OpenSSL 3's one-shot
// HMAC() (HmacSha256::sign) looks the algorithm up by name on every call:
// 2.2 us per signature here, under a lock every thread shares. A context
// keyed once and copied per signature costs 0.56 us; the site listener
// signs once per protected request (SiteCredentialCache).
class HmacSha256Key final
{
public:
    explicit HmacSha256Key(const QByteArray &key);
    ~HmacSha256Key();
    HmacSha256Key(const HmacSha256Key &) = delete;
    HmacSha256Key &operator=(const HmacSha256Key &) = delete;

    // What HmacSha256::sign(key, message) answers. Thread-safe: the keyed
    // context is only ever read.
    QByteArray sign(QByteArrayView message) const;

private:
    QByteArray m_key;                    // for the one-shot path if OpenSSL could not prepare one
    evp_mac_ctx_st *m_keyed = nullptr;   // never modified after construction
};

} // namespace ddd::core::auth
