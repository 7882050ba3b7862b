// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/sitefile.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>

namespace ddd::core::deploy {

// The files of one immutable version as the site listener needs them, read
// from a version index file (written once by VersionIndexWriter) mapped
// read-only: opening costs an open, an fstat, an mmap and a check of the
// 64-byte header, whatever the number of files, and the entries stay in the
// page cache (shared, reclaimable) rather than in the agent's private
// memory. A lookup is a binary search over fixed-size entries comparing the
// UTF-8 path bytes in place. The mapping lives as long as the last
// shared_ptr: a request keeps the version it started with even when the
// file is replaced or deleted meanwhile.
//
// Codes: index.missing (no file), index.truncated (shorter than its header
// says), index.corrupt (bad magic, header or body checksum, order or
// bounds), index.stale (another format, version or type table), io.error.
class VersionIndex final
{
public:
    // Checks the header only (constant time); verify() reads everything.
    static Result<std::shared_ptr<const VersionIndex>> open(const QString &path, qint64 versionId);
    // The same over bytes in memory (tests, sites built without a data directory).
    static Result<std::shared_ptr<const VersionIndex>> fromBytes(QByteArray bytes, qint64 versionId);
    ~VersionIndex();
    VersionIndex(const VersionIndex &) = delete;
    VersionIndex &operator=(const VersionIndex &) = delete;

    qint64 versionId() const { return m_versionId; }
    qsizetype size() const { return m_count; }
    // Some compressible file had no variant decision when this was written.
    bool variantsPending() const { return m_variantsPending; }

    // `path` is normalised, without leading slash ("docs/index.html").
    std::optional<SiteFile> find(QStringView path) const;
    std::optional<SiteFile> find(QByteArrayView utf8Path) const;
    bool contains(QStringView path) const;

    // The entries in path order (listings, tests).
    QString pathAt(qsizetype i) const;
    SiteFile fileAt(qsizetype i) const;

    // The whole file: body checksum, every path in bounds and in strictly
    // increasing order. O(files); for start-up reconciliation.
    Status verify() const;

private:
    VersionIndex(const uchar *data, qsizetype size, QByteArray owned, bool mapped);
    static Result<std::shared_ptr<const VersionIndex>> adopt(const uchar *data, qsizetype size, QByteArray owned,
                                                             bool mapped, qint64 versionId);
    Status checkHeader(qint64 versionId, qsizetype actualSize);
    qsizetype position(QByteArrayView utf8Path) const;
    QByteArrayView pathBytes(qsizetype i) const;

    const uchar *m_data = nullptr;
    qsizetype m_size = 0;
    QByteArray m_owned; // backing bytes when not mapped
    bool m_mapped = false;
    qint64 m_versionId = 0;
    qsizetype m_count = 0;
    qsizetype m_stringsSize = 0;
    bool m_variantsPending = false;
};

} // namespace ddd::core::deploy
