// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/filecompressor.h"

#include "core/util/localfile.h"

#include <QFile>

#include <brotli/encode.h>
#include <zlib.h>

#include <memory>

namespace ddd::core::blobs {

namespace {

constexpr qint64 kChunk = 256 * 1024;

Error ioError(const QString &what)
{
    return Error::make(u"io.error"_qs, what);
}

// One streaming encoder: feed() appends whatever output the input produced;
// `last` flushes the end of the stream.
class Encoder
{
public:
    virtual ~Encoder() = default;
    virtual Status feed(QByteArrayView input, bool last, QByteArray &output) = 0;
};

class BrotliEncoder final : public Encoder
{
public:
    BrotliEncoder(qint64 size, int quality) : m_state(BrotliEncoderCreateInstance(nullptr, nullptr, nullptr))
    {
        BrotliEncoderSetParameter(m_state, BROTLI_PARAM_QUALITY, uint32_t(qBound(0, quality, 11)));
        BrotliEncoderSetParameter(m_state, BROTLI_PARAM_SIZE_HINT, uint32_t(qMin<qint64>(size, 1 << 30)));
    }
    ~BrotliEncoder() override { BrotliEncoderDestroyInstance(m_state); }
    BrotliEncoder(const BrotliEncoder &) = delete;
    BrotliEncoder &operator=(const BrotliEncoder &) = delete;

    Status feed(QByteArrayView input, bool last, QByteArray &output) override
    {
        size_t available = size_t(input.size());
        auto next = reinterpret_cast<const uint8_t *>(input.data());
        const BrotliEncoderOperation operation = last ? BROTLI_OPERATION_FINISH : BROTLI_OPERATION_PROCESS;
        while (available > 0 || (last && !BrotliEncoderIsFinished(m_state)) || BrotliEncoderHasMoreOutput(m_state)) {
            // No output buffer: everything is taken with BrotliEncoderTakeOutput.
            size_t noOutput = 0;
            if (!BrotliEncoderCompressStream(m_state, operation, &available, &next, &noOutput, nullptr, nullptr))
                return ioError(u"brotli encoder failed"_qs);
            size_t produced = 0;
            const uint8_t *bytes = BrotliEncoderTakeOutput(m_state, &produced);
            output.append(reinterpret_cast<const char *>(bytes), qsizetype(produced));
        }
        return {};
    }

private:
    BrotliEncoderState *m_state;
};

class GzipEncoder final : public Encoder
{
public:
    GzipEncoder()
    {
        // 15 + 16: a 32 KiB window with a gzip header and trailer (RFC 1952).
        m_ready = deflateInit2(&m_stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~GzipEncoder() override
    {
        if (m_ready)
            deflateEnd(&m_stream);
    }
    GzipEncoder(const GzipEncoder &) = delete;
    GzipEncoder &operator=(const GzipEncoder &) = delete;

    Status feed(QByteArrayView input, bool last, QByteArray &output) override
    {
        if (!m_ready)
            return ioError(u"zlib cannot start a gzip stream"_qs);
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
        m_stream.avail_in = uInt(input.size());
        char buffer[64 * 1024];
        int result = Z_OK;
        do {
            m_stream.next_out = reinterpret_cast<Bytef *>(buffer);
            m_stream.avail_out = sizeof buffer;
            result = deflate(&m_stream, last ? Z_FINISH : Z_NO_FLUSH);
            if (result == Z_STREAM_ERROR)
                return ioError(u"zlib deflate failed"_qs);
            output.append(buffer, qsizetype(sizeof buffer - m_stream.avail_out));
        } while (m_stream.avail_out == 0 || (last && result != Z_STREAM_END));
        return {};
    }

private:
    z_stream m_stream = {};
    bool m_ready = false;
};

std::unique_ptr<Encoder> encoderFor(ContentCoding coding, qint64 size, int brotliQuality)
{
    if (coding == ContentCoding::Brotli)
        return std::make_unique<BrotliEncoder>(size, brotliQuality);
    return std::make_unique<GzipEncoder>();
}

} // namespace

Result<std::optional<qint64>> FileCompressor::compress(const QString &source, const QString &target,
                                                       ContentCoding coding, qint64 limit, int brotliQuality)
{
    QFile in;
    if (Status opened = LocalFile::openRegularFile(in, source); !opened)
        return opened.error();
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return ioError(QStringLiteral("Cannot create %1: %2").arg(target, out.errorString()));
    const std::unique_ptr<Encoder> encoder = encoderFor(coding, in.size(), brotliQuality);
    qint64 written = 0;
    QByteArray output;
    for (bool last = false; !last;) {
        const QByteArray chunk = in.read(kChunk);
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError)
            return ioError(QStringLiteral("Cannot read %1: %2").arg(source, in.errorString()));
        last = in.atEnd();
        output.clear();
        if (Status fed = encoder->feed(chunk, last, output); !fed)
            return fed.error();
        written += output.size();
        if (written >= limit)
            return std::optional<qint64>();
        if (out.write(output) != output.size())
            return ioError(QStringLiteral("Cannot write %1: %2").arg(target, out.errorString()));
    }
    if (!out.flush())
        return ioError(QStringLiteral("Cannot write %1: %2").arg(target, out.errorString()));
    return std::optional<qint64>(written);
}

} // namespace ddd::core::blobs
