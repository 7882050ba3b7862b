// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/bytebudget.h"

#include "core/archive/archiveerror.h"

namespace ddd::core::archive {

ByteBudget::ByteBudget(const ArchiveLimits &limits, qint64 uploadedBytes)
    : m_limits(limits), m_uploadedBytes(uploadedBytes)
{
}

Status ByteBudget::beginEntry(const QString &path, qint64 declaredBytes)
{
    m_path = path;
    m_declaredBytes = declaredBytes;
    m_entryBytes = 0;
    if (declaredBytes > m_limits.maxEntryBytes)
        return tooLarge(u"entry_bytes"_qs, m_limits.maxEntryBytes,
                        QStringLiteral("declares %1 bytes, more than the limit of %2 bytes per file")
                            .arg(declaredBytes)
                            .arg(m_limits.maxEntryBytes));
    return {};
}

Status ByteBudget::consume(qint64 bytes)
{
    m_entryBytes += bytes;
    m_totalBytes += bytes;
    if (m_declaredBytes >= 0 && m_entryBytes > m_declaredBytes)
        return ArchiveError::make(u"archive.corrupt"_qs, m_path,
                                  QStringLiteral("holds more data than the %1 bytes its header declares")
                                      .arg(m_declaredBytes));
    if (m_entryBytes > m_limits.maxEntryBytes)
        return tooLarge(u"entry_bytes"_qs, m_limits.maxEntryBytes,
                        QStringLiteral("is larger than the limit of %1 bytes per file").arg(m_limits.maxEntryBytes));
    if (m_totalBytes > m_limits.maxTotalBytes)
        return tooLarge(u"total_bytes"_qs, m_limits.maxTotalBytes,
                        QStringLiteral("takes the upload past its limit of %1 bytes in total").arg(m_limits.maxTotalBytes));
    const bool ratioApplies = m_uploadedBytes > 0 && m_totalBytes > m_limits.ratioFloorBytes;
    if (ratioApplies && m_totalBytes > m_limits.maxRatio * m_uploadedBytes)
        return tooLarge(u"ratio"_qs, m_limits.maxRatio,
                        QStringLiteral("takes the upload past %1 bytes produced per uploaded byte").arg(m_limits.maxRatio));
    return {};
}

Error ByteBudget::tooLarge(const QString &limit, qint64 maximum, const QString &reason) const
{
    return ArchiveError::make(u"archive.too_large"_qs, m_path, reason,
                              {{u"limit"_qs, limit}, {u"maximum"_qs, maximum}});
}

} // namespace ddd::core::archive
