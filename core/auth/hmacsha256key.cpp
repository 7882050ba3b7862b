// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/hmacsha256key.h"

#include "core/auth/hmacsha256.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace ddd::core::auth {

HmacSha256Key::HmacSha256Key(const QByteArray &key) : m_key(key)
{
    EVP_MAC *hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!hmac)
        return;
    m_keyed = EVP_MAC_CTX_new(hmac);
    EVP_MAC_free(hmac); // the context holds its own reference
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    // An empty key is a valid HMAC key; OpenSSL wants a non-null pointer for it.
    static const unsigned char none = 0;
    const auto *bytes = key.isEmpty() ? &none : reinterpret_cast<const unsigned char *>(key.constData());
    if (m_keyed && !EVP_MAC_init(m_keyed, bytes, size_t(key.size()), params)) {
        EVP_MAC_CTX_free(m_keyed);
        m_keyed = nullptr;
    }
}

HmacSha256Key::~HmacSha256Key()
{
    EVP_MAC_CTX_free(m_keyed);
}

QByteArray HmacSha256Key::sign(QByteArrayView message) const
{
    if (!m_keyed)
        return HmacSha256::sign(m_key, message.toByteArray());
    EVP_MAC_CTX *context = EVP_MAC_CTX_dup(m_keyed);
    QByteArray mac(HmacSha256::kBytes, Qt::Uninitialized);
    std::size_t length = 0;
    const bool signedOk = context
        && EVP_MAC_update(context, reinterpret_cast<const unsigned char *>(message.data()), std::size_t(message.size()))
        && EVP_MAC_final(context, reinterpret_cast<unsigned char *>(mac.data()), &length, std::size_t(mac.size()))
        && length == std::size_t(mac.size());
    EVP_MAC_CTX_free(context);
    return signedOk ? mac : QByteArray(); // empty: a failed check, as HmacSha256::sign
}

} // namespace ddd::core::auth
