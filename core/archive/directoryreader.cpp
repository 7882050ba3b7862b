// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/directoryreader.h"

#include "core/archive/archiveerror.h"
#include "core/archive/bytebudget.h"
#include "core/archive/entryrules.h"
#include "core/util/localfile.h"

#include <QFile>
#include <QFileInfo>

namespace ddd::core::archive {

namespace {

constexpr qint64 kReadBlock = 64 * 1024;

EntryKind kindOf(LocalFile::NodeType type)
{
    switch (type) {
    case LocalFile::NodeType::File:
        return EntryKind::File;
    case LocalFile::NodeType::Directory:
        return EntryKind::Directory;
    case LocalFile::NodeType::Symlink:
        return EntryKind::Symlink;
    case LocalFile::NodeType::Other:
        break;
    }
    return EntryKind::Special;
}

Status openFile(QFile &file, const QString &absolute, const QString &path)
{
    Status opened = LocalFile::openRegularFile(file, absolute);
    if (opened)
        return {};
    if (opened.error().code == u"io.symlink")
        return ArchiveError::make(u"archive.link_entry"_qs, path, u"became a symbolic link while being read"_qs);
    if (opened.error().code == u"io.not_regular")
        return ArchiveError::make(u"archive.special_file"_qs, path, u"is not a regular file"_qs);
    return opened;
}

} // namespace

DirectoryReader::DirectoryReader(QString root, ArchiveLimits limits) : m_root(std::move(root)), m_limits(limits) {}

Status DirectoryReader::read(EntrySink &sink) const
{
    return walk(sink, nullptr);
}

Status DirectoryReader::readAll(EntrySink &sink, QList<Error> &problems) const
{
    return walk(sink, &problems);
}

Status DirectoryReader::walk(EntrySink &sink, QList<Error> *problems) const
{
    const QFileInfo root(m_root);
    if (root.isSymLink())
        return ArchiveError::make(u"archive.link_entry"_qs, {}, u"folder is itself a symbolic link"_qs);
    if (!root.isDir())
        return Error::make(u"io.error"_qs, m_root + u" is not a directory"_qs);
    EntryRules rules(m_limits);
    ByteBudget budget(m_limits, 0);
    if (Status status = readDirectory({}, rules, budget, sink, problems); !status)
        return status;
    if (rules.fileCount() == 0 && (!problems || problems->isEmpty()))
        return ArchiveError::make(u"archive.empty"_qs, {}, u"folder contains no files"_qs);
    return {};
}

// Names are taken as raw bytes and pass EntryRules before anything else uses
// them; once accepted they are valid UTF-8, so the decoded path reaches the
// same file.
Status DirectoryReader::readDirectory(const QString &relative, EntryRules &rules, ByteBudget &budget,
                                      EntrySink &sink, QList<Error> *problems) const
{
    const QString directory = relative.isEmpty() ? m_root : m_root + u'/' + relative;
    Result<QList<LocalFile::DirectoryEntry>> children = LocalFile::listDirectory(directory);
    if (!children)
        return children.error();
    for (const LocalFile::DirectoryEntry &child : *children) {
        const QByteArray raw = relative.isEmpty() ? child.name : relative.toUtf8() + '/' + child.name;
        const EntryKind kind = kindOf(child.type);
        if (m_ignore && m_ignore->ignoresEntry(QString::fromUtf8(raw), kind == EntryKind::Directory)) {
            if (Status status = sink.leftOut(QString::fromUtf8(raw), kind == EntryKind::Directory); !status)
                return status;
            continue;
        }
        Result<QString> path = rules.admit(raw, kind);
        if (!path && problems && path.error().code != u"archive.too_large") {
            Error problem = path.error();
            problem.details.insert(u"onDisk"_qs, QFile::decodeName(raw));
            problems->append(std::move(problem));
            continue;
        }
        if (!path)
            return path.error();
        if (kind == EntryKind::Directory) {
            if (Status status = sink.directory(*path); !status)
                return status;
            if (Status status = readDirectory(*path, rules, budget, sink, problems); !status)
                return status;
        } else if (Status status = readFile(m_root + u'/' + *path, *path, child.size, budget, sink); !status) {
            return status;
        }
    }
    return {};
}

Status DirectoryReader::readFile(const QString &absolute, const QString &path, qint64 size, ByteBudget &budget,
                                 EntrySink &sink)
{
    QFile file;
    if (Status status = openFile(file, absolute, path); !status)
        return status;
    if (Status status = budget.beginEntry(path, size); !status)
        return status;
    if (Status status = sink.beginFile(path); !status)
        return status;
    QByteArray buffer(kReadBlock, Qt::Uninitialized);
    for (;;) {
        const qint64 bytes = file.read(buffer.data(), buffer.size());
        if (bytes < 0)
            return Error::make(u"io.error"_qs, QStringLiteral("Cannot read %1: %2").arg(absolute, file.errorString()));
        if (bytes == 0)
            return sink.endFile();
        if (Status status = budget.consume(bytes); !status)
            return status;
        if (Status status = sink.write(QByteArrayView(buffer.constData(), bytes)); !status)
            return status;
    }
}

} // namespace ddd::core::archive
