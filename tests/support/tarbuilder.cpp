// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/tarbuilder.h"

#include <cstring>

namespace ddd::test {

namespace {

constexpr qsizetype kBlock = 512;
constexpr qsizetype kNameField = 100;

void putField(QByteArray &header, qsizetype offset, qsizetype width, const QByteArray &value)
{
    std::memcpy(header.data() + offset, value.constData(), size_t(qMin(width, value.size())));
}

QByteArray octal(qint64 value, int digits)
{
    return QByteArray::number(value, 8).rightJustified(digits, '0');
}

QByteArray paxRecord(const QByteArray &key, const QByteArray &value)
{
    // "<length> <key>=<value>\n", where length counts its own digits too.
    const qsizetype body = key.size() + value.size() + 3;
    qsizetype length = body + 1;
    while (QByteArray::number(length).size() + body != length)
        ++length;
    return QByteArray::number(length) + ' ' + key + '=' + value + '\n';
}

} // namespace

QByteArray TarBuilder::header(char type, const QByteArray &name, qint64 size, const QByteArray &linkName)
{
    QByteArray header(kBlock, '\0');
    putField(header, 0, kNameField, name);
    putField(header, 100, 8, "0000644");
    putField(header, 108, 8, "0001750");
    putField(header, 116, 8, "0001750");
    putField(header, 124, 12, octal(size, 11));
    putField(header, 136, 12, octal(1700000000, 11));
    header[156] = type;
    putField(header, 157, 100, linkName);
    putField(header, 257, 6, QByteArray("ustar\0", 6));
    putField(header, 263, 2, "00");
    putField(header, 265, 32, "user");
    putField(header, 297, 32, "user");
    std::memset(header.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (const char c : header)
        sum += uchar(c);
    putField(header, 148, 8, octal(sum, 6) + '\0' + ' ');
    return header;
}

TarBuilder &TarBuilder::file(const QByteArray &name, const QByteArray &data)
{
    if (name.size() > kNameField)
        pax({{"path", name}});
    return entry('0', name, data);
}

TarBuilder &TarBuilder::directory(const QByteArray &name)
{
    return entry('5', name, {});
}

TarBuilder &TarBuilder::symlink(const QByteArray &name, const QByteArray &target)
{
    return entry('2', name, {}, 0, target);
}

TarBuilder &TarBuilder::hardlink(const QByteArray &name, const QByteArray &target)
{
    return entry('1', name, {}, 0, target);
}

TarBuilder &TarBuilder::fifo(const QByteArray &name)
{
    return entry('6', name, {});
}

TarBuilder &TarBuilder::entry(char type, const QByteArray &name, const QByteArray &data, qint64 declaredSize,
                              const QByteArray &linkName)
{
    m_bytes += header(type, name, declaredSize < 0 ? data.size() : declaredSize, linkName);
    appendPadded(data);
    return *this;
}

TarBuilder &TarBuilder::pax(const PaxRecords &records)
{
    QByteArray body;
    for (const auto &[key, value] : records)
        body += paxRecord(key, value);
    return entry('x', "PaxHeaders/entry", body);
}

TarBuilder &TarBuilder::gnuLongName(const QByteArray &name)
{
    return entry('L', "././@LongLink", name + '\0');
}

TarBuilder &TarBuilder::raw(const QByteArray &bytes)
{
    m_bytes += bytes;
    return *this;
}

QByteArray TarBuilder::build(bool endOfArchive) const
{
    return endOfArchive ? m_bytes + QByteArray(2 * kBlock, '\0') : m_bytes;
}

void TarBuilder::appendPadded(const QByteArray &data)
{
    m_bytes += data;
    const qsizetype remainder = data.size() % kBlock;
    if (remainder != 0)
        m_bytes += QByteArray(kBlock - remainder, '\0');
}

} // namespace ddd::test
