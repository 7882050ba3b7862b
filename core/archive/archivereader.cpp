// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/archivereader.h"

#include "core/archive/archiveerror.h"
#include "core/archive/bytebudget.h"
#include "core/archive/entryrules.h"
#include "core/archive/tarheaderscanner.h"
#include "core/archive/tarstreamsource.h"
#include "core/archive/zipcentraldirectory.h"

#include <QFile>
#include <QStringList>

#include <archive.h>
#include <archive_entry.h>

namespace ddd::core::archive {

namespace {

constexpr qsizetype kReadBlock = 64 * 1024;
// Room for what a tar stream holds besides file data: a header, perhaps a pax
// header, and padding per entry.
constexpr qint64 kTarOverheadPerEntry = 4 * 1024;
constexpr qint64 kTarOverheadSlack = 16 * 1024 * 1024;

Error emptyArchive()
{
    return ArchiveError::make(u"archive.empty"_qs, {}, u"contains no files"_qs);
}

Error ioError(const QFile &file)
{
    return Error::make(u"io.error"_qs, u"Cannot read the uploaded file: "_qs + file.errorString());
}

la_ssize_t readFromSource(struct archive *, void *clientData, const void **buffer)
{
    return static_cast<TarStreamSource *>(clientData)->read(buffer);
}

// One libarchive read handle and its copy buffer. Errors our own stream
// source found win over libarchive's generic report of a failed read.
class LibarchiveSession final
{
public:
    explicit LibarchiveSession(const std::optional<Error> *sourceError = nullptr)
        : m_archive(archive_read_new()), m_sourceError(sourceError), m_buffer(kReadBlock, Qt::Uninitialized)
    {
    }
    ~LibarchiveSession() { archive_read_free(m_archive); }
    LibarchiveSession(const LibarchiveSession &) = delete;
    LibarchiveSession &operator=(const LibarchiveSession &) = delete;

    struct archive *handle() const { return m_archive; }

    Error failure(const QString &entry) const
    {
        if (m_sourceError && *m_sourceError)
            return **m_sourceError;
        const char *message = archive_error_string(m_archive);
        return ArchiveError::make(u"archive.corrupt"_qs, entry,
                                  u"is damaged: "_qs + (message ? QString::fromUtf8(message) : u"unknown error"_qs));
    }

    Status deliver(const QString &path, EntryKind kind, qint64 declaredBytes, ByteBudget &budget, EntrySink &sink)
    {
        if (kind == EntryKind::Directory)
            return path.isEmpty() ? Status() : sink.directory(path);
        if (Status status = budget.beginEntry(path, declaredBytes); !status)
            return status;
        if (Status status = sink.beginFile(path); !status)
            return status;
        for (;;) {
            const la_ssize_t bytes = archive_read_data(m_archive, m_buffer.data(), size_t(m_buffer.size()));
            if (bytes < 0) // errors, CRC mismatches and truncation, warnings included
                return failure(path);
            if (bytes == 0)
                return sink.endFile();
            if (Status status = budget.consume(bytes); !status)
                return status;
            if (Status status = sink.write(QByteArrayView(m_buffer.constData(), bytes)); !status)
                return status;
        }
    }

private:
    struct archive *m_archive;
    const std::optional<Error> *m_sourceError;
    QByteArray m_buffer;
};

EntryKind tarEntryKind(struct archive_entry *entry)
{
    if (archive_entry_hardlink(entry))
        return EntryKind::Hardlink;
    switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
        return EntryKind::File;
    case AE_IFDIR:
        return EntryKind::Directory;
    case AE_IFLNK:
        return EntryKind::Symlink;
    default:
        return EntryKind::Special;
    }
}

QString shownName(struct archive_entry *entry)
{
    const char *name = entry ? archive_entry_pathname(entry) : nullptr;
    return name ? SafePath::displayName(name) : QString();
}

// libarchive walks the zip entries itself; this checks it sees the entry
// our central directory reading expects at that position.
bool matchesCentralDirectory(struct archive_entry *entry, const ZipCentralDirectory::Entry &expected)
{
    const bool directory = archive_entry_filetype(entry) == AE_IFDIR;
    if (directory != (expected.kind == EntryKind::Directory))
        return false;
    return directory || !archive_entry_size_is_set(entry) || archive_entry_size(entry) == expected.uncompressedSize;
}

// A refusal that pre-flight notes and reads past; the size limits still end
// the read.
bool notedAndSkipped(const Error &error, QList<Error> *problems)
{
    if (!problems || error.code == u"archive.too_large"_qs)
        return false;
    problems->append(error);
    return true;
}

// Every name and type of the central directory, in order; an entry refused
// while collecting `problems` gets no path.
Result<QList<std::optional<QString>>> admitAll(const QList<ZipCentralDirectory::Entry> &entries,
                                               const ArchiveLimits &limits, QList<Error> *problems)
{
    EntryRules rules(limits);
    QList<std::optional<QString>> paths;
    paths.reserve(entries.size());
    for (const ZipCentralDirectory::Entry &entry : entries) {
        Result<QString> path = rules.admit(entry.rawName, entry.kind);
        if (!path && !notedAndSkipped(path.error(), problems))
            return path.error();
        paths.append(path ? std::optional<QString>(*path) : std::nullopt);
    }
    if (rules.fileCount() == 0 && (!problems || problems->isEmpty()))
        return emptyArchive();
    return paths;
}

} // namespace

ArchiveReader::ArchiveReader(QString path, ArchiveLimits limits) : m_path(std::move(path)), m_limits(limits) {}

Result<ArchiveReader::Format> ArchiveReader::detectFormat(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(file);
    const QByteArray head = file.read(512);
    if (head.isEmpty())
        return ArchiveError::make(u"archive.empty"_qs, {}, u"is empty"_qs);
    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06"))
        return Format::Zip;
    if (head.startsWith("\x1f\x8b"))
        return Format::GzipTar;
    if (TarHeaderScanner::looksLikeTar(head))
        return Format::Tar;
    return ArchiveError::make(u"archive.unsupported_format"_qs, {}, u"is not a zip, tar or tar.gz archive"_qs);
}

Status ArchiveReader::read(EntrySink &sink) const
{
    return readWith(sink, nullptr);
}

Status ArchiveReader::readAll(EntrySink &sink, QList<Error> &problems) const
{
    return readWith(sink, &problems);
}

Status ArchiveReader::readWith(EntrySink &sink, QList<Error> *problems) const
{
    Result<Format> format = detectFormat(m_path);
    if (!format)
        return format.error();
    switch (*format) {
    case Format::Zip:
        return readZip(sink, problems);
    case Format::Tar:
        return readTar(false, sink, problems);
    case Format::GzipTar:
        return readTar(true, sink, problems);
    }
    Q_UNREACHABLE();
}

Status ArchiveReader::readZip(EntrySink &sink, QList<Error> *problems) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(file);
    Result<ZipCentralDirectory> directory = ZipCentralDirectory::read(file, m_limits);
    if (!directory)
        return directory.error();
    const QList<ZipCentralDirectory::Entry> &entries = directory->entries();
    Result<QList<std::optional<QString>>> paths = admitAll(entries, m_limits, problems);
    if (!paths)
        return paths.error();

    LibarchiveSession session;
    archive_read_support_format_zip_seekable(session.handle());
    if (archive_read_open_filename(session.handle(), QFile::encodeName(m_path).constData(), kReadBlock) != ARCHIVE_OK)
        return session.failure({});
    ByteBudget budget(m_limits, file.size());
    qsizetype index = 0;
    for (;; ++index) {
        struct archive_entry *entry = nullptr;
        const int rc = archive_read_next_header(session.handle(), &entry);
        if (rc == ARCHIVE_EOF)
            break;
        const std::optional<QString> admitted = index < paths->size() ? paths->at(index) : QString();
        const QString path = admitted.value_or(QString());
        if (rc != ARCHIVE_OK)
            return session.failure(path);
        if (index >= entries.size() || !matchesCentralDirectory(entry, entries.at(index)))
            return ArchiveError::make(u"archive.corrupt"_qs, path,
                                      u"reads differently from what the central directory says"_qs);
        const ZipCentralDirectory::Entry &expected = entries.at(index);
        if (!admitted)
            continue; // refused and noted; libarchive skips its data
        if (Status status = session.deliver(path, expected.kind, expected.uncompressedSize, budget, sink); !status)
            return status;
    }
    if (index != entries.size())
        return ArchiveError::make(u"archive.corrupt"_qs, {}, u"has fewer readable entries than it lists"_qs);
    return {};
}

Status ArchiveReader::readTar(bool gzip, EntrySink &sink, QList<Error> *problems) const
{
    const qint64 streamBudget =
        m_limits.maxTotalBytes + (m_limits.maxEntries + 1) * kTarOverheadPerEntry + kTarOverheadSlack;
    TarStreamSource source(m_path, gzip, streamBudget);
    if (Status status = source.open(); !status)
        return status;
    LibarchiveSession session(&source.error());
    archive_read_support_format_tar(session.handle());
    if (archive_read_open(session.handle(), &source, nullptr, &readFromSource, nullptr) != ARCHIVE_OK)
        return session.failure({});

    EntryRules rules(m_limits);
    ByteBudget budget(m_limits, QFile(m_path).size());
    for (;;) {
        struct archive_entry *entry = nullptr;
        const int rc = archive_read_next_header(session.handle(), &entry);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc != ARCHIVE_OK)
            return session.failure(shownName(entry));
        const char *name = archive_entry_pathname(entry);
        Result<QString> path = rules.admit(QByteArray(name ? name : ""), tarEntryKind(entry));
        if (!path && notedAndSkipped(path.error(), problems))
            continue; // libarchive skips its data
        if (!path)
            return path.error();
        const qint64 declared = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
        if (Status status = session.deliver(*path, tarEntryKind(entry), declared, budget, sink); !status)
            return status;
    }
    if (Status status = source.finish(); !status)
        return status;
    return rules.fileCount() > 0 || (problems && !problems->isEmpty()) ? Status() : Status(emptyArchive());
}

} // namespace ddd::core::archive
