// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backup/checkreport.h"

#include <QHash>
#include <QList>

namespace ddd::core::blobs {
class ObjectStore;
}

namespace ddd::core::storage {
class Database;
}

namespace ddd::core::backup {

// `ddd-agent check` with blobs.s3.*: a blob missing from the data root is
// fine when the database records it as published to the bucket and the
// bucket holds an object of its size (a size-capped cache evicted it here;
// serving fetches it back). Such blobs are counted as `blobs_in_bucket`; the
// bucket's bytes are not downloaded and hashed, since the bucket itself
// refused any upload whose bytes did not match the name (the payload hash is
// signed), and every fetch is checked again.
class BucketOnlyBlobs final
{
public:
    // Removes the check.blob_missing problems the bucket settles from
    // `problems`; a blob the bucket lacks too, or one it could not be asked
    // about, stays a problem with the reason added.
    static void settle(storage::Database &db, blobs::ObjectStore &shared, const QHash<QByteArray, qint64> &sizes,
                       QList<CheckProblem> &problems, CheckReport &report);
};

} // namespace ddd::core::backup
