// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace ddd::test {

// Writes tar streams byte by byte, with none of a real writer's protections:
// any name bytes (NUL, backslash, invalid UTF-8), any type flag, sizes that
// lie, pax records with arbitrary values, GNU long names. Gzip it with
// Deflate::gzip.
class TarBuilder final
{
public:
    using PaxRecords = QList<QPair<QByteArray, QByteArray>>;

    // A regular file; names longer than the ustar field get a pax "path".
    TarBuilder &file(const QByteArray &name, const QByteArray &data);
    TarBuilder &directory(const QByteArray &name);
    TarBuilder &symlink(const QByteArray &name, const QByteArray &target);
    TarBuilder &hardlink(const QByteArray &name, const QByteArray &target);
    TarBuilder &fifo(const QByteArray &name);
    // One header with any type flag; it declares `declaredSize` (the data
    // size when negative) and is followed by `data`, padded to 512 bytes.
    TarBuilder &entry(char type, const QByteArray &name, const QByteArray &data, qint64 declaredSize = -1,
                      const QByteArray &linkName = {});
    // A pax extended header ('x') applying to the next entry.
    TarBuilder &pax(const PaxRecords &records);
    // A GNU long-name header ('L') applying to the next entry.
    TarBuilder &gnuLongName(const QByteArray &name);
    TarBuilder &raw(const QByteArray &bytes);

    // The stream, ended by two zero blocks unless told otherwise.
    QByteArray build(bool endOfArchive = true) const;

    static QByteArray header(char type, const QByteArray &name, qint64 size, const QByteArray &linkName = {});

private:
    void appendPadded(const QByteArray &data);

    QByteArray m_bytes;
};

} // namespace ddd::test
