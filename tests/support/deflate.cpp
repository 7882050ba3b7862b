// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/deflate.h"

#include <zlib.h>

namespace ddd::test {

namespace {

QByteArray compress(const QByteArray &data, int windowBits)
{
    z_stream stream = {};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("deflateInit2 failed");
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END)
        qFatal("deflate did not finish");
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

} // namespace

QByteArray Deflate::raw(const QByteArray &data)
{
    return compress(data, -MAX_WBITS);
}

QByteArray Deflate::gzip(const QByteArray &data)
{
    return compress(data, 16 + MAX_WBITS);
}

quint32 Deflate::crc32(const QByteArray &data)
{
    return quint32(::crc32(0, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
}

QByteArray Deflate::withBadGzipTrailer(QByteArray gzip)
{
    gzip[gzip.size() - 8] = char(gzip.at(gzip.size() - 8) ^ 0xff); // first CRC-32 byte
    return gzip;
}

} // namespace ddd::test
