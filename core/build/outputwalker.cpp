// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/outputwalker.h"

#include "core/util/diskfull.h"
#include "core/util/localfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ddd::core::build {

namespace {

Error invalidEntry(const QString &path, const QString &type)
{
    return Error::make(u"build.output_invalid"_qs,
                       QStringLiteral("The build output holds %1, which is neither a file nor a folder: %2")
                           .arg(type == u"symlink"_qs ? u"a symbolic link"_qs : u"a special file"_qs, path),
                       QJsonObject{{u"path"_qs, path}, {u"type"_qs, type}});
}

QString joined(const QString &relative, const QString &name)
{
    return relative.isEmpty() ? name : relative + u'/' + name;
}

Status copyFile(const QString &from, const QString &to)
{
    QFile source;
    if (Status opened = LocalFile::openRegularFile(source, from); !opened)
        return opened;
    QFile target(to);
    if (!target.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return DiskFull::writeError(target, u"Cannot create "_qs + to);
    QByteArray buffer(qsizetype(256) << 10, Qt::Uninitialized);
    for (;;) {
        const qint64 read = source.read(buffer.data(), buffer.size());
        if (read < 0)
            return Error::make(u"io.error"_qs, u"Cannot read "_qs + from);
        if (read == 0)
            break;
        if (target.write(buffer.constData(), read) != read)
            return DiskFull::writeError(target, u"Cannot write "_qs + to);
    }
    // The last bytes may still sit in QFile's buffer: a full disk found when
    // they are written must fail the copy, not leave a short file behind.
    if (!target.flush())
        return DiskFull::writeError(target, u"Cannot write "_qs + to);
    return {};
}

} // namespace

OutputWalker::OutputWalker(qint64 maxTotalBytes, int maxDepth) : m_maxTotalBytes(maxTotalBytes), m_maxDepth(maxDepth) {}

Result<OutputWalker::Totals> OutputWalker::walk(const QString &root) const
{
    if (Status valid = checkRoot(root); !valid)
        return valid.error();
    Totals totals;
    if (Status walked = visit(root, QString(), 0, QString(), totals); !walked)
        return walked.error();
    if (totals.files == 0)
        return Error::make(u"build.output_missing"_qs, u"The build wrote no file"_qs);
    return totals;
}

Result<OutputWalker::Totals> OutputWalker::copy(const QString &from, const QString &to) const
{
    if (Status valid = checkRoot(from); !valid)
        return valid.error();
    if (!QDir().mkpath(to))
        return Error::make(DiskFull::codeFor(errno), u"Cannot create "_qs + to);
    Totals totals;
    if (Status copied = visit(from, QString(), 0, to, totals); !copied)
        return copied.error();
    if (totals.files == 0)
        return Error::make(u"build.output_missing"_qs, u"The site has no file"_qs);
    return totals;
}

Status OutputWalker::checkRoot(const QString &root) const
{
    const QFileInfo info(root);
    // A build can replace the folder it was given by a link (npm writes
    // /out/site itself); that link would be followed on the host.
    if (info.isSymLink())
        return invalidEntry(u"."_qs, u"symlink"_qs);
    if (!info.exists())
        return Error::make(u"build.output_missing"_qs, u"The build did not produce its output folder"_qs);
    if (!info.isDir())
        return invalidEntry(u"."_qs, u"special"_qs);
    return {};
}

Status OutputWalker::admit(qint64 size, Totals &totals) const
{
    totals.bytes += size;
    if (totals.bytes > m_maxTotalBytes)
        return Error::make(u"build.output_too_large"_qs,
                           QStringLiteral("The build output is larger than %1 bytes").arg(m_maxTotalBytes),
                           QJsonObject{{u"limitBytes"_qs, m_maxTotalBytes}});
    return {};
}

// `target` is empty for a walk that only checks.
Status OutputWalker::visit(const QString &root, const QString &relative, int depth, const QString &target,
                           Totals &totals) const
{
    if (depth > m_maxDepth)
        return Error::make(u"build.output_invalid"_qs, u"The build output is nested too deeply: "_qs + relative,
                           QJsonObject{{u"path"_qs, relative}, {u"type"_qs, u"too_deep"_qs}});
    const QString folder = QDir(root).filePath(relative);
    Result<QList<LocalFile::DirectoryEntry>> entries = LocalFile::listDirectory(folder);
    if (!entries)
        return entries.error();
    for (const LocalFile::DirectoryEntry &entry : *entries) {
        const QString name = QFile::decodeName(entry.name);
        const QString path = joined(relative, name);
        const QString copyTo = target.isEmpty() ? QString() : QDir(target).filePath(path);
        switch (entry.type) {
        case LocalFile::NodeType::Symlink: return invalidEntry(path, u"symlink"_qs);
        case LocalFile::NodeType::Other: return invalidEntry(path, u"special"_qs);
        case LocalFile::NodeType::Directory:
            ++totals.folders;
            if (!copyTo.isEmpty() && !QDir().mkdir(copyTo))
                return Error::make(u"io.error"_qs, u"Cannot create "_qs + copyTo);
            if (Status inner = visit(root, path, depth + 1, target, totals); !inner)
                return inner;
            break;
        case LocalFile::NodeType::File:
            ++totals.files;
            if (Status fits = admit(entry.size, totals); !fits)
                return fits;
            if (!copyTo.isEmpty())
                if (Status copied = copyFile(QDir(root).filePath(path), copyTo); !copied)
                    return copied;
            break;
        }
    }
    return {};
}

} // namespace ddd::core::build
