// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArrayView>
#include <QString>

namespace ddd::core::upload {

// One request body on its way into core, whatever it becomes (a deploy
// archive, a build source archive, one blob of an incremental upload).
// A core service opens it once every refusal that does not need the body
// has been made (capabilities, the project, options, disk space), so the
// agent only moves bytes: write() for each chunk as it arrives, then
// finish() when the body is complete, or abort() when it never will be
// (client gone, limit or deadline hit, server stopping). Calls come one at a
// time, never two at once; after finish() or abort() no more writes.
// Destroyed without either, it behaves as if aborted.
class UploadSink
{
public:
    virtual ~UploadSink() = default;

    // A failure stops the body; its error is the answer.
    virtual Status write(QByteArrayView chunk) = 0;
    // The whole body arrived: make it durable (and verify what can be
    // verified without processing it).
    virtual Status finish() = 0;
    // The body will not arrive whole: drop it, or keep what a retry can
    // resume from (a blob of the incremental protocol).
    virtual void abort() = 0;
    // The whole body is already a file on the staging file system (an
    // archive that arrived in pieces, ArchiveUploads): it goes in instead of
    // write() calls, then finish(). By default its bytes are copied through
    // write(); an upload that spools to disk moves the file (no copy). The
    // file is gone or copied afterwards; on failure abort() is due as usual.
    virtual Status takeFile(const QString &path);
};

} // namespace ddd::core::upload
