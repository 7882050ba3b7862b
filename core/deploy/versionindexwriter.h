// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/sitefile.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace ddd::core::deploy {

// Writes the version index file VersionIndex reads (layout in
// versionindexlayout.h): rows in any order (already sorted by path bytes, as
// SQLite hands them out, costs no sort), then bytes() or writeTo(), which
// writes a temporary file, fsyncs it, renames it over `path` and fsyncs the
// directory, so a reader only ever maps a whole file, the old one or the
// new one.
//
// Refusals: index.invalid_row (a path that is empty or too long, a hash
// that is not 64 hex characters), index.duplicate_path; io.error.
class VersionIndexWriter final
{
public:
    explicit VersionIndexWriter(qint64 versionId);

    void reserve(qsizetype files, qsizetype pathBytes);
    // `sha256` as 64 lower-case hex characters; variant sizes 0 when none.
    // The compressible flag and content type follow from the path.
    Status add(QByteArrayView utf8Path, QByteArrayView sha256Hex, qint64 size, qint64 brotliSize = 0,
               qint64 gzipSize = 0);
    // Everything as given, the flag and type included (test sites).
    Status add(const QString &path, const SiteFile &file);
    // Some compressible file has no variant decision yet: the index is
    // written again once the precompressor has been through the version.
    void setVariantsPending(bool pending) { m_variantsPending = pending; }
    qsizetype size() const { return m_count; }

    Result<QByteArray> bytes() const;
    Status writeTo(const QString &path) const;

private:
    Status append(QByteArrayView utf8Path, QByteArrayView sha256Hex, qint64 size, qint64 brotliSize, qint64 gzipSize,
                  bool compressible, quint8 contentType);
    QByteArrayView pathOf(qsizetype i) const;
    QList<qsizetype> order() const;

    qint64 m_versionId = 0;
    QByteArray m_entries; // indexlayout::Entry, in the order added
    QByteArray m_strings;
    qsizetype m_count = 0;
    bool m_sorted = true;
    bool m_variantsPending = false;
};

} // namespace ddd::core::deploy
