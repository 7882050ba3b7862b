// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/sharedvariants.h"

#include "core/blobs/sharedblobs.h"
#include "core/storage/blobvariantstore.h"

namespace ddd::core::deploy {

SharedVariants::SharedVariants(storage::BlobVariantStore &variants, blobs::SharedBlobs &shared)
    : m_variants(variants), m_shared(shared)
{
}

Status SharedVariants::ensureLocal(const QByteArray &sha256, blobs::ContentCoding coding)
{
    Result<std::optional<QByteArray>> published = m_variants.publishedHash(sha256, coding);
    if (!published)
        return published.error();
    if (!published->has_value())
        return Error::make(u"blob.not_found"_qs, u"The %1 variant of %2 is not in the shared bucket"_qs.arg(
                                                     QString::fromLatin1(blobs::BlobVariant::token(coding)),
                                                     QString::fromLatin1(sha256)));
    return m_shared.ensureLocalVariant(sha256, coding, **published);
}

} // namespace ddd::core::deploy
