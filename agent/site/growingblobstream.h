// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/responsestream.h"

#include <QByteArray>
#include <QFile>

#include <memory>
#include <mutex>

namespace ddd::core::blobs {
class BlobDownload;
}

namespace ddd::agent::site {

// The body of a file whose blob is still arriving from the bucket: what the
// download has written so far, read from its file as it grows, so a large
// cold miss starts at once instead of after the whole download. The last
// byte is held back until the download is checked against the blob's hash:
// a blob that proves wrong ends the body short (Chunk::failed), so the
// client sees an incomplete answer, never a complete wrong one.
class GrowingBlobStream final : public http::ResponseStream
{
public:
    GrowingBlobStream(std::shared_ptr<core::blobs::BlobDownload> download, qint64 length);
    ~GrowingBlobStream() override;

    Chunk next() override;
    void setWake(std::function<void()> wake) override;
    qint64 length() const override { return m_length; }
    // The download wakes us after every piece; this only bounds a lost wake.
    std::chrono::milliseconds recheckAfter() const override { return std::chrono::milliseconds(200); }

    static constexpr qint64 kPiece = 256 * 1024;

private:
    // Opens what the download writes, once it exists.
    bool ensureOpen();

    const std::shared_ptr<core::blobs::BlobDownload> m_download;
    const qint64 m_length;
    QFile m_file;
    qint64 m_sent = 0;
    std::mutex m_wakeMutex;
    int m_subscription = -1;
};

} // namespace ddd::agent::site
