// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/versionindex.h"

#include "core/deploy/contenttypetable.h"
#include "core/deploy/versionindexlayout.h"

#include <QFile>
#include <QVarLengthArray>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace ddd::core::deploy {

namespace {

using namespace indexlayout;

Error indexError(const QString &code, const QString &message)
{
    return Error::make(code, message);
}

quint32 crcOf(const uchar *data, qsizetype size)
{
    uLong crc = ::crc32(0L, Z_NULL, 0);
    // zlib takes at most a uInt per call.
    while (size > 0) {
        const uInt chunk = uInt(std::min<qsizetype>(size, 1 << 30));
        crc = ::crc32(crc, data, chunk);
        data += chunk;
        size -= chunk;
    }
    return quint32(crc);
}

Entry entryAt(const uchar *data, qsizetype i)
{
    Entry entry;
    std::memcpy(&entry, data + sizeof(Header) + i * sizeof(Entry), sizeof(Entry));
    return entry;
}

int compareBytes(QByteArrayView a, QByteArrayView b)
{
    const int common = std::memcmp(a.data(), b.data(), std::size_t(std::min(a.size(), b.size())));
    if (common != 0)
        return common;
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

// Every site request looks up one path: a plain ASCII one (nearly all) is
// narrowed on the stack instead of allocating its UTF-8 copy.
template<typename Lookup>
auto withUtf8(QStringView path, Lookup lookup)
{
    QVarLengthArray<char, 256> ascii;
    for (const QChar c : path) {
        if (c.unicode() >= 0x80)
            return lookup(QByteArrayView(path.toUtf8()));
        ascii.append(char(c.unicode()));
    }
    return lookup(QByteArrayView(ascii.constData(), ascii.size()));
}

// One allocation for the hash every served file names (toHex() of a copy took two).
QByteArray lowerHex(const uchar (&digest)[32])
{
    static constexpr char digits[] = "0123456789abcdef";
    QByteArray hex(64, Qt::Uninitialized);
    char *out = hex.data();
    for (const uchar byte : digest) {
        *out++ = digits[byte >> 4];
        *out++ = digits[byte & 0xf];
    }
    return hex;
}

} // namespace

VersionIndex::VersionIndex(const uchar *data, qsizetype size, QByteArray owned, bool mapped)
    : m_data(data), m_size(size), m_owned(std::move(owned)), m_mapped(mapped)
{
}

VersionIndex::~VersionIndex()
{
    if (m_mapped)
        ::munmap(const_cast<uchar *>(m_data), std::size_t(m_size));
}

Result<std::shared_ptr<const VersionIndex>> VersionIndex::open(const QString &path, qint64 versionId)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return indexError(u"index.missing"_qs, u"No version index at "_qs + path);
        return indexError(u"io.error"_qs, u"Cannot open "_qs + path + u": "_qs + QString::fromLocal8Bit(std::strerror(error)));
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return indexError(u"index.corrupt"_qs, u"Not a regular file: "_qs + path);
    }
    if (info.st_size < qint64(sizeof(Header))) {
        ::close(fd);
        return indexError(u"index.truncated"_qs, u"Version index shorter than its header: "_qs + path);
    }
    void *mapped = ::mmap(nullptr, std::size_t(info.st_size), PROT_READ, MAP_SHARED, fd, 0);
    const int error = errno;
    ::close(fd); // the mapping keeps the file
    if (mapped == MAP_FAILED)
        return indexError(u"io.error"_qs, u"Cannot map "_qs + path + u": "_qs + QString::fromLocal8Bit(std::strerror(error)));
    // Lookups jump around: read ahead nothing beyond the page asked for.
    ::madvise(mapped, std::size_t(info.st_size), MADV_RANDOM);
    return adopt(static_cast<const uchar *>(mapped), qsizetype(info.st_size), {}, true, versionId);
}

Result<std::shared_ptr<const VersionIndex>> VersionIndex::fromBytes(QByteArray bytes, qint64 versionId)
{
    if (bytes.size() < qsizetype(sizeof(Header)))
        return indexError(u"index.truncated"_qs, u"Version index shorter than its header"_qs);
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype size = bytes.size();
    return adopt(data, size, std::move(bytes), false, versionId);
}

Result<std::shared_ptr<const VersionIndex>> VersionIndex::adopt(const uchar *data, qsizetype size, QByteArray owned,
                                                                bool mapped, qint64 versionId)
{
    // Owned from here on, so a refused file is unmapped too.
    std::shared_ptr<VersionIndex> index(new VersionIndex(data, size, std::move(owned), mapped));
    if (Status checked = index->checkHeader(versionId, size); !checked)
        return checked.error();
    return std::shared_ptr<const VersionIndex>(std::move(index));
}

Status VersionIndex::checkHeader(qint64 versionId, qsizetype actualSize)
{
    Header header;
    std::memcpy(&header, m_data, sizeof(Header));
    if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0)
        return indexError(u"index.corrupt"_qs, u"Not a version index (bad magic)"_qs);
    if (crcOf(m_data, kHeaderCrcBytes) != header.headerCrc)
        return indexError(u"index.corrupt"_qs, u"Version index header checksum mismatch"_qs);
    if (header.format != kFormat || header.entrySize != sizeof(Entry))
        return indexError(u"index.stale"_qs, QStringLiteral("Version index format %1 is not %2").arg(header.format).arg(kFormat));
    if (header.versionId != versionId)
        return indexError(u"index.stale"_qs, QStringLiteral("Version index of version %1, not %2").arg(header.versionId).arg(versionId));
    if (header.typeTableHash != ContentTypeTable::tableHash())
        return indexError(u"index.stale"_qs, u"Version index written under another content type table"_qs);
    const quint64 expected = sizeof(Header) + quint64(header.fileCount) * sizeof(Entry) + header.stringsSize;
    if (header.fileSize != expected)
        return indexError(u"index.corrupt"_qs, u"Version index sizes do not add up"_qs);
    if (quint64(actualSize) < header.fileSize)
        return indexError(u"index.truncated"_qs, QStringLiteral("Version index has %1 of %2 bytes").arg(actualSize).arg(header.fileSize));
    if (quint64(actualSize) != header.fileSize)
        return indexError(u"index.corrupt"_qs, u"Version index longer than its header says"_qs);
    m_versionId = header.versionId;
    m_count = qsizetype(header.fileCount);
    m_stringsSize = qsizetype(header.stringsSize);
    m_variantsPending = (header.flags & kFlagVariantsPending) != 0;
    return {};
}

// Empty for an entry pointing outside the strings: a damaged file then
// misses lookups instead of reading past its mapping.
QByteArrayView VersionIndex::pathBytes(qsizetype i) const
{
    const uchar *base = m_data + sizeof(Header);
    quint32 offset = 0;
    quint16 length = 0;
    std::memcpy(&offset, base + i * sizeof(Entry) + offsetof(Entry, pathOffset), sizeof(offset));
    std::memcpy(&length, base + i * sizeof(Entry) + offsetof(Entry, pathLength), sizeof(length));
    if (qsizetype(offset) + length > m_stringsSize)
        return {};
    const uchar *strings = base + m_count * qsizetype(sizeof(Entry));
    return QByteArrayView(reinterpret_cast<const char *>(strings + offset), length);
}

qsizetype VersionIndex::position(QByteArrayView utf8Path) const
{
    qsizetype low = 0;
    qsizetype high = m_count;
    while (low < high) {
        const qsizetype middle = low + (high - low) / 2;
        const int order = compareBytes(pathBytes(middle), utf8Path);
        if (order == 0)
            return middle;
        if (order < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return -1;
}

std::optional<SiteFile> VersionIndex::find(QByteArrayView utf8Path) const
{
    const qsizetype at = utf8Path.isEmpty() ? -1 : position(utf8Path);
    if (at < 0)
        return std::nullopt;
    return fileAt(at);
}

std::optional<SiteFile> VersionIndex::find(QStringView path) const
{
    return withUtf8(path, [this](QByteArrayView utf8) { return find(utf8); });
}

bool VersionIndex::contains(QStringView path) const
{
    return withUtf8(path, [this](QByteArrayView utf8) { return !utf8.isEmpty() && position(utf8) >= 0; });
}

QString VersionIndex::pathAt(qsizetype i) const
{
    return QString::fromUtf8(pathBytes(i));
}

SiteFile VersionIndex::fileAt(qsizetype i) const
{
    const Entry entry = entryAt(m_data, i);
    SiteFile file;
    file.sha256 = lowerHex(entry.sha256);
    file.size = entry.size;
    file.brotliSize = entry.brotliSize;
    file.gzipSize = entry.gzipSize;
    file.compressible = (entry.flags & kEntryCompressible) != 0;
    file.contentType = entry.contentType;
    return file;
}

Status VersionIndex::verify() const
{
    Header header;
    std::memcpy(&header, m_data, sizeof(Header));
    if (crcOf(m_data + sizeof(Header), m_size - qsizetype(sizeof(Header))) != header.bodyCrc)
        return indexError(u"index.corrupt"_qs, u"Version index body checksum mismatch"_qs);
    QByteArrayView previous;
    for (qsizetype i = 0; i < m_count; ++i) {
        const QByteArrayView path = pathBytes(i);
        if (path.isEmpty())
            return indexError(u"index.corrupt"_qs, QStringLiteral("Version index entry %1 is out of bounds").arg(i));
        if (i > 0 && compareBytes(previous, path) >= 0)
            return indexError(u"index.corrupt"_qs, QStringLiteral("Version index entry %1 is out of order").arg(i));
        previous = path;
    }
    return {};
}

} // namespace ddd::core::deploy
