// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/variantrepair.h"

#include "core/blobs/blobstore.h"
#include "core/blobs/sha256.h"
#include "core/deploy/blobpublisher.h"
#include "core/storage/blobvariantstore.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcRepair, "ddd.core.deploy")

QByteArray keyOf(const blobs::StoredVariant &variant)
{
    return variant.sha256 + blobs::BlobVariant::suffix(variant.coding).toLatin1();
}

} // namespace

VariantRepair::VariantRepair(storage::BlobVariantStore &variants, const blobs::BlobStore &store,
                             BlobPublisher *publisher)
    : m_variants(variants), m_store(store), m_publisher(publisher)
{
}

// The hashes of `rows` whose blob is here, or in the bucket.
Result<QSet<QByteArray>> VariantRepair::blobsHeld(const QList<blobs::StoredVariant> &rows) const
{
    QSet<QByteArray> held, absent;
    for (const blobs::StoredVariant &row : rows)
        (m_store.contains(row.sha256) ? held : absent).insert(row.sha256);
    if (!m_publisher || absent.isEmpty())
        return held;
    Result<QSet<QByteArray>> published = m_publisher->published(absent.values());
    if (!published)
        return published.error();
    return held.unite(*published);
}

// The published hashes of `rows`' variants the bucket holds.
Result<QSet<QByteArray>> VariantRepair::variantsInBucket(const QList<blobs::StoredVariant> &rows) const
{
    QList<QByteArray> published;
    for (const blobs::StoredVariant &row : rows)
        if (!row.variantSha256.isEmpty())
            published.append(row.variantSha256);
    if (!m_publisher || published.isEmpty())
        return QSet<QByteArray>();
    return m_publisher->published(published);
}

Status VariantRepair::run()
{
    Result<QList<blobs::StoredVariant>> files = m_store.listVariants();
    if (!files)
        return files.error();
    Result<QList<blobs::StoredVariant>> rows = m_variants.kept();
    if (!rows)
        return rows.error();
    QHash<QByteArray, qint64> onDisk;
    for (const blobs::StoredVariant &file : *files)
        onDisk.insert(keyOf(file), file.size);
    Result<QSet<QByteArray>> held = blobsHeld(*rows);
    if (!held)
        return held.error();
    Result<QSet<QByteArray>> inBucket = variantsInBucket(*rows);
    if (!inBucket)
        return inBucket.error();
    QHash<QByteArray, qint64> sound;
    for (const blobs::StoredVariant &row : *rows) {
        const bool whole = onDisk.value(keyOf(row), -1) == row.size && held->contains(row.sha256);
        if (whole) {
            sound.insert(keyOf(row), row.size);
            continue;
        }
        // Made elsewhere, or damaged here: fetched from the bucket when asked for.
        if (inBucket->contains(row.variantSha256))
            continue;
        qCWarning(lcRepair) << "Dropping damaged variant" << keyOf(row);
        if (Status forgotten = m_variants.forget(row.sha256, row.coding); !forgotten)
            return forgotten;
    }
    // Files no sound row names: never served, so removed.
    for (const blobs::StoredVariant &file : *files) {
        if (sound.contains(keyOf(file)))
            continue;
        qCInfo(lcRepair) << "Removing unrecorded variant" << keyOf(file);
        const QString path = m_store.variantPath(file.sha256, file.coding);
        if (!QFile::remove(path))
            return Error::make(u"io.error"_qs, u"Cannot remove "_qs + path);
    }
    publishLocalOnly(*rows, sound);
    return {};
}

// Variants kept before they were published (schema step 23, or before the
// agent had a bucket) go up now, so every agent can fetch them. The bucket
// may be down: what is left goes at the next start.
void VariantRepair::publishLocalOnly(const QList<blobs::StoredVariant> &rows, const QHash<QByteArray, qint64> &sound)
{
    if (!m_publisher)
        return;
    int published = 0;
    for (const blobs::StoredVariant &row : rows) {
        if (!row.variantSha256.isEmpty() || !sound.contains(keyOf(row)))
            continue;
        const QString path = m_store.variantPath(row.sha256, row.coding);
        Result<QByteArray> hash = blobs::Sha256::ofFile(path);
        Status done = hash ? m_publisher->publishFile(*hash, path) : Status(hash.error());
        if (done)
            done = m_variants.setPublishedHash(row.sha256, row.coding, *hash);
        if (!done) {
            qCWarning(lcRepair).noquote() << "Variants not published yet:" << done.error().message;
            break;
        }
        ++published;
    }
    if (published > 0)
        qCInfo(lcRepair) << "Published" << published << "variants kept here only";
}

} // namespace ddd::core::deploy
