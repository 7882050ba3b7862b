// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/siteinspector.h"

#include "app/displayformat.h"
#include "app/errormessages.h"
#include "core/archive/archivelimits.h"
#include "core/archive/archivereader.h"
#include "core/archive/entryrules.h"
#include "core/archive/entrysink.h"
#include "core/blobs/manifest.h"
#include "core/blobs/manifestdiff.h"
#include "core/blobs/sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace ddd::app {

namespace {

using core::Error;
using core::Status;
using core::blobs::ManifestEntry;
using Finding = SiteInspection::Finding;
using Level = StatusPalette::Level;

constexpr qint64 LargeFileBytes = 25LL * 1000 * 1000;
constexpr qint64 ChunkBytes = 256 * 1024;

Error cancelledError()
{
    return Error::make(u"client.cancelled"_qs, u"The check was cancelled"_qs);
}

Finding problem(const Error &error)
{
    return {Level::Problem, error.code, error.details.value(u"entry"_qs).toString(),
            ErrorMessages::describe(error).text()};
}

// Hashes the files an archive yields, for the manifest and the diff.
class HashingSink final : public core::archive::EntrySink
{
public:
    explicit HashingSink(const std::atomic_bool &cancelled) : m_cancelled(cancelled) {}

    Status directory(const QString &) override { return {}; }
    Status beginFile(const QString &path) override
    {
        m_current = {path, {}, 0};
        return {};
    }
    Status write(QByteArrayView chunk) override
    {
        if (m_cancelled)
            return cancelledError();
        m_hash.addData(chunk);
        m_current.size += chunk.size();
        return {};
    }
    Status endFile() override
    {
        m_current.sha256 = m_hash.hexResult();
        entries.append(m_current);
        return {};
    }

    QList<ManifestEntry> entries;

private:
    const std::atomic_bool &m_cancelled;
    core::blobs::Sha256 m_hash;
    ManifestEntry m_current;
};

core::archive::EntryKind kindOf(const QFileInfo &info)
{
    if (info.isSymLink())
        return core::archive::EntryKind::Symlink;
    if (info.isDir())
        return core::archive::EntryKind::Directory;
    if (info.isFile())
        return core::archive::EntryKind::File;
    return core::archive::EntryKind::Special;
}

core::Result<QByteArray> hashFile(const QString &path, const std::atomic_bool &cancelled)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(u"client.file_unreadable"_qs, file.errorString(), {{u"path"_qs, path}});
    core::blobs::Sha256 hash;
    while (!file.atEnd()) {
        if (cancelled)
            return cancelledError();
        const QByteArray chunk = file.read(ChunkBytes);
        if (chunk.isEmpty() && file.error() != QFileDevice::NoError)
            return Error::make(u"client.file_unreadable"_qs, file.errorString(), {{u"path"_qs, path}});
        hash.addData(chunk);
    }
    return hash.hexResult();
}

Error tooLarge(const QString &entry, qint64 maximum)
{
    return Error::make(u"archive.too_large"_qs, u"too large"_qs,
                       {{u"entry"_qs, entry}, {u"maximum"_qs, maximum}});
}

struct FolderScan
{
    QList<ManifestEntry> entries;
    QHash<QString, QString> localPaths;
    QList<Finding> findings;
};

// Every entry goes through the agent's EntryRules; problems are collected,
// not fatal, so the user sees them all at once.
FolderScan scanFolder(const QString &root, const std::atomic_bool &cancelled)
{
    const core::archive::ArchiveLimits limits;
    core::archive::EntryRules rules(limits);
    FolderScan scan;
    qint64 total = 0;
    const QDir base(root);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext() && !cancelled) {
        const QFileInfo info(it.next());
        const QString relative = base.relativeFilePath(info.filePath());
        const auto kind = kindOf(info);
        const auto path = rules.admit(relative.toUtf8(), kind);
        if (!path.ok()) {
            scan.findings.append(problem(path.error()));
            continue;
        }
        if (kind != core::archive::EntryKind::File)
            continue;
        if (info.size() > limits.maxEntryBytes) {
            scan.findings.append(problem(tooLarge(*path, limits.maxEntryBytes)));
            continue;
        }
        const auto hash = hashFile(info.filePath(), cancelled);
        if (!hash.ok()) {
            scan.findings.append(problem(hash.error()));
            continue;
        }
        total += info.size();
        scan.entries.append({*path, *hash, info.size()});
        scan.localPaths.insert(QString::fromLatin1(*hash), info.filePath());
    }
    if (total > limits.maxTotalBytes)
        scan.findings.append(problem(tooLarge(QString(), limits.maxTotalBytes)));
    return scan;
}

FolderScan scanArchive(const QString &path, const std::atomic_bool &cancelled)
{
    FolderScan scan;
    HashingSink sink(cancelled);
    const core::archive::ArchiveReader reader(path, core::archive::ArchiveLimits());
    if (const Status status = reader.read(sink); !status.ok())
        scan.findings.append(problem(status.error()));
    scan.entries = sink.entries;
    return scan;
}

void addAdvice(SiteInspection &inspection)
{
    bool hasIndex = false;
    QStringList hidden;
    QStringList large;
    for (const core::model::VersionFile &file : std::as_const(inspection.files)) {
        hasIndex = hasIndex || file.path == u"index.html";
        const bool dotted = file.path.startsWith(u'.') || file.path.contains(u"/."_qs);
        if (dotted && !file.path.startsWith(u".well-known/"))
            hidden.append(file.path);
        if (file.size > LargeFileBytes)
            large.append(file.path);
    }
    auto warn = [&inspection](const QString &text, const QString &path = {}) {
        inspection.findings.append({Level::Warning, {}, path, text});
    };
    if (!hasIndex && !inspection.files.isEmpty())
        warn(SiteInspector::tr("There is no index.html at the top of the site, so its address shows "
                               "\"not found\". Drop the folder that contains index.html."));
    if (!hidden.isEmpty())
        warn(SiteInspector::tr("%n file(s) whose name starts with a dot (such as %1) will be uploaded but never "
                               "served. Remove secrets like .env or .git from the folder.", nullptr, int(hidden.size()))
                 .arg(hidden.first()), hidden.first());
    for (const QString &path : std::as_const(large))
        warn(SiteInspector::tr("%1 is large; visitors on slow connections will wait for it.").arg(path), path);
}

void addDiff(SiteInspection &inspection, const core::blobs::Manifest &local,
             const QList<core::model::VersionFile> &liveFiles)
{
    QList<ManifestEntry> live;
    for (const core::model::VersionFile &file : liveFiles)
        live.append({file.path, file.sha256.toLatin1(), file.size});
    const auto liveManifest = core::blobs::Manifest::fromEntries(live);
    const auto diff = core::blobs::ManifestDiff::between(liveManifest.ok() ? *liveManifest : core::blobs::Manifest(), local);
    for (const ManifestEntry &entry : diff.added())
        inspection.added.append({entry.path, -1, entry.size});
    for (const auto &change : diff.changed())
        inspection.changed.append({change.after.path, change.before.size, change.after.size});
    for (const ManifestEntry &entry : diff.removed())
        inspection.removed.append({entry.path, entry.size, -1});
    inspection.bytesAdded = diff.bytesAdded();
    inspection.bytesRemoved = diff.bytesRemoved();
}

} // namespace

SiteInspection SiteInspector::inspect(const QString &path, const QList<core::model::VersionFile> &liveFiles,
                                      const std::atomic_bool &cancelled)
{
    SiteInspection inspection;
    inspection.sourcePath = path;
    inspection.isArchive = SiteInspection::isArchivePath(path) && QFileInfo(path).isFile();
    FolderScan scan = inspection.isArchive ? scanArchive(path, cancelled) : scanFolder(path, cancelled);
    inspection.findings = scan.findings;
    inspection.localPaths = scan.localPaths;
    const auto manifest = core::blobs::Manifest::fromEntries(scan.entries);
    if (!manifest.ok()) {
        inspection.findings.append(problem(manifest.error()));
        return inspection;
    }
    for (const ManifestEntry &entry : manifest->entries()) {
        inspection.files.append({entry.path, QString::fromLatin1(entry.sha256), entry.size});
        inspection.totalBytes += entry.size;
    }
    if (inspection.files.isEmpty() && !inspection.blocked())
        inspection.findings.append(problem(Error::make(u"archive.empty"_qs, u"no files"_qs)));
    addAdvice(inspection);
    addDiff(inspection, *manifest, liveFiles);
    if (!inspection.blocked())
        inspection.findings.append({Level::Good, {}, {},
                                    tr("%n file(s), %1: the same checks the agent makes found no problem.", nullptr,
                                       int(inspection.files.size())).arg(DisplayFormat::bytes(inspection.totalBytes))});
    return inspection;
}

} // namespace ddd::app
