// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/archivelimits.h"
#include "core/archive/entrykind.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

namespace ddd::core::archive {

// The name, type, count and duplicate rules every entry of an upload, a build
// output tree or a manifest passes, one entry at a time and in order. The
// agent and the dashboard's pre-flight share this class, so both refuse the
// same things with the same codes.
//
// Policies (security guide 2.2.3-2.2.5, 2.2.9):
// - Names go through SafePath::fromArchiveEntry; the root ("./") is accepted
//   as a directory and otherwise ignored.
// - Only regular files and directories: symlinks and hard links give
//   archive.link_entry, FIFOs, devices and sockets archive.special_file. They
//   refuse the whole upload; nothing is silently dropped.
// - archive.duplicate_entry: the same normalised path twice (directories
//   included), a file where a directory is (explicit or implied by a deeper
//   entry), or an entry below a file.
// - archive.case_collision: two paths equal after Unicode NFC normalisation
//   and case folding ("Index.html" and "index.html", or NFC and NFD forms of
//   "é"). Sites are served case- and byte-exactly, but their authors edit on
//   macOS and Windows, where such a pair is one file: one silently shadows
//   the other on their disk and what they see is not what gets served. So
//   the agent refuses the pair; names are otherwise stored byte-exactly,
//   never re-normalised.
// - Modes are not kept: blobs are shared between paths, versions and
//   projects, so every blob is written 0644 and every directory 0755; set-id,
//   sticky, write-for-others and execute bits never reach the store.
// - archive.too_large (details.limit = "entries") past maxEntries.
class EntryRules final
{
public:
    explicit EntryRules(const ArchiveLimits &limits);

    // Checks one entry and records it. Returns its normalised path without a
    // trailing slash; the root directory comes back as an empty string.
    Result<QString> admit(const QByteArray &rawName, EntryKind kind);

    qint64 entryCount() const { return m_entryCount; }
    qint64 fileCount() const { return m_fileCount; }

private:
    Status checkKind(const QString &path, EntryKind kind) const;
    Status recordAncestors(const QString &path);
    Status recordPath(const QString &path, bool directory);
    Status recordFoldedName(const QString &path);

    ArchiveLimits m_limits;
    qint64 m_entryCount = 0;
    qint64 m_fileCount = 0;
    QHash<QString, bool> m_nodes;       // path -> is a directory (explicit or implied)
    QSet<QString> m_explicit;           // paths named by an entry of their own
    QHash<QString, QString> m_folded;   // NFC + case-folded path -> path as first seen
};

} // namespace ddd::core::archive
