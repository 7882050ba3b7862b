// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backup/checkreport.h"

#include <QString>

namespace ddd::core::blobs {
class ObjectStore;
}

namespace ddd::core::backup {

// `ddd-agent check`: PRAGMA integrity_check and foreign_key_check on
// agent.db, then every blob a retained version or source references must
// exist, have its recorded size and hash to its name (BlobVerifier). Safe
// beside a running agent: a read-only connection, one read transaction for
// a consistent view, and the SweepLock so garbage collection deletes nothing
// the view still references. Also runs on a backup directory (same layout).
// With `shared` (blobs.s3.*), a blob evicted from a size-capped cache is
// settled by the bucket (BucketOnlyBlobs).
class StoreCheck final
{
public:
    static CheckReport run(const QString &dataRoot, int threads = 2, blobs::ObjectStore *shared = nullptr);
};

} // namespace ddd::core::backup
