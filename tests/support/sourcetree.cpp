// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/sourcetree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ddd::test {

SourceTree::SourceTree()
{
    if (!m_dir.isValid())
        qFatal("SourceTree: no temporary folder");
}

SourceTree &SourceTree::file(const QString &path, const QByteArray &content)
{
    const QString absolute = m_dir.filePath(path);
    QDir().mkpath(QFileInfo(absolute).path());
    QFile file(absolute);
    const bool written = file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    if (!written)
        qFatal("SourceTree: cannot write %s", qPrintable(absolute));
    return *this;
}

SourceTree &SourceTree::folder(const QString &path)
{
    QDir().mkpath(m_dir.filePath(path));
    return *this;
}

SourceTree &SourceTree::symlink(const QString &path, const QString &target)
{
    const QString absolute = m_dir.filePath(path);
    QDir().mkpath(QFileInfo(absolute).path());
    const bool linked = QFile::link(target, absolute);
    if (!linked)
        qFatal("SourceTree: cannot link %s", qPrintable(absolute));
    return *this;
}

QByteArray SourceTree::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace ddd::test
