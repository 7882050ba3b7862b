// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/tarstreamsource.h"

#include "core/archive/archiveerror.h"

#include <zlib.h>

namespace ddd::core::archive {

namespace {

constexpr qint64 kChunk = 64 * 1024;
constexpr qsizetype kTarBlock = 512;
constexpr int kGzipWindowBits = 16 + MAX_WBITS; // gzip wrapper only, no zlib or raw deflate

Error corrupt(const QString &reason)
{
    return ArchiveError::make(u"archive.corrupt"_qs, {}, reason);
}

bool startsWithGzipMagic(QByteArrayView bytes)
{
    return bytes.startsWith("\x1f\x8b");
}

} // namespace

void TarStreamSource::ZlibDeleter::operator()(z_stream_s *stream) const
{
    inflateEnd(stream);
    delete stream;
}

TarStreamSource::TarStreamSource(const QString &path, bool gzip, qint64 maxStreamBytes)
    : m_file(path), m_gzip(gzip), m_maxStreamBytes(maxStreamBytes)
{
}

TarStreamSource::~TarStreamSource() = default;

Status TarStreamSource::open()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return Error::make(u"io.error"_qs, u"Cannot open the uploaded file: "_qs + m_file.errorString());
    if (!m_gzip)
        return {};
    auto stream = std::make_unique<z_stream_s>();
    if (inflateInit2(stream.get(), kGzipWindowBits) != Z_OK)
        return Error::make(u"io.error"_qs, u"Cannot start the gzip decoder"_qs);
    m_zlib.reset(stream.release());
    return {};
}

qint64 TarStreamSource::read(const void **buffer)
{
    if (m_error)
        return -1;
    Result<QByteArrayView> chunk = nextChunk();
    const Status status = chunk ? inspect(*chunk) : Status(chunk.error());
    if (!status) {
        m_error = status.error();
        return -1;
    }
    *buffer = chunk->data();
    return chunk->size();
}

Status TarStreamSource::finish()
{
    for (;;) {
        const void *buffer = nullptr;
        const qint64 bytes = read(&buffer);
        if (bytes < 0)
            return *m_error;
        if (bytes == 0)
            return {};
    }
}

Result<QByteArrayView> TarStreamSource::nextChunk()
{
    if (m_ended)
        return QByteArrayView();
    if (m_gzip)
        return nextInflatedChunk();
    m_output = m_file.read(kChunk);
    if (m_output.isEmpty()) {
        if (m_file.error() != QFileDevice::NoError)
            return Error::make(u"io.error"_qs, u"Cannot read the uploaded file: "_qs + m_file.errorString());
        m_ended = true;
    }
    return QByteArrayView(m_output);
}

Result<QByteArrayView> TarStreamSource::nextInflatedChunk()
{
    z_stream_s &stream = *m_zlib;
    m_output.resize(kChunk);
    for (;;) {
        if (stream.avail_in == 0) {
            m_input = m_file.read(kChunk);
            if (m_input.isEmpty())
                return corrupt(u"is truncated: its gzip stream ends early"_qs);
            stream.next_in = reinterpret_cast<Bytef *>(m_input.data());
            stream.avail_in = uInt(m_input.size());
        }
        stream.next_out = reinterpret_cast<Bytef *>(m_output.data());
        stream.avail_out = uInt(kChunk);
        // zlib checks each member's CRC-32 and length trailer before it
        // answers Z_STREAM_END; a mismatch is a Z_DATA_ERROR.
        const int rc = inflate(&stream, Z_NO_FLUSH);
        const qsizetype produced = kChunk - stream.avail_out;
        if (rc == Z_STREAM_END) {
            if (Status status = startNextMember(); !status)
                return status.error();
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            return corrupt(u"has damaged gzip data: "_qs
                           + (stream.msg ? QString::fromUtf8(stream.msg) : QString::number(rc)));
        }
        if (produced > 0)
            return QByteArrayView(m_output.constData(), produced);
        if (m_ended)
            return QByteArrayView();
    }
}

// After a member's trailer: the file ends, or another gzip member follows
// (concatenated gzip is valid); anything else is refused.
Status TarStreamSource::startNextMember()
{
    z_stream_s &stream = *m_zlib;
    QByteArray rest(reinterpret_cast<const char *>(stream.next_in), stream.avail_in);
    while (rest.size() < 2) {
        const QByteArray more = m_file.read(kChunk);
        if (more.isEmpty())
            break;
        rest += more;
    }
    if (rest.isEmpty()) {
        m_ended = true;
        return {};
    }
    if (!startsWithGzipMagic(rest))
        return corrupt(u"has data after the end of its gzip stream"_qs);
    m_input = rest;
    stream.next_in = reinterpret_cast<Bytef *>(m_input.data());
    stream.avail_in = uInt(m_input.size());
    if (inflateReset(&stream) != Z_OK)
        return corrupt(u"has a damaged gzip member"_qs);
    return {};
}

Status TarStreamSource::inspect(QByteArrayView chunk)
{
    if (chunk.isEmpty())
        return m_gzip ? checkFirstBytes(true) : Status();
    m_streamBytes += chunk.size();
    if (m_streamBytes > m_maxStreamBytes)
        return ArchiveError::make(u"archive.too_large"_qs, {},
                                  QStringLiteral("expands to more than %1 bytes").arg(m_maxStreamBytes),
                                  {{u"limit"_qs, u"stream_bytes"_qs}, {u"maximum"_qs, m_maxStreamBytes}});
    if (m_gzip && m_head.size() < kTarBlock) {
        m_head += chunk.first(qMin(chunk.size(), kTarBlock - m_head.size()));
        if (Status status = checkFirstBytes(false); !status)
            return status;
    }
    return m_scanner.feed(chunk);
}

Status TarStreamSource::checkFirstBytes(bool streamEnded) const
{
    if (startsWithGzipMagic(m_head))
        return ArchiveError::make(u"archive.nested_compression"_qs, {}, u"is gzip inside gzip"_qs);
    if (m_head.size() >= kTarBlock) {
        if (TarHeaderScanner::looksLikeTar(m_head))
            return {};
        return ArchiveError::make(u"archive.unsupported_format"_qs, {},
                                  u"is gzip-compressed but does not contain a tar archive"_qs);
    }
    if (!streamEnded)
        return {};
    if (m_head.isEmpty())
        return ArchiveError::make(u"archive.empty"_qs, {}, u"is empty"_qs);
    return ArchiveError::make(u"archive.unsupported_format"_qs, {},
                              u"is gzip-compressed but does not contain a tar archive"_qs);
}

} // namespace ddd::core::archive
