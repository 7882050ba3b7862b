// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace ddd::test {

// Writes zip files byte by byte: local headers, data, central directory and
// end record, with any name bytes and the means to lie: wrong CRCs and
// sizes, foreign compressed data, several central records pointing at one
// local entry (the overlapping-entry bomb). Truncate with QByteArray::left.
class ZipBuilder final
{
public:
    struct Entry
    {
        QByteArray name;
        QByteArray data;
        bool deflate = false;
        quint32 unixMode = 0100644;
        std::optional<quint32> crc;                 // replaces the real CRC-32
        std::optional<quint32> declaredSize;        // replaces the uncompressed size in both headers
        std::optional<quint32> declaredCompressedSize;
        std::optional<QByteArray> storedBytes;      // written instead of (compressed) data
        std::optional<quint16> method;              // replaces the compression method number
    };

    ZipBuilder &add(Entry entry);
    ZipBuilder &file(const QByteArray &name, const QByteArray &data, bool deflate = true);
    ZipBuilder &directory(const QByteArray &name);
    ZipBuilder &symlink(const QByteArray &name, const QByteArray &target);
    // A central-directory record named `name` that points at the local entry
    // of entry `index`: no data of its own.
    ZipBuilder &alias(const QByteArray &name, qsizetype index);

    QByteArray build() const;

private:
    struct Alias
    {
        QByteArray name;
        qsizetype index;
    };

    QList<Entry> m_entries;
    QList<Alias> m_aliases;
};

} // namespace ddd::test
