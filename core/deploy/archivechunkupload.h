// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/archiveuploadstatus.h"
#include "core/upload/upload.h"

#include <QFile>

#include <functional>
#include <memory>

namespace ddd::core::deploy {

// One piece of an archive upload in pieces (ArchiveUploads::openChunk): the
// body is appended to the session's file, which starts at the offset the
// client named. `upload.too_large` for bytes past the declared size; a
// failed write (`storage.disk_full`) cuts the file back to the last byte
// written whole, so the session stays at a good offset. finish() makes the
// piece durable; abort() keeps what arrived, so a retry resumes after it.
// Holds the session's claim for its whole life: no second piece, and no
// completion, runs meanwhile.
class ArchiveChunkUpload final : public upload::Upload<model::ArchiveUploadStatus>
{
public:
    // Called with the offset reached, once the piece is over (completed or
    // not): refreshes the idle expiry and answers the session's status.
    using Reached = std::function<Result<model::ArchiveUploadStatus>(qint64 offset)>;

    static Result<std::unique_ptr<ArchiveChunkUpload>> open(const QString &path, qint64 offset, qint64 size,
                                                            std::shared_ptr<void> claim, Reached reached);
    ~ArchiveChunkUpload() override;

    Status write(QByteArrayView chunk) override;
    Status finish() override;
    void abort() override;
    Result<model::ArchiveUploadStatus> complete() override;

private:
    ArchiveChunkUpload(const QString &path, qint64 offset, qint64 size, std::shared_ptr<void> claim, Reached reached);

    QFile m_file;
    qint64 m_offset;
    const qint64 m_size;
    std::shared_ptr<void> m_claim;
    Reached m_reached;
    bool m_reported = false;
};

} // namespace ddd::core::deploy
