// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/archivelimits.h"
#include "core/util/result.h"

#include <QString>

namespace ddd::core::archive {

// Counts the bytes an archive actually produces, inside the copy loop, and
// stops at the first breach (security guide 2.2.6). Call consume() before
// handing a chunk on, so nothing past a budget is ever written.
//
// Refusals: archive.too_large with details.limit "entry_bytes",
// "total_bytes" or "ratio"; archive.corrupt when an entry produces more than
// its own header declared (a lying header is caught at its declared size, not
// at the budget).
class ByteBudget final
{
public:
    // `uploadedBytes` is the size of the uploaded file the ratio is measured
    // against; zero or less disables the ratio check (directory trees).
    ByteBudget(const ArchiveLimits &limits, qint64 uploadedBytes);

    // Starts an entry; `declaredBytes` is the size its header claims, or -1.
    // A declaration above the per-entry budget is refused before any byte is read.
    Status beginEntry(const QString &path, qint64 declaredBytes);
    Status consume(qint64 bytes);

    qint64 producedBytes() const { return m_totalBytes; }

private:
    Error tooLarge(const QString &limit, qint64 maximum, const QString &reason) const;

    ArchiveLimits m_limits;
    qint64 m_uploadedBytes;
    QString m_path;
    qint64 m_declaredBytes = -1;
    qint64 m_entryBytes = 0;
    qint64 m_totalBytes = 0;
};

} // namespace ddd::core::archive
