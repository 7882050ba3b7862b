// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/growingblobstream.h"

#include "agent/site/sitelogging.h"
#include "core/blobs/blobdownload.h"

namespace ddd::agent::site {

GrowingBlobStream::GrowingBlobStream(std::shared_ptr<core::blobs::BlobDownload> download, qint64 length)
    : m_download(std::move(download)), m_length(length)
{
}

GrowingBlobStream::~GrowingBlobStream()
{
    setWake({});
}

void GrowingBlobStream::setWake(std::function<void()> wake)
{
    std::lock_guard lock(m_wakeMutex);
    if (m_subscription >= 0)
        m_download->unsubscribe(m_subscription);
    m_subscription = wake ? m_download->subscribe(std::move(wake)) : -1;
}

bool GrowingBlobStream::ensureOpen()
{
    if (m_file.isOpen())
        return true;
    const QString path = m_download->readablePath();
    if (path.isEmpty())
        return false;
    // Renamed into the store between readablePath() and here: the next wake
    // (the download's end) names the committed file.
    m_file.setFileName(path);
    return m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

// Read before the outcome is looked at: bytes that were there when the
// download finished are all it will ever write.
GrowingBlobStream::Chunk GrowingBlobStream::next()
{
    const std::optional<core::Status> outcome = m_download->outcome();
    if (outcome && !outcome->ok()) {
        qCWarning(lcSite).noquote() << "a blob streamed while it arrived proved wrong after" << m_sent
                                    << "bytes:" << outcome->error().code << outcome->error().message;
        return Chunk{{}, true, true};
    }
    const bool checked = outcome.has_value();
    if (!ensureOpen())
        return Chunk{{}, false, false}; // nothing written yet; the download wakes us
    const qint64 releasable = checked ? m_length : m_length - 1;
    QByteArray piece;
    if (m_sent < releasable) {
        m_file.seek(m_sent);
        piece = m_file.read(std::min(kPiece, releasable - m_sent));
    }
    m_sent += piece.size();
    if (checked && m_sent < m_length && piece.isEmpty()) {
        qCWarning(lcSite).noquote() << "a streamed blob ended at" << m_sent << "of" << m_length << "bytes";
        return Chunk{{}, true, true};
    }
    return Chunk{piece, checked && m_sent == m_length, false};
}

} // namespace ddd::agent::site
