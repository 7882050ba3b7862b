// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::blobs {

// A precompressed copy of a blob, made once per content hash at deploy time
// and stored beside it (blobs/<2 hex>/<64 hex>.br, .gz), so the site
// listener can send it without compressing on the request path.
enum class ContentCoding { Brotli, Gzip };

// A variant file found in the store by listVariants().
struct StoredVariant final
{
    QByteArray sha256; // of the blob it was made from
    ContentCoding coding = ContentCoding::Brotli;
    qint64 size = 0;
    // Rows only: the variant's own hash when it is in the shared bucket.
    QByteArray variantSha256;
};

// A variant written in staging/ and waiting for BlobStore::commitVariants().
struct StagedVariant final
{
    QString path;
    QByteArray sha256;
    ContentCoding coding = ContentCoding::Brotli;
    qint64 size = 0;
};

class BlobVariant final
{
public:
    // Every coding the store keeps, in the order the site listener prefers them.
    static QList<ContentCoding> codings();
    // The HTTP content-coding token: "br", "gzip".
    static QByteArray token(ContentCoding coding);
    // The file name suffix after the hash: ".br", ".gz".
    static QString suffix(ContentCoding coding);
    // The coding a suffix names, for listings of the store.
    static std::optional<ContentCoding> fromSuffix(QStringView suffix);
    static std::optional<ContentCoding> fromToken(const QByteArray &token);
};

} // namespace ddd::core::blobs
