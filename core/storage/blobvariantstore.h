// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobvariant.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;

// blob_variants: which precompressed variants of a blob exist and their
// sizes, plus the codings tried and found not worth keeping. It lets the
// site snapshot know every variant without touching the disk, and the
// deploy skip content it already decided about.
class BlobVariantStore final
{
public:
    // One variant of one file of a version.
    struct FileVariant
    {
        QString path;
        blobs::ContentCoding coding = blobs::ContentCoding::Brotli;
        qint64 size = 0;
    };

    explicit BlobVariantStore(ConnectionProvider &connections);

    // The codings already decided for a blob, kept or not.
    Result<QSet<blobs::ContentCoding>> decided(const QByteArray &sha256);
    // One decision: `size` empty records "not worth keeping".
    struct Decision
    {
        QByteArray sha256;
        blobs::ContentCoding coding = blobs::ContentCoding::Brotli;
        std::optional<qint64> size;
        QByteArray variantSha256; // of the variant's bytes when published to the bucket; empty: not
    };
    // All in one transaction: one sync for a whole deploy. A decision whose
    // row is there already (another agent decided the same blob meanwhile)
    // does not replace it; those are answered, so the caller drops its own
    // variant files rather than serve them under another agent's row.
    Result<QList<Decision>> record(const QList<Decision> &decisions);
    // The kept variants of every file of a version: one query, no disk.
    Result<QList<FileVariant>> forVersion(qint64 versionId);
    // A blob of a retained version of a project with a coding not decided
    // yet (the agent stopped before its variants were made), for the
    // start-up sweep.
    struct Undecided
    {
        qint64 projectId = 0;
        QString path; // one of the paths the blob has in the project
        QByteArray sha256;
        qint64 size = 0;
    };
    Result<QList<Undecided>> undecided();
    // Every kept variant, for start-up repair.
    Result<QList<blobs::StoredVariant>> kept();
    // The hash a kept variant is published under in the bucket; nullopt
    // when it is not kept or not published.
    Result<std::optional<QByteArray>> publishedHash(const QByteArray &sha256, blobs::ContentCoding coding);
    // Records that a kept variant is now in the bucket under `variantSha256`.
    Status setPublishedHash(const QByteArray &sha256, blobs::ContentCoding coding, const QByteArray &variantSha256);
    // Forgets one coding of a blob, or all of them.
    Status forget(const QByteArray &sha256, std::optional<blobs::ContentCoding> coding = std::nullopt);

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
