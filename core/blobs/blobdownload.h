// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>

namespace ddd::core::blobs {

// One download of an object from the bucket into a staging file, shared by
// everything that waits for it (SharedBlobs). Requests may also read the
// file while it grows, so a cold miss streams while it fills: the
// downloader says where it writes, wakes the readers after every piece, and
// finally says whether the bytes were the blob's (checked against its hash
// and committed to `committedPath`) or not. Thread-safe.
class BlobDownload final
{
public:
    explicit BlobDownload(QString committedPath);

    // The downloader's side.
    void writingTo(const QString &stagingFile);
    void progressed();
    void finish(const Status &outcome);

    // The readers' side. Where the bytes are now: the staging file while
    // the download runs, the committed blob once it succeeded.
    QString readablePath() const;
    // Set once finished.
    std::optional<Status> outcome() const;
    // Blocks until finished.
    Status wait() const;
    // Blocks until the first piece arrived or the download finished: what a
    // request waits for before it commits to an answer.
    void waitForFirstPiece() const;
    // `wake` runs on the downloader's thread after each piece and at the end.
    int subscribe(std::function<void()> wake);
    void unsubscribe(int id);

private:
    void wakeAll(std::unique_lock<std::mutex> &lock);

    const QString m_committedPath;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    QString m_stagingFile;
    bool m_anyPiece = false;
    std::optional<Status> m_outcome;
    std::map<int, std::function<void()>> m_wakes;
    int m_nextId = 0;
};

} // namespace ddd::core::blobs
