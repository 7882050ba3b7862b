// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/entryrules.h"

#include "core/archive/archiveerror.h"

namespace ddd::core::archive {

namespace {

Error duplicate(const QString &path, const QString &reason)
{
    return ArchiveError::make(u"archive.duplicate_entry"_qs, path, reason);
}

} // namespace

EntryRules::EntryRules(const ArchiveLimits &limits) : m_limits(limits) {}

Result<QString> EntryRules::admit(const QByteArray &rawName, EntryKind kind)
{
    if (++m_entryCount > m_limits.maxEntries)
        return ArchiveError::make(u"archive.too_large"_qs, SafePath::displayName(rawName),
                                  QStringLiteral("exceeds the limit of %1 entries").arg(m_limits.maxEntries),
                                  {{u"limit"_qs, u"entries"_qs}, {u"maximum"_qs, m_limits.maxEntries}});
    Result<QString> normalised = SafePath::fromArchiveEntry(rawName, m_limits.pathLimits());
    if (!normalised)
        return normalised.error();
    QString path = std::move(*normalised);
    const bool trailingSlash = path.endsWith(u'/');
    if (trailingSlash)
        path.chop(1);

    if (Status status = checkKind(path, kind); !status)
        return status.error();
    if (kind == EntryKind::File && (trailingSlash || path.isEmpty()))
        return ArchiveError::make(u"archive.bad_name"_qs, SafePath::displayName(rawName),
                                  u"is a file but its name denotes a directory"_qs);
    if (path.isEmpty())
        return path; // the root directory: nothing to record

    if (Status status = recordAncestors(path); !status)
        return status.error();
    if (Status status = recordPath(path, kind == EntryKind::Directory); !status)
        return status.error();
    if (kind == EntryKind::File)
        ++m_fileCount;
    return path;
}

Status EntryRules::checkKind(const QString &path, EntryKind kind) const
{
    switch (kind) {
    case EntryKind::File:
    case EntryKind::Directory:
        return {};
    case EntryKind::Symlink:
    case EntryKind::Hardlink:
        return ArchiveError::make(u"archive.link_entry"_qs, path,
                                  u"is a link; only regular files and directories are accepted"_qs);
    case EntryKind::Special:
        return ArchiveError::make(u"archive.special_file"_qs, path,
                                  u"is a device, FIFO or socket; only regular files and directories are accepted"_qs);
    }
    Q_UNREACHABLE();
}

// Every ancestor of an entry is a directory, whether or not the archive names
// it: a file already recorded there means an entry below a file.
Status EntryRules::recordAncestors(const QString &path)
{
    for (qsizetype slash = path.indexOf(u'/'); slash >= 0; slash = path.indexOf(u'/', slash + 1)) {
        const QString ancestor = path.left(slash);
        const auto existing = m_nodes.constFind(ancestor);
        if (existing != m_nodes.constEnd()) {
            if (!existing.value())
                return duplicate(path, QStringLiteral("lies below the file \"%1\"").arg(ancestor));
            continue;
        }
        m_nodes.insert(ancestor, true);
        if (Status status = recordFoldedName(ancestor); !status)
            return status;
    }
    return {};
}

Status EntryRules::recordPath(const QString &path, bool directory)
{
    if (m_explicit.contains(path))
        return duplicate(path, u"appears more than once"_qs);
    const auto existing = m_nodes.constFind(path);
    if (existing != m_nodes.constEnd() && !directory)
        return duplicate(path, u"is both a file and a directory"_qs);
    m_explicit.insert(path);
    m_nodes.insert(path, directory);
    return recordFoldedName(path);
}

Status EntryRules::recordFoldedName(const QString &path)
{
    const QString key = path.normalized(QString::NormalizationForm_C).toCaseFolded();
    const auto existing = m_folded.constFind(key);
    if (existing == m_folded.constEnd()) {
        m_folded.insert(key, path);
        return {};
    }
    if (existing.value() == path)
        return {};
    return ArchiveError::make(u"archive.case_collision"_qs, path,
                              QStringLiteral("differs from \"%1\" only by letter case or Unicode normalisation; "
                                             "on macOS and Windows they would be one file")
                                  .arg(existing.value()),
                              {{u"collidesWith"_qs, existing.value()}});
}

} // namespace ddd::core::archive
