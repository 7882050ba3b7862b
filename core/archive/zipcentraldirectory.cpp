// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/zipcentraldirectory.h"

#include "core/archive/archiveerror.h"

#include <QFile>

#include <algorithm>
#include <limits>
#include <optional>

namespace ddd::core::archive {

namespace {

constexpr qint64 kEndRecordSize = 22;
constexpr qint64 kZip64LocatorSize = 20;
constexpr qint64 kZip64EndRecordSize = 56;
constexpr qint64 kCentralHeaderSize = 46;
constexpr qint64 kLocalHeaderSize = 30;
constexpr qint64 kEndSearchWindow = 16 * 1024; // libarchive looks no further back
constexpr quint32 kMax32 = 0xFFFFFFFF;
constexpr quint16 kFlagEncrypted = 0x0001;
constexpr quint16 kFlagStrongEncryption = 0x0040;
constexpr quint16 kMethodStored = 0;
constexpr quint16 kMethodDeflate = 8;

quint16 le16(const char *p)
{
    return quint16(uchar(p[0]) | uchar(p[1]) << 8);
}

quint32 le32(const char *p)
{
    return quint32(le16(p)) | quint32(le16(p + 2)) << 16;
}

quint64 le64(const char *p)
{
    return quint64(le32(p)) | quint64(le32(p + 4)) << 32;
}

Error corrupt(const QString &reason, const QString &entry = {})
{
    return ArchiveError::make(u"archive.corrupt"_qs, entry, reason);
}

Error unsupported(const QString &reason, const QString &entry = {})
{
    return ArchiveError::make(u"archive.unsupported_format"_qs, entry, reason);
}

Result<QByteArray> readAt(QFile &file, qint64 offset, qint64 length)
{
    if (offset < 0 || length < 0 || offset > file.size() - length || !file.seek(offset))
        return corrupt(u"is truncated or points outside itself"_qs);
    QByteArray bytes = file.read(length);
    if (bytes.size() != length)
        return corrupt(u"is truncated"_qs);
    return bytes;
}

// Where the central directory lives and how many records it holds.
struct Directory
{
    qint64 offset = 0;
    qint64 size = 0;
    qint64 entryCount = 0;
    qint64 end = 0; // where the record after the central directory starts
};

std::optional<qint64> findEndRecord(const QByteArray &tail)
{
    // Like libarchive: the last signature in the window wins.
    for (qint64 i = tail.size() - kEndRecordSize; i >= 0; --i)
        if (tail.at(i) == 'P' && tail.mid(i, 4) == QByteArrayLiteral("PK\x05\x06"))
            return i;
    return std::nullopt;
}

Result<Directory> readZip64End(QFile &file, qint64 locatorPosition)
{
    Result<QByteArray> locator = readAt(file, locatorPosition, kZip64LocatorSize);
    if (!locator)
        return locator.error();
    const char *l = locator->constData();
    if (le32(l + 4) != 0 || le32(l + 16) != 1)
        return unsupported(u"spans several volumes"_qs);
    const quint64 recordOffset = le64(l + 8);
    if (recordOffset > quint64(locatorPosition) || quint64(locatorPosition) - recordOffset < kZip64EndRecordSize)
        return corrupt(u"has a damaged zip64 end record"_qs);
    Result<QByteArray> record = readAt(file, qint64(recordOffset), kZip64EndRecordSize);
    if (!record)
        return record.error();
    const char *r = record->constData();
    if (record->left(4) != QByteArrayLiteral("PK\x06\x06")
        || le64(r + 4) + 12 != quint64(locatorPosition) - recordOffset)
        return corrupt(u"has a damaged zip64 end record"_qs);
    if (le32(r + 16) != 0 || le32(r + 20) != 0 || le64(r + 24) != le64(r + 32))
        return unsupported(u"spans several volumes"_qs);
    if (le64(r + 32) > quint64(file.size()) || le64(r + 40) > quint64(file.size()) || le64(r + 48) > quint64(file.size()))
        return corrupt(u"has a damaged zip64 end record"_qs);
    return Directory{qint64(le64(r + 48)), qint64(le64(r + 40)), qint64(le64(r + 32)), qint64(recordOffset)};
}

Result<Directory> locateDirectory(QFile &file)
{
    const qint64 fileSize = file.size();
    const qint64 window = qMin(fileSize, kEndSearchWindow);
    Result<QByteArray> tail = readAt(file, fileSize - window, window);
    if (!tail)
        return tail.error();
    const std::optional<qint64> found = findEndRecord(*tail);
    if (!found)
        return corrupt(u"has no end of central directory record (truncated?)"_qs);
    const char *p = tail->constData() + *found;
    const qint64 position = fileSize - window + *found;
    if (position + kEndRecordSize + le16(p + 20) != fileSize)
        return corrupt(u"has data after its end of central directory record"_qs);
    if (le16(p + 4) != 0 || le16(p + 6) != 0 || le16(p + 8) != le16(p + 10))
        return unsupported(u"spans several volumes"_qs);
    const qint64 locatorPosition = position - kZip64LocatorSize;
    if (locatorPosition >= 0 && tail->mid(*found - kZip64LocatorSize, 4) == QByteArrayLiteral("PK\x06\x07"))
        return readZip64End(file, locatorPosition);
    return Directory{le32(p + 16), le32(p + 12), le16(p + 10), position};
}

// Replaces 0xFFFFFFFF fields by their values from the zip64 extra field (0x0001).
Status applyZip64Extra(const QByteArray &extra, quint64 &uncompressed, quint64 &compressed, quint64 &offset)
{
    for (qsizetype at = 0; at + 4 <= extra.size();) {
        const quint16 id = le16(extra.constData() + at);
        const quint16 length = le16(extra.constData() + at + 2);
        if (at + 4 + length > extra.size())
            return corrupt(u"has a damaged extra field"_qs);
        if (id == 0x0001) {
            qsizetype field = at + 4;
            for (quint64 *value : {&uncompressed, &compressed, &offset}) {
                if (*value != kMax32)
                    continue;
                if (field + 8 > at + 4 + length)
                    return corrupt(u"has a damaged zip64 extra field"_qs);
                *value = le64(extra.constData() + field);
                field += 8;
            }
        }
        at += 4 + length;
    }
    return {};
}

EntryKind kindOf(uchar system, quint32 externalAttributes, const QByteArray &name)
{
    constexpr uchar kSystemMsDos = 0;
    constexpr uchar kSystemUnix = 3;
    if (system == kSystemUnix) {
        switch ((externalAttributes >> 16) & 0170000) {
        case 0120000:
            return EntryKind::Symlink;
        case 0010000: // FIFO
        case 0020000: // character device
        case 0060000: // block device
        case 0140000: // socket
            return EntryKind::Special;
        case 0040000:
            return EntryKind::Directory;
        default:
            break;
        }
    }
    if (system == kSystemMsDos && (externalAttributes & 0x10))
        return EntryKind::Directory;
    return name.endsWith('/') ? EntryKind::Directory : EntryKind::File;
}

struct CentralRecord
{
    ZipCentralDirectory::Entry entry;
    quint16 flags = 0;
    quint16 method = 0;
};

Result<CentralRecord> readCentralRecord(QFile &file, const ArchiveLimits &limits)
{
    const QByteArray header = file.read(kCentralHeaderSize);
    if (header.size() != kCentralHeaderSize || !header.startsWith(QByteArrayLiteral("PK\x01\x02")))
        return corrupt(u"has a damaged central directory"_qs);
    const char *p = header.constData();
    const quint16 nameLength = le16(p + 28);
    if (nameLength > limits.maxPathBytes)
        return ArchiveError::make(u"archive.path_too_long"_qs, SafePath::displayName(file.peek(64)),
                                  QStringLiteral("has a name longer than %1 bytes").arg(limits.maxPathBytes));
    CentralRecord record;
    record.flags = le16(p + 8);
    record.method = le16(p + 10);
    record.entry.rawName = file.read(nameLength);
    const QByteArray extra = file.read(le16(p + 30));
    if (record.entry.rawName.size() != nameLength || extra.size() != le16(p + 30)
        || !file.seek(file.pos() + le16(p + 32)))
        return corrupt(u"has a truncated central directory"_qs);
    quint64 uncompressed = le32(p + 24);
    quint64 compressed = le32(p + 20);
    quint64 offset = le32(p + 42);
    if (Status status = applyZip64Extra(extra, uncompressed, compressed, offset); !status)
        return status.error();
    const quint64 fileSize = quint64(file.size());
    if (compressed > fileSize || offset > fileSize || uncompressed > quint64(std::numeric_limits<qint64>::max()))
        return corrupt(u"declares sizes or offsets outside the file"_qs, SafePath::displayName(record.entry.rawName));
    record.entry.uncompressedSize = qint64(uncompressed);
    record.entry.compressedSize = qint64(compressed);
    record.entry.localHeaderOffset = qint64(offset);
    record.entry.kind = kindOf(uchar(p[5]), le32(p + 38), record.entry.rawName);
    return record;
}

Status checkSupported(const CentralRecord &record)
{
    const QString name = SafePath::displayName(record.entry.rawName);
    if (record.flags & (kFlagEncrypted | kFlagStrongEncryption))
        return unsupported(u"is encrypted"_qs, name);
    if (record.method != kMethodStored && record.method != kMethodDeflate)
        return unsupported(QStringLiteral("uses compression method %1; only stored and deflate are accepted")
                               .arg(record.method),
                           name);
    return {};
}

Result<QList<CentralRecord>> readCentralRecords(QFile &file, const Directory &directory, const ArchiveLimits &limits)
{
    if (directory.entryCount > limits.maxEntries)
        return ArchiveError::make(u"archive.too_large"_qs, {},
                                  QStringLiteral("has more than %1 entries").arg(limits.maxEntries),
                                  {{u"limit"_qs, u"entries"_qs}, {u"maximum"_qs, limits.maxEntries}});
    // Prepended data would make libarchive shift every offset; we refuse it.
    if (directory.offset + directory.size != directory.end || !file.seek(directory.offset))
        return corrupt(u"has a central directory that is not where its end record says"_qs);
    QList<CentralRecord> records;
    while (file.pos() < directory.end && records.size() < directory.entryCount) {
        Result<CentralRecord> record = readCentralRecord(file, limits);
        if (!record)
            return record.error();
        if (Status status = checkSupported(*record); !status)
            return status.error();
        records.append(std::move(*record));
    }
    if (file.pos() != directory.end || records.size() != directory.entryCount)
        return corrupt(u"has a central directory whose size or record count is wrong"_qs);
    return records;
}

// Checks the local header of `record` and returns where its data ends.
Result<qint64> checkLocalHeader(QFile &file, const CentralRecord &record)
{
    const ZipCentralDirectory::Entry &entry = record.entry;
    const QString name = SafePath::displayName(entry.rawName);
    Result<QByteArray> header = readAt(file, entry.localHeaderOffset, kLocalHeaderSize);
    if (!header || !header->startsWith(QByteArrayLiteral("PK\x03\x04")))
        return corrupt(u"has no local header where the central directory says"_qs, name);
    const char *p = header->constData();
    const qint64 headerEnd = entry.localHeaderOffset + kLocalHeaderSize + le16(p + 26) + le16(p + 28);
    Result<QByteArray> localName = readAt(file, entry.localHeaderOffset + kLocalHeaderSize, le16(p + 26));
    if (!localName || *localName != entry.rawName)
        return corrupt(u"has a different name in its local header"_qs, name);
    if (le16(p + 8) != record.method || (le16(p + 6) & kFlagEncrypted) != (record.flags & kFlagEncrypted))
        return corrupt(u"has a local header that disagrees with the central directory"_qs, name);
    return headerEnd + entry.compressedSize;
}

} // namespace

ZipCentralDirectory::ZipCentralDirectory(QList<Entry> entries) : m_entries(std::move(entries)) {}

Result<ZipCentralDirectory> ZipCentralDirectory::read(QFile &file, const ArchiveLimits &limits)
{
    Result<Directory> directory = locateDirectory(file);
    if (!directory)
        return directory.error();
    Result<QList<CentralRecord>> records = readCentralRecords(file, *directory, limits);
    if (!records)
        return records.error();
    std::sort(records->begin(), records->end(), [](const CentralRecord &a, const CentralRecord &b) {
        return a.entry.localHeaderOffset < b.entry.localHeaderOffset;
    });

    QList<Entry> entries;
    entries.reserve(records->size());
    qint64 previousEnd = 0;
    for (const CentralRecord &record : *records) {
        const QString name = SafePath::displayName(record.entry.rawName);
        if (record.entry.localHeaderOffset < previousEnd)
            return ArchiveError::make(u"archive.overlapping_entries"_qs, name, u"overlaps another entry"_qs);
        Result<qint64> dataEnd = checkLocalHeader(file, record);
        if (!dataEnd)
            return dataEnd.error();
        if (*dataEnd > directory->offset)
            return ArchiveError::make(u"archive.overlapping_entries"_qs, name, u"overlaps the central directory"_qs);
        previousEnd = *dataEnd;
        entries.append(record.entry);
    }
    return ZipCentralDirectory(std::move(entries));
}

} // namespace ddd::core::archive
