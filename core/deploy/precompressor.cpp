// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/precompressor.h"

#include "core/blobs/blobstore.h"
#include "core/blobs/filecompressor.h"
#include "core/blobs/sha256.h"
#include "core/deploy/blobpublisher.h"
#include "core/deploy/compressiblepaths.h"
#include "core/util/crashpoint.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QSet>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcCompress, "ddd.core.deploy")

} // namespace

Precompressor::Precompressor(storage::BlobVariantStore &variants, const blobs::BlobStore &store)
    : m_variants(variants), m_store(store)
{
}

void Precompressor::prepare(const QList<blobs::ManifestEntry> &files)
{
    std::lock_guard lock(m_compressing);
    QElapsedTimer timer;
    timer.start();
    QSet<QByteArray> seen;
    Batch batch;
    for (const blobs::ManifestEntry &entry : files) {
        if (!CompressiblePaths::isCompressible(entry.path) || seen.contains(entry.sha256))
            continue;
        seen.insert(entry.sha256);
        if (Status prepared = prepareBlob(entry.sha256, entry.size, batch); !prepared)
            qCWarning(lcCompress).noquote() << "No precompressed variants for" << entry.path << ":"
                                            << prepared.error().message;
    }
    if (Status committed = commit(batch); !committed)
        qCWarning(lcCompress).noquote() << "Precompressed variants not kept:" << committed.error().message;
    if (!batch.decisions.isEmpty())
        qCInfo(lcCompress) << "Precompressed" << batch.decisions.size() << "variants," << batch.staged.size()
                           << "kept, in" << timer.elapsed() << "ms";
}

Status Precompressor::commit(const Batch &batch)
{
    if (batch.decisions.isEmpty() && batch.staged.isEmpty())
        return {}; // nothing decided: nothing to write, and no crash point to meet
    Status moved = m_store.commitVariants(batch.staged);
    if (!moved) {
        for (const blobs::StagedVariant &variant : batch.staged)
            QFile::remove(variant.path); // those already moved stay unrecorded: repair removes them
        return moved;
    }
    CrashPoint::hit("compress.variants_committed");
    Result<QList<storage::BlobVariantStore::Decision>> lost = m_variants.record(batch.decisions);
    if (!lost)
        return lost.error();
    // Another agent decided first: its variant is the one recorded (and
    // fetched from the bucket when asked for), so ours must not be served.
    for (const storage::BlobVariantStore::Decision &decision : *lost)
        if (decision.size)
            QFile::remove(m_store.variantPath(decision.sha256, decision.coding));
    return {};
}

Status Precompressor::prepareBlob(const QByteArray &sha256, qint64 size, Batch &batch)
{
    Result<QSet<blobs::ContentCoding>> decided = m_variants.decided(sha256);
    if (!decided)
        return decided.error();
    if (decided->size() == blobs::BlobVariant::codings().size())
        return {};
    if (Status held = m_store.ensureHeld(sha256); !held) // evicted from a capped cache: fetched once
        return held;
    for (blobs::ContentCoding coding : blobs::BlobVariant::codings()) {
        if (decided->contains(coding))
            continue;
        if (Status made = makeVariant(sha256, coding, size, batch); !made)
            return made;
    }
    return {};
}

Status Precompressor::makeVariant(const QByteArray &sha256, blobs::ContentCoding coding, qint64 size, Batch &batch)
{
    const QString staged = m_store.variantStagingPath();
    // Past this many bytes the variant saves under 10% and is not kept.
    const qint64 limit = size * kKeepPercent / 100 + 1;
    int quality = kFastQuality;
    if (coding == blobs::ContentCoding::Brotli && size <= kDenseMaxBlobBytes && size <= batch.denseBudget) {
        quality = kDenseQuality;
        batch.denseBudget -= size;
    }
    Result<std::optional<qint64>> compressed =
        blobs::FileCompressor::compress(m_store.pathFor(sha256), staged, coding, limit, quality);
    if (!compressed) {
        QFile::remove(staged);
        return compressed.error();
    }
    if (!compressed->has_value()) {
        QFile::remove(staged);
        batch.decisions.append({sha256, coding, std::nullopt, {}});
        return {};
    }
    Result<QByteArray> published = publish(staged);
    if (!published) {
        QFile::remove(staged);
        return published.error();
    }
    batch.staged.append({staged, sha256, coding, **compressed});
    batch.decisions.append({sha256, coding, *compressed, *published});
    return {};
}

Result<QByteArray> Precompressor::publish(const QString &staged)
{
    if (!m_publisher)
        return QByteArray();
    Result<QByteArray> hash = blobs::Sha256::ofFile(staged);
    if (!hash)
        return hash.error();
    if (Status published = m_publisher->publishFile(*hash, staged); !published)
        return published.error();
    return *hash;
}

} // namespace ddd::core::deploy
