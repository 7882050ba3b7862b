// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace ddd::core::archive {

// One line of a gitignore-syntax file (`.dddignore`), compiled once. The
// syntax is git's (gitignore(5)): `#` comments, `!` negation, a trailing `/`
// for folders only, `*` and `?` within one name, `**` across folders
// (`**/x`, `x/**`, `a/**/b`), `[a-z]`/`[!a-z]` classes, `\` escapes, and a
// pattern with a slash before its end anchored at the folder's root while
// one without matches a name at any depth.
class IgnorePattern final
{
public:
    // Nullopt for blank lines and comments.
    static std::optional<IgnorePattern> parse(QStringView line);

    // `path` is relative to the root, '/'-separated, without a trailing '/'.
    bool matches(const QString &path, bool isDirectory) const;
    bool negated() const { return m_negated; }
    QString text() const { return m_text; }

private:
    IgnorePattern() = default;
    static QString toRegex(QStringView glob);

    QString m_text;
    QRegularExpression m_regex;
    bool m_negated = false;
    bool m_directoryOnly = false;
};

} // namespace ddd::core::archive
