// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/zipbuilder.h"

#include "tests/support/deflate.h"

namespace ddd::test {

namespace {

constexpr quint16 kFlagUtf8 = 0x0800;
constexpr quint16 kVersion = 20;
constexpr quint16 kMadeByUnix = 3 << 8 | kVersion;

void le16(QByteArray &out, quint32 value)
{
    out += char(value & 0xff);
    out += char((value >> 8) & 0xff);
}

void le32(QByteArray &out, quint32 value)
{
    le16(out, value & 0xffff);
    le16(out, value >> 16);
}

// What the headers of one entry say, true or not.
struct Written
{
    QByteArray name;
    quint16 method = 0;
    quint32 crc = 0;
    quint32 compressedSize = 0;
    quint32 size = 0;
    quint32 unixMode = 0;
    quint32 offset = 0;
};

void appendCommonFields(QByteArray &out, const Written &w)
{
    le16(out, kFlagUtf8);
    le16(out, w.method);
    le16(out, 0); // time
    le16(out, 0x21); // date: 1980-01-01
    le32(out, w.crc);
    le32(out, w.compressedSize);
    le32(out, w.size);
    le16(out, quint32(w.name.size()));
    le16(out, 0); // extra field length
}

QByteArray centralRecord(const Written &w)
{
    QByteArray out("PK\x01\x02", 4);
    le16(out, kMadeByUnix);
    le16(out, kVersion);
    appendCommonFields(out, w);
    le16(out, 0); // comment length
    le16(out, 0); // disk
    le16(out, 0); // internal attributes
    le32(out, w.unixMode << 16);
    le32(out, w.offset);
    return out + w.name;
}

} // namespace

ZipBuilder &ZipBuilder::add(Entry entry)
{
    m_entries.append(std::move(entry));
    return *this;
}

ZipBuilder &ZipBuilder::file(const QByteArray &name, const QByteArray &data, bool deflate)
{
    return add({name, data, deflate});
}

ZipBuilder &ZipBuilder::directory(const QByteArray &name)
{
    return add({name, {}, false, 040755});
}

ZipBuilder &ZipBuilder::symlink(const QByteArray &name, const QByteArray &target)
{
    return add({name, target, false, 0120777});
}

ZipBuilder &ZipBuilder::alias(const QByteArray &name, qsizetype index)
{
    m_aliases.append({name, index});
    return *this;
}

QByteArray ZipBuilder::build() const
{
    QByteArray out;
    QList<Written> records;
    for (const Entry &entry : m_entries) {
        const QByteArray stored = entry.storedBytes.value_or(entry.deflate ? Deflate::raw(entry.data) : entry.data);
        Written w{entry.name,
                  entry.method.value_or(quint16(entry.deflate ? 8 : 0)),
                  entry.crc.value_or(Deflate::crc32(entry.data)),
                  entry.declaredCompressedSize.value_or(quint32(stored.size())),
                  entry.declaredSize.value_or(quint32(entry.data.size())),
                  entry.unixMode,
                  quint32(out.size())};
        out += QByteArray("PK\x03\x04", 4);
        le16(out, kVersion);
        appendCommonFields(out, w);
        out += entry.name + stored;
        records.append(w);
    }
    for (const Alias &alias : m_aliases) {
        Written w = records.at(alias.index);
        w.name = alias.name;
        records.append(w);
    }
    const quint32 directoryOffset = quint32(out.size());
    for (const Written &w : records)
        out += centralRecord(w);
    const quint32 directorySize = quint32(out.size()) - directoryOffset;
    // More records than 16 bits count: a zip64 end record and its locator
    // carry the count, as every zip tool writes it for 65,536+ entries.
    const bool zip64 = records.size() > 0xFFFF;
    if (zip64) {
        const quint64 recordOffset = quint64(out.size());
        out += QByteArray("PK\x06\x06", 4);
        le32(out, 44); // size of the rest of the record, low and high words
        le32(out, 0);
        le16(out, kVersion);
        le16(out, kVersion);
        le32(out, 0);
        le32(out, 0);
        for (quint64 value : {quint64(records.size()), quint64(records.size()), quint64(directorySize),
                              quint64(directoryOffset)}) {
            le32(out, quint32(value));
            le32(out, quint32(value >> 32));
        }
        out += QByteArray("PK\x06\x07", 4);
        le32(out, 0);
        le32(out, quint32(recordOffset));
        le32(out, quint32(recordOffset >> 32));
        le32(out, 1);
    }
    out += QByteArray("PK\x05\x06", 4);
    le16(out, 0);
    le16(out, 0);
    le16(out, zip64 ? 0xFFFF : quint32(records.size()));
    le16(out, zip64 ? 0xFFFF : quint32(records.size()));
    le32(out, directorySize);
    le32(out, directoryOffset);
    le16(out, 0); // comment length
    return out;
}

} // namespace ddd::test
