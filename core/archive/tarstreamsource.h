// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/tarheaderscanner.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QFile>

#include <memory>
#include <optional>

struct z_stream_s;

namespace ddd::core::archive {

// Feeds libarchive's tar reader the uncompressed bytes of a .tar or .tar.gz
// upload. Gzip is decoded here with zlib rather than by libarchive's gzip
// filter, because libarchive peels nested gzip layers by itself during
// format detection and never looks at the gzip trailer (security guide 2.1).
// Seeing every uncompressed byte lets us:
// - refuse gzip inside gzip (archive.nested_compression) and gzip around
//   anything but tar (archive.unsupported_format) from the first bytes;
// - verify each member's CRC-32 and length trailer, and refuse truncation
//   or bytes after the last member (archive.corrupt);
// - cap the whole uncompressed stream, headers included (archive.too_large,
//   details.limit "stream_bytes");
// - run the TarHeaderScanner over the raw headers.
class TarStreamSource final
{
public:
    TarStreamSource(const QString &path, bool gzip, qint64 maxStreamBytes);
    ~TarStreamSource();
    TarStreamSource(const TarStreamSource &) = delete;
    TarStreamSource &operator=(const TarStreamSource &) = delete;

    Status open();

    // libarchive's read callback: points `buffer` at the next bytes and
    // returns their count, 0 at the end, or -1 after an error (see error()).
    qint64 read(const void **buffer);

    // Called once libarchive has seen the end of the archive: reads what it
    // left (padding, the rest of the gzip stream) so every byte is checked.
    Status finish();

    // The first problem this source found; libarchive only sees "read failed".
    const std::optional<Error> &error() const { return m_error; }

private:
    struct ZlibDeleter
    {
        void operator()(z_stream_s *stream) const;
    };

    Result<QByteArrayView> nextChunk();
    Result<QByteArrayView> nextInflatedChunk();
    Status startNextMember();
    Status inspect(QByteArrayView chunk);
    Status checkFirstBytes(bool streamEnded) const;

    QFile m_file;
    bool m_gzip;
    qint64 m_maxStreamBytes;
    std::unique_ptr<z_stream_s, ZlibDeleter> m_zlib;
    QByteArray m_input;
    QByteArray m_output;
    QByteArray m_head; // the first block of the uncompressed stream
    qint64 m_streamBytes = 0;
    bool m_ended = false;
    TarHeaderScanner m_scanner;
    std::optional<Error> m_error;
};

} // namespace ddd::core::archive
