// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/archivelimits.h"
#include "core/archive/entrysink.h"
#include "core/util/result.h"

#include <QString>

namespace ddd::core::archive {

// Reads an uploaded archive (zip, tar or tar.gz, told apart by content)
// with libarchive's tar and seekable zip readers only, and hands every entry
// that passes EntryRules and the ByteBudget to an EntrySink. Nothing is ever
// written to disk by libarchive (no archive_write_disk): the sink decides.
//
// Order of checks: for zip, every name and type in the central directory is
// validated before any data is read; for tar, each header is validated
// before its data is read. Any libarchive warning or error, CRC mismatch or
// truncation refuses the whole archive (archive.corrupt), so callers must
// treat whatever the sink received as garbage unless read() succeeds.
//
// Further codes: archive.empty (no file at all), archive.unsupported_format
// (not zip, tar or tar.gz), io.error (the spool file cannot be read),
// plus those of EntryRules, ByteBudget, ZipCentralDirectory and
// TarStreamSource.
class ArchiveReader final
{
public:
    enum class Format { Zip, Tar, GzipTar };

    ArchiveReader(QString path, ArchiveLimits limits);

    static Result<Format> detectFormat(const QString &path);

    Status read(EntrySink &sink) const;
    // For the dashboard's pre-flight: a refused name or type (EntryRules) is
    // added to `problems` and the entry skipped, so every such problem of the
    // archive is found in one pass. Damage and size limits still end the
    // read, as they leave nothing sensible to go on with.
    Status readAll(EntrySink &sink, QList<Error> &problems) const;

private:
    Status readWith(EntrySink &sink, QList<Error> *problems) const;
    Status readZip(EntrySink &sink, QList<Error> *problems) const;
    Status readTar(bool gzip, EntrySink &sink, QList<Error> *problems) const;

    QString m_path;
    ArchiveLimits m_limits;
};

} // namespace ddd::core::archive
