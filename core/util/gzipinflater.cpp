// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/gzipinflater.h"

#include <zlib.h>

#include <QJsonObject>

namespace ddd::core {

namespace {

constexpr qsizetype kOutputChunk = 64 * 1024;
constexpr int kGzipOnly = 16 + MAX_WBITS; // a gzip header, not zlib or raw deflate

Error invalidEncoding(const QString &why)
{
    return Error::make(u"request.invalid_encoding"_qs, u"The gzip-encoded body cannot be decoded: "_qs + why);
}

Error tooLarge(qint64 maximum)
{
    return Error::make(u"request.too_large"_qs,
                       QStringLiteral("The body decompresses to more than %1 bytes").arg(maximum),
                       QJsonObject{{u"limit"_qs, u"decompressed"_qs}, {u"maximum"_qs, maximum}});
}

} // namespace

struct GzipInflater::Stream
{
    z_stream z{};
    QByteArray buffer{kOutputChunk, Qt::Uninitialized};
};

GzipInflater::GzipInflater(qint64 maxOutputBytes, Output output)
    : m_stream(std::make_unique<Stream>()), m_max(maxOutputBytes), m_output(std::move(output))
{
    if (inflateInit2(&m_stream->z, kGzipOnly) != Z_OK)
        m_failed = true;
}

GzipInflater::~GzipInflater()
{
    inflateEnd(&m_stream->z);
}

Status GzipInflater::write(QByteArrayView compressed)
{
    if (m_failed)
        return invalidEncoding(u"the decoder is not usable"_qs);
    if (compressed.isEmpty())
        return {};
    if (m_ended)
        return invalidEncoding(u"bytes follow the end of the gzip stream"_qs);
    z_stream &z = m_stream->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    z.avail_in = uInt(compressed.size());
    while (z.avail_in > 0 && !m_ended) {
        z.next_out = reinterpret_cast<Bytef *>(m_stream->buffer.data());
        z.avail_out = uInt(m_stream->buffer.size());
        const int rc = ::inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            m_failed = true;
            return invalidEncoding(z.msg ? QString::fromLatin1(z.msg) : u"damaged data"_qs);
        }
        const qsizetype produced = m_stream->buffer.size() - qsizetype(z.avail_out);
        m_produced += produced;
        if (m_produced > m_max) {
            m_failed = true;
            return tooLarge(m_max);
        }
        if (produced > 0)
            if (Status written = m_output(QByteArrayView(m_stream->buffer.constData(), produced)); !written)
                return written;
        m_ended = rc == Z_STREAM_END;
        if (rc == Z_BUF_ERROR && produced == 0)
            break; // needs more input than this chunk holds
    }
    if (m_ended && z.avail_in > 0)
        return invalidEncoding(u"bytes follow the end of the gzip stream"_qs);
    return {};
}

Status GzipInflater::finish()
{
    if (m_failed)
        return invalidEncoding(u"the body was refused"_qs);
    if (!m_ended)
        return invalidEncoding(u"the gzip stream is truncated"_qs);
    return {};
}

Result<QByteArray> GzipInflater::inflate(QByteArrayView compressed, qint64 maxOutputBytes)
{
    QByteArray decoded;
    GzipInflater inflater(maxOutputBytes, [&decoded](QByteArrayView chunk) {
        decoded.append(chunk);
        return Status();
    });
    if (Status status = inflater.write(compressed); !status)
        return status.error();
    if (Status status = inflater.finish(); !status)
        return status.error();
    return decoded;
}

Status GzipInflater::checkEncoding(const QByteArray &contentEncoding)
{
    const QByteArray coding = contentEncoding.trimmed().toLower();
    if (coding.isEmpty() || coding == "identity" || coding == "gzip")
        return {};
    return Error::make(u"request.unsupported_encoding"_qs,
                       u"Request bodies may be sent as they are or with Content-Encoding: gzip"_qs,
                       QJsonObject{{u"encoding"_qs, QString::fromLatin1(coding.left(40))}});
}

bool GzipInflater::isGzip(const QByteArray &contentEncoding)
{
    return contentEncoding.trimmed().toLower() == "gzip";
}

} // namespace ddd::core
