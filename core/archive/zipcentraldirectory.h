// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/archivelimits.h"
#include "core/archive/entrykind.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>

class QFile;

namespace ddd::core::archive {

// Our own reading of a zip file's central directory, done before libarchive
// sees the file, because libarchive cuts names at a NUL byte and extracts
// overlapping entries (security guide 2.1). It finds the end record the way
// libarchive's seekable reader does (the last signature in the final 16 KiB)
// and refuses, with stable codes:
// - archive.corrupt: no or damaged end record, data after it, prepended data
//   (libarchive would silently shift every offset), a record count that does
//   not match, a local header that is missing or disagrees with the central
//   directory on name, method or encryption;
// - archive.overlapping_entries: a local entry overlapping another entry or
//   the central directory (the non-recursive zip bomb);
// - archive.unsupported_format: several volumes, encryption, or a compression
//   method other than stored and deflate;
// - archive.too_large / archive.path_too_long: more entries than allowed, or
//   a name longer than allowed (refused before the names are held in memory).
class ZipCentralDirectory final
{
public:
    struct Entry
    {
        QByteArray rawName; // exactly as stored, NUL bytes included
        EntryKind kind = EntryKind::File;
        qint64 localHeaderOffset = 0;
        qint64 compressedSize = 0;
        qint64 uncompressedSize = 0;
    };

    static Result<ZipCentralDirectory> read(QFile &file, const ArchiveLimits &limits);

    // In ascending local header offset: the order libarchive's seekable
    // reader returns them in.
    const QList<Entry> &entries() const { return m_entries; }

private:
    explicit ZipCentralDirectory(QList<Entry> entries);

    QList<Entry> m_entries;
};

} // namespace ddd::core::archive
