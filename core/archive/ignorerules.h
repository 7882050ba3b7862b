// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/ignorepattern.h"
#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ddd::core::archive {

// What a deploy of a folder leaves on the user's machine (issues 9 and 10):
// built-in defaults that keep secrets and junk home (.env files, version
// control folders, .DS_Store, editor backups), then the folder's own
// `.dddignore` in gitignore syntax, shared by the dashboard and `ddd`. As in
// git the last matching pattern decides, so `!.env.example` brings a
// default back; a folder left out takes everything inside with it, and the
// ignore file itself never travels.
class IgnoreRules final
{
public:
    static constexpr QStringView FileName = u".dddignore";

    // The built-in defaults only.
    IgnoreRules();
    // The defaults plus `<folder>/.dddignore` when there is one;
    // `ignore.unreadable` when it exists but cannot be read.
    static Result<IgnoreRules> forFolder(const QString &folder);
    static QStringList defaultPatterns();

    // Appends the patterns of one gitignore-syntax text (after the others).
    void addText(QStringView text);
    // `path` relative to the root, '/'-separated. A path under a left-out
    // folder is left out too.
    bool ignores(const QString &path, bool isDirectory) const;
    // Only this path's own name against the patterns, for walkers that never
    // enter a left-out folder.
    bool ignoresEntry(const QString &path, bool isDirectory) const;

private:
    QList<IgnorePattern> m_patterns;
};

} // namespace ddd::core::archive
