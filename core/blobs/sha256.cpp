// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/sha256.h"

#include "core/util/diskfull.h"

#include <QFile>

#include <openssl/evp.h>

#include <algorithm>

namespace ddd::core::blobs {

namespace {

constexpr qsizetype kHexLength = 64;
constexpr qint64 kFileSlice = 256 * 1024;

void start(EVP_MD_CTX *context)
{
    // Only fails on allocation failure or a broken OpenSSL; there is no
    // sensible way to go on hashing content without it.
    if (!context || EVP_DigestInit_ex(context, EVP_sha256(), nullptr) != 1)
        qFatal("SHA-256 is unavailable");
}

} // namespace

void Sha256::Deleter::operator()(evp_md_ctx_st *context) const
{
    EVP_MD_CTX_free(context);
}

Sha256::Sha256() : m_context(EVP_MD_CTX_new())
{
    start(m_context.get());
}

Sha256::Sha256(Sha256 &&other) noexcept = default;
Sha256 &Sha256::operator=(Sha256 &&other) noexcept = default;
Sha256::~Sha256() = default;

void Sha256::addData(QByteArrayView data)
{
    EVP_DigestUpdate(m_context.get(), data.data(), size_t(data.size()));
}

QByteArray Sha256::hexResult()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context.get(), digest, &length);
    start(m_context.get());
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}

QByteArray Sha256::hexOf(QByteArrayView data)
{
    Sha256 hash;
    hash.addData(data);
    return hash.hexResult();
}

bool Sha256::isValidHex(QByteArrayView hex)
{
    return hex.size() == kHexLength
        && std::all_of(hex.begin(), hex.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Result<QByteArray> Sha256::ofFile(const QString &path)
{
    QFile file(path);
    auto unreadable = [&] {
        return Error::make(DiskFull::codeFor(errno), QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    };
    if (!file.open(QIODevice::ReadOnly))
        return unreadable();
    Sha256 hash;
    while (!file.atEnd()) {
        const QByteArray slice = file.read(kFileSlice);
        if (slice.isEmpty())
            return unreadable();
        hash.addData(slice);
    }
    return hash.hexResult();
}

} // namespace ddd::core::blobs
