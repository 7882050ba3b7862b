// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/tarheaderscanner.h"

#include "core/archive/archiveerror.h"
#include "core/util/safepath.h"

#include <algorithm>
#include <limits>

namespace ddd::core::archive {

namespace {

constexpr qint64 kBlock = 512;
constexpr qint64 kMaxSpecialBody = 1024 * 1024; // libarchive refuses larger pax / long-name bodies
constexpr qint64 kMaxDataSize = qint64(1) << 62;
constexpr qsizetype kSizeField = 124;
constexpr qsizetype kChecksumField = 148;
constexpr qsizetype kTypeField = 156;
constexpr qsizetype kMagicField = 257;
constexpr qsizetype kGnuSparseField = 386;
constexpr qsizetype kGnuIsExtended = 482;
constexpr qsizetype kSparseExtensionIsExtended = 504;

Error corrupt(const QString &reason)
{
    return ArchiveError::make(u"archive.corrupt"_qs, {}, reason);
}

bool isZeroBlock(QByteArrayView block)
{
    return std::all_of(block.begin(), block.end(), [](char c) { return c == '\0'; });
}

// libarchive's tar_atol_base_n: leading blanks, an optional sign, digits up
// to the first non-digit; saturates on overflow.
qint64 parseNumber(QByteArrayView field, int base)
{
    qsizetype i = 0;
    while (i < field.size() && (field[i] == ' ' || field[i] == '\t'))
        ++i;
    const bool negative = i < field.size() && field[i] == '-';
    if (negative)
        ++i;
    qint64 value = 0;
    for (; i < field.size() && field[i] >= '0' && field[i] < '0' + base; ++i) {
        const int digit = field[i] - '0';
        if (value > (std::numeric_limits<qint64>::max() - digit) / base)
            return negative ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
        value = value * base + digit;
    }
    return negative ? -value : value;
}

// The tar numeric field: octal text, or big-endian base-256 when the high
// bit of the first byte is set (GNU and star extension for large values).
qint64 parseTarNumber(QByteArrayView field)
{
    if (!(uchar(field[0]) & 0x80))
        return parseNumber(field, 8);
    if (uchar(field[0]) & 0x40)
        return -1; // negative base-256
    quint64 value = uchar(field[0]) & 0x3f;
    for (qsizetype i = 1; i < field.size(); ++i) {
        if (value > (quint64(std::numeric_limits<qint64>::max()) >> 8))
            return std::numeric_limits<qint64>::max();
        value = value << 8 | uchar(field[i]);
    }
    return qint64(value);
}

// libarchive accepts the unsigned or the signed byte sum.
bool checksumMatches(QByteArrayView block)
{
    const QByteArrayView field = block.sliced(kChecksumField, 8);
    for (const char c : field)
        if (c != ' ' && c != '\0' && (c < '0' || c > '7'))
            return false;
    const qint64 expected = parseNumber(field, 8);
    qint64 unsignedSum = 0;
    qint64 signedSum = 0;
    for (qsizetype i = 0; i < kBlock; ++i) {
        const bool inField = i >= kChecksumField && i < kChecksumField + 8;
        unsignedSum += inField ? ' ' : uchar(block[i]);
        signedSum += inField ? ' ' : static_cast<signed char>(block[i]);
    }
    return expected == unsignedSum || expected == signedSum;
}

qint64 paddedSize(qint64 bytes)
{
    return (bytes + kBlock - 1) / kBlock * kBlock;
}

Status checkName(QByteArrayView name)
{
    if (name.contains('\0'))
        return ArchiveError::make(u"archive.bad_name"_qs, SafePath::displayName(name), u"contains a NUL byte"_qs);
    if (!SafePath::isValidUtf8(name))
        return ArchiveError::make(u"archive.bad_name"_qs, SafePath::displayName(name), u"is not valid UTF-8"_qs);
    return {};
}

} // namespace

bool TarHeaderScanner::looksLikeTar(QByteArrayView firstBlock)
{
    if (firstBlock.size() < kBlock)
        return false;
    return isZeroBlock(firstBlock.first(kBlock)) || firstBlock.sliced(kMagicField, 5) == "ustar";
}

Status TarHeaderScanner::feed(QByteArrayView bytes)
{
    while (!bytes.isEmpty() && m_state != State::Stopped) {
        if (m_state == State::Trailer)
            return isZeroBlock(bytes) ? Status() : corrupt(u"has data after its end-of-archive marker"_qs);
        const bool inData = m_state == State::Skip || m_state == State::Collect;
        if (Status status = inData ? consumeData(bytes) : consumeBlock(bytes); !status)
            return status;
    }
    return {};
}

Status TarHeaderScanner::consumeData(QByteArrayView &bytes)
{
    const qsizetype take = qsizetype(qMin<qint64>(m_remaining, bytes.size()));
    if (m_state == State::Collect)
        m_body.append(bytes.first(take));
    m_remaining -= take;
    bytes = bytes.sliced(take);
    if (m_remaining > 0)
        return {};
    if (m_state == State::Skip) {
        m_state = State::Header;
        return {};
    }
    m_remaining = m_padding;
    m_state = m_padding > 0 ? State::Skip : State::Header;
    return processCollected();
}

Status TarHeaderScanner::consumeBlock(QByteArrayView &bytes)
{
    const qsizetype take = qMin(kBlock - m_block.size(), bytes.size());
    m_block.append(bytes.first(take));
    bytes = bytes.sliced(take);
    if (m_block.size() < kBlock)
        return {};
    const Status status = m_state == State::Header ? processHeader() : processSparseExtension();
    m_block.clear();
    return status;
}

Status TarHeaderScanner::processHeader()
{
    if (isZeroBlock(m_block)) {
        m_state = State::Trailer; // libarchive stops at the first zero block
        return {};
    }
    if (!checksumMatches(m_block))
        return corrupt(u"has a damaged tar header"_qs);
    const qint64 size = parseTarNumber(QByteArrayView(m_block).sliced(kSizeField, 12));
    if (size < 0 || size > kMaxDataSize)
        return corrupt(u"has a tar header with an impossible size"_qs);
    const char type = m_block.at(kTypeField);
    if (std::optional<Status> handled = processSpecialHeader(type, size))
        return *handled;
    processEntryHeader(type, size);
    return {};
}

// Headers that only describe the next entry, and entries that will be
// refused for their type anyway. Anything else is left to processEntryHeader().
std::optional<Status> TarHeaderScanner::processSpecialHeader(char type, qint64 size)
{
    switch (type) {
    case 'x':
    case 'X':
    case 'L':
    case 'K':
        if (size > kMaxSpecialBody)
            return corrupt(u"has an oversized extended header"_qs);
        collect(size, type);
        return Status();
    case 'g':
    case 'A':
        skipPadded(size); // global pax and Solaris ACL bodies never name an entry
        return Status();
    case '1':
    case '2':
    case '3':
    case '4':
    case '6':
        m_state = State::Stopped; // a link or special file: the entry itself is refused
        return Status();
    case 'V':
        return Status(); // a GNU volume label carries no data
    default:
        return std::nullopt;
    }
}

// A regular entry (or a directory): its data size, overridden by a preceding
// pax "size" record as libarchive does.
void TarHeaderScanner::processEntryHeader(char type, qint64 size)
{
    const qint64 dataSize = m_pendingSize >= 0 ? m_pendingSize : (type == '5' ? 0 : size);
    m_pendingSize = -1;
    const bool gnuSparse = m_block.mid(kMagicField, 8) == QByteArrayLiteral("ustar  \0")
        && m_block.at(kGnuSparseField) != '\0' && m_block.at(kGnuIsExtended) != '\0';
    if (gnuSparse) {
        m_sparseDataSize = dataSize;
        m_state = State::SparseExtension;
        return;
    }
    skipPadded(dataSize);
}

// Old GNU sparse files continue their sparse map in extra 512-byte blocks.
Status TarHeaderScanner::processSparseExtension()
{
    if (m_block.at(kSparseExtensionIsExtended) == '\0') {
        m_state = State::Header;
        skipPadded(m_sparseDataSize);
    }
    return {};
}

Status TarHeaderScanner::processCollected()
{
    if (m_bodyType == 'x' || m_bodyType == 'X')
        return processPaxRecords();
    // GNU long name or link: the name runs up to the terminating NULs.
    QByteArrayView name(m_body);
    while (name.endsWith('\0'))
        name.chop(1);
    return checkName(name);
}

// Records are "<length> <key>=<value>\n". A malformed body is left to
// libarchive, which warns about it (and the upload is refused as corrupt).
Status TarHeaderScanner::processPaxRecords()
{
    QByteArrayView rest(m_body);
    while (!rest.isEmpty()) {
        const qsizetype space = rest.indexOf(' ');
        const qint64 length = space > 0 ? parseNumber(rest.first(space), 10) : -1;
        if (length <= space + 1 || length > rest.size() || rest.at(length - 1) != '\n')
            return {};
        const QByteArrayView record = rest.sliced(space + 1, length - space - 2);
        rest = rest.sliced(length);
        const qsizetype equals = record.indexOf('=');
        if (equals < 0)
            return {};
        const QByteArrayView key = record.first(equals);
        const QByteArrayView value = record.sliced(equals + 1);
        if (key == "path" || key == "linkpath" || key == "GNU.sparse.name") {
            if (Status status = checkName(value); !status)
                return status;
        } else if (key == "size") {
            m_pendingSize = parseNumber(value, 10);
            if (m_pendingSize < 0 || m_pendingSize > kMaxDataSize)
                return corrupt(u"has a pax header with an impossible size"_qs);
        }
    }
    return {};
}

void TarHeaderScanner::skipPadded(qint64 bytes)
{
    m_remaining = paddedSize(bytes);
    m_state = m_remaining > 0 ? State::Skip : State::Header;
}

void TarHeaderScanner::collect(qint64 bytes, char type)
{
    m_body.clear();
    m_bodyType = type;
    m_remaining = bytes;
    m_padding = paddedSize(bytes) - bytes;
    m_state = bytes > 0 ? State::Collect : State::Header;
}

} // namespace ddd::core::archive
