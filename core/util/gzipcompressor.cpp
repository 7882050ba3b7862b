// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/gzipcompressor.h"

#include <zlib.h>

namespace ddd::core {

namespace {

constexpr int kGzipWindow = 16 + MAX_WBITS; // a gzip header and trailer around the deflate stream
constexpr int kMemoryLevel = 8;

} // namespace

QByteArray GzipCompressor::compress(QByteArrayView data, int level)
{
    z_stream z{};
    if (deflateInit2(&z, level, Z_DEFLATED, kGzipWindow, kMemoryLevel, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))) + 32, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const qsizetype written = qsizetype(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

} // namespace ddd::core
