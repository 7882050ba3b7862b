// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/versionindexwriter.h"

#include "core/deploy/compressiblepaths.h"
#include "core/deploy/contenttypetable.h"
#include "core/deploy/versionindexlayout.h"
#include "core/util/diskfull.h"
#include "core/util/localfile.h"

#include <QFile>
#include <QFileInfo>


#include <algorithm>
#include <cstdio>
#include <cstring>

#include <zlib.h>

namespace ddd::core::deploy {

namespace {

using namespace indexlayout;

quint32 crcOf(const char *data, qsizetype size)
{
    uLong crc = ::crc32(0L, Z_NULL, 0);
    while (size > 0) {
        const uInt chunk = uInt(std::min<qsizetype>(size, 1 << 30));
        crc = ::crc32(crc, reinterpret_cast<const Bytef *>(data), chunk);
        data += chunk;
        size -= chunk;
    }
    return quint32(crc);
}

bool hexToRaw(QByteArrayView hex, quint8 *raw)
{
    if (hex.size() != 64)
        return false;
    for (qsizetype i = 0; i < 32; ++i) {
        int value = 0;
        for (qsizetype j = 0; j < 2; ++j) {
            const char c = hex[i * 2 + j];
            const int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
            if (digit < 0)
                return false;
            value = value * 16 + digit;
        }
        raw[i] = quint8(value);
    }
    return true;
}

int compareBytes(QByteArrayView a, QByteArrayView b)
{
    const int common = std::memcmp(a.data(), b.data(), std::size_t(std::min(a.size(), b.size())));
    if (common != 0)
        return common;
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

Entry entryAt(const QByteArray &entries, qsizetype i)
{
    Entry entry;
    std::memcpy(&entry, entries.constData() + i * qsizetype(sizeof(Entry)), sizeof(Entry));
    return entry;
}

} // namespace

VersionIndexWriter::VersionIndexWriter(qint64 versionId) : m_versionId(versionId) {}

void VersionIndexWriter::reserve(qsizetype files, qsizetype pathBytes)
{
    m_entries.reserve(files * qsizetype(sizeof(Entry)));
    m_strings.reserve(pathBytes);
}

Status VersionIndexWriter::add(QByteArrayView utf8Path, QByteArrayView sha256Hex, qint64 size, qint64 brotliSize,
                               qint64 gzipSize)
{
    const QString path = QString::fromUtf8(utf8Path);
    return append(utf8Path, sha256Hex, size, brotliSize, gzipSize, CompressiblePaths::isCompressible(path),
                  ContentTypeTable::idForPath(path));
}

Status VersionIndexWriter::add(const QString &path, const SiteFile &file)
{
    return append(path.toUtf8(), file.sha256, file.size, file.brotliSize, file.gzipSize, file.compressible,
                  file.contentType);
}

Status VersionIndexWriter::append(QByteArrayView utf8Path, QByteArrayView sha256Hex, qint64 size, qint64 brotliSize,
                                  qint64 gzipSize, bool compressible, quint8 contentType)
{
    Entry entry{};
    if (utf8Path.isEmpty() || std::size_t(utf8Path.size()) > kMaxPathBytes || size < 0
        || !hexToRaw(sha256Hex, entry.sha256))
        return Error::make(u"index.invalid_row"_qs, u"Cannot index file "_qs + QString::fromUtf8(utf8Path));
    if (m_count > 0 && m_sorted) {
        const int order = compareBytes(pathOf(m_count - 1), utf8Path);
        if (order == 0)
            return Error::make(u"index.duplicate_path"_qs, u"Path listed twice: "_qs + QString::fromUtf8(utf8Path));
        m_sorted = order < 0;
    }
    entry.size = size;
    entry.flags = compressible ? kEntryCompressible : 0;
    // Only a compressible file is ever served as a variant.
    entry.brotliSize = compressible ? brotliSize : 0;
    entry.gzipSize = compressible ? gzipSize : 0;
    entry.pathOffset = quint32(m_strings.size());
    entry.pathLength = quint16(utf8Path.size());
    entry.contentType = contentType;
    m_strings.append(utf8Path.data(), utf8Path.size());
    m_entries.append(reinterpret_cast<const char *>(&entry), sizeof(Entry));
    ++m_count;
    return {};
}

QByteArrayView VersionIndexWriter::pathOf(qsizetype i) const
{
    const Entry entry = entryAt(m_entries, i);
    return QByteArrayView(m_strings.constData() + entry.pathOffset, entry.pathLength);
}

// The order to write entries in: as added when they came sorted.
QList<qsizetype> VersionIndexWriter::order() const
{
    QList<qsizetype> order(m_count);
    for (qsizetype i = 0; i < m_count; ++i)
        order[i] = i;
    if (!m_sorted)
        std::sort(order.begin(), order.end(),
                  [this](qsizetype a, qsizetype b) { return compareBytes(pathOf(a), pathOf(b)) < 0; });
    return order;
}

Result<QByteArray> VersionIndexWriter::bytes() const
{
    const QList<qsizetype> sorted = order();
    for (qsizetype i = 1; i < m_count; ++i)
        if (compareBytes(pathOf(sorted[i - 1]), pathOf(sorted[i])) == 0)
            return Error::make(u"index.duplicate_path"_qs,
                               u"Path listed twice: "_qs + QString::fromUtf8(pathOf(sorted[i])));
    if (quint64(m_strings.size()) > 0xffffffffu)
        return Error::make(u"index.invalid_row"_qs, u"Paths too long to index"_qs);
    QByteArray out;
    out.reserve(qsizetype(sizeof(Header)) + m_entries.size() + m_strings.size());
    out.resize(sizeof(Header));
    // Paths in entry order too: the same rows give the same bytes in any
    // input order, and a binary search's last steps touch neighbouring paths.
    QByteArray strings;
    strings.reserve(m_strings.size());
    for (qsizetype i : sorted) {
        Entry entry = entryAt(m_entries, i);
        const QByteArrayView path = pathOf(i);
        entry.pathOffset = quint32(strings.size());
        strings.append(path.data(), path.size());
        out.append(reinterpret_cast<const char *>(&entry), sizeof(Entry));
    }
    out.append(strings);
    Header header{};
    std::memcpy(header.magic, kMagic, sizeof(kMagic));
    header.format = kFormat;
    header.flags = m_variantsPending ? kFlagVariantsPending : 0;
    header.versionId = m_versionId;
    header.fileCount = quint32(m_count);
    header.entrySize = sizeof(Entry);
    header.stringsSize = quint64(m_strings.size());
    header.fileSize = quint64(out.size());
    header.typeTableHash = ContentTypeTable::tableHash();
    header.bodyCrc = crcOf(out.constData() + sizeof(Header), out.size() - qsizetype(sizeof(Header)));
    header.headerCrc = crcOf(reinterpret_cast<const char *>(&header), kHeaderCrcBytes);
    std::memcpy(out.data(), &header, sizeof(Header));
    return out;
}

Status VersionIndexWriter::writeTo(const QString &path) const
{
    Result<QByteArray> content = bytes();
    if (!content)
        return content.error();
    const QString temporary = path + u".tmp"_qs;
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(*content) != content->size()
        || !file.flush()) {
        const Error failed = DiskFull::writeError(file, u"Cannot write "_qs + temporary);
        file.remove();
        return failed;
    }
    file.close();
    if (Status synced = LocalFile::syncFile(temporary); !synced) {
        QFile::remove(temporary);
        return synced;
    }
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temporary);
        return Error::make(u"io.error"_qs, u"Cannot rename "_qs + temporary);
    }
    return LocalFile::syncDirectory(QFileInfo(path).path());
}

} // namespace ddd::core::deploy
