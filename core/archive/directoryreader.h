// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/archivelimits.h"
#include "core/archive/entrysink.h"
#include "core/archive/ignorerules.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::archive {

class ByteBudget;
class EntryRules;

// The directory-tree twin of ArchiveReader, for build output and folders
// dropped on the dashboard (security guide 2.2.14): the same EntryRules and
// ByteBudget (without the ratio, there is no upload to compare with), entries
// in name order, and no symlink ever followed. Entry types come from lstat,
// and each file is opened with O_NOFOLLOW and checked with fstat, so a link
// or FIFO swapped in during the walk is refused too (archive.link_entry,
// archive.special_file). A tree without files is archive.empty; a name that
// is not valid UTF-8 is archive.bad_name.
class DirectoryReader final
{
public:
    DirectoryReader(QString root, ArchiveLimits limits);

    // A folder the user deploys from their machine: entries the rules match
    // are reported to EntrySink::leftOut and never read, checked or counted
    // (a .git folder full of odd names does not block the deploy). Build
    // output and the agent's ingest use no rules: they take every file.
    void setIgnoreRules(IgnoreRules rules) { m_ignore = std::move(rules); }

    Status read(EntrySink &sink) const;
    // For the dashboard's pre-flight, which lists every problem at once: an
    // entry refused by the rules (a name, a link, a special file, a case
    // collision) is added to `problems` and skipped instead of ending the
    // walk; details.onDisk carries its relative path as the file system
    // spells it. Limits of the whole tree still end it (the returned error).
    Status readAll(EntrySink &sink, QList<Error> &problems) const;

private:
    Status walk(EntrySink &sink, QList<Error> *problems) const;
    Status readDirectory(const QString &relative, EntryRules &rules, ByteBudget &budget, EntrySink &sink,
                         QList<Error> *problems) const;
    static Status readFile(const QString &absolute, const QString &path, qint64 size, ByteBudget &budget,
                           EntrySink &sink);

    QString m_root;
    ArchiveLimits m_limits;
    std::optional<IgnoreRules> m_ignore;
};

} // namespace ddd::core::archive
