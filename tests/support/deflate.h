// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace ddd::test {

// zlib helpers for crafting archives in tests.
class Deflate final
{
public:
    // A raw deflate stream (as stored in zip entries).
    static QByteArray raw(const QByteArray &data);
    // A complete single-member gzip file.
    static QByteArray gzip(const QByteArray &data);
    static quint32 crc32(const QByteArray &data);
    // The same gzip file with its CRC-32 trailer damaged.
    static QByteArray withBadGzipTrailer(QByteArray gzip);
};

} // namespace ddd::test
