// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/blobvariant.h"

namespace ddd::core::blobs {

QList<ContentCoding> BlobVariant::codings()
{
    return {ContentCoding::Brotli, ContentCoding::Gzip};
}

QByteArray BlobVariant::token(ContentCoding coding)
{
    return coding == ContentCoding::Brotli ? QByteArrayLiteral("br") : QByteArrayLiteral("gzip");
}

QString BlobVariant::suffix(ContentCoding coding)
{
    return coding == ContentCoding::Brotli ? u".br"_qs : u".gz"_qs;
}

std::optional<ContentCoding> BlobVariant::fromSuffix(QStringView suffix)
{
    for (ContentCoding coding : codings())
        if (suffix == BlobVariant::suffix(coding))
            return coding;
    return std::nullopt;
}

std::optional<ContentCoding> BlobVariant::fromToken(const QByteArray &token)
{
    for (ContentCoding coding : codings())
        if (token == BlobVariant::token(coding))
            return coding;
    return std::nullopt;
}

} // namespace ddd::core::blobs
