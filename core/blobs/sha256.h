// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

struct evp_md_ctx_st;

namespace ddd::core::blobs {

// Incremental SHA-256 (OpenSSL EVP). Content hashes travel as 64 lower-case
// hex characters everywhere: blob names, manifests, ETags, the wire.
class Sha256 final
{
public:
    Sha256();
    Sha256(Sha256 &&other) noexcept;
    Sha256 &operator=(Sha256 &&other) noexcept;
    ~Sha256();

    void addData(QByteArrayView data);
    // The hex digest of everything added; the hasher starts over afterwards.
    QByteArray hexResult();

    static QByteArray hexOf(QByteArrayView data);
    // The hex digest of a file's content, read in slices; a file that
    // cannot be read answers io.error (or storage.read_only, ...disk_full).
    static Result<QByteArray> ofFile(const QString &path);
    // True for exactly 64 characters of [0-9a-f]: the only strings ever used
    // to name a blob file.
    static bool isValidHex(QByteArrayView hex);

private:
    struct Deleter
    {
        void operator()(evp_md_ctx_st *context) const;
    };

    std::unique_ptr<evp_md_ctx_st, Deleter> m_context;
};

} // namespace ddd::core::blobs
