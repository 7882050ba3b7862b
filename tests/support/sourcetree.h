// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace ddd::test {

// A small source tree written by a test into its own temporary folder (a
// Hugo site, a package.json...), so build tests carry no fixture files.
class SourceTree final
{
public:
    SourceTree();

    // Writes `content` at `path` (relative, parents created).
    SourceTree &file(const QString &path, const QByteArray &content);
    SourceTree &folder(const QString &path);
    // A symbolic link at `path` pointing to `target`.
    SourceTree &symlink(const QString &path, const QString &target);

    QString path() const { return m_dir.path(); }
    QString filePath(const QString &relative) const { return m_dir.filePath(relative); }

    // The content of a file below any folder (empty when missing).
    static QByteArray read(const QString &path);

private:
    QTemporaryDir m_dir;
};

} // namespace ddd::test
