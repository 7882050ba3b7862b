// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>
#include <memory>

namespace ddd::core {

// Decodes a request body sent with `Content-Encoding: gzip` as it arrives,
// never holding more than one output chunk, and refuses to produce more than
// `maxOutputBytes`: a few kilobytes of compressed zeros must not become
// gigabytes in memory or on disk (a decompression bomb). Codes:
// `request.invalid_encoding` (not gzip, damaged, truncated, or bytes after
// the end of the gzip stream), `request.too_large` (details.limit =
// "decompressed", details.maximum) past the cap.
class GzipInflater final
{
public:
    using Output = std::function<Status(QByteArrayView)>;

    GzipInflater(qint64 maxOutputBytes, Output output);
    ~GzipInflater();
    GzipInflater(const GzipInflater &) = delete;
    GzipInflater &operator=(const GzipInflater &) = delete;

    Status write(QByteArrayView compressed);
    // The body ended: the gzip stream must have ended with it.
    Status finish();
    qint64 outputBytes() const { return m_produced; }

    // A whole body at once.
    static Result<QByteArray> inflate(QByteArrayView compressed, qint64 maxOutputBytes);
    // The request's Content-Encoding names nothing this class decodes:
    // `request.unsupported_encoding` unless it is empty, "identity" or "gzip".
    static Status checkEncoding(const QByteArray &contentEncoding);
    static bool isGzip(const QByteArray &contentEncoding);

private:
    struct Stream;
    std::unique_ptr<Stream> m_stream;
    qint64 m_max;
    Output m_output;
    qint64 m_produced = 0;
    bool m_ended = false;
    bool m_failed = false;
};

} // namespace ddd::core
