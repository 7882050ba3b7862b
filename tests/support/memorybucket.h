// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/objectstore.h"

#include <QMap>

#include <mutex>

namespace ddd::test {

// A bucket in memory that counts uploads and can be made unreachable: the
// edge the core tests need to see (what is sent and deleted, how often). The
// real protocol is tested against radosgw in tst_sharedblobs and
// tst_sharedsite. Thread-safe (BlobPublisher uploads in parallel).
class MemoryBucket final : public core::blobs::ObjectStore
{
public:
    QMap<QByteArray, QByteArray> objects;
    int uploads = 0;
    int removals = 0;
    int uploadsBeforeOutage = -1; // -1: never unreachable
    bool removalsFail = false;
    bool listingsFail = false;
    QString name = u"memory://bucket"_qs;
    std::mutex mutex;

    bool holds(const QByteArray &key);

    QString identity() const override { return name; }
    core::Result<PutOutcome> putIfAbsent(const QByteArray &key, const QString &file, const QByteArray &) override;
    core::Result<std::optional<qint64>> sizeOf(const QByteArray &key) override;
    core::Result<QByteArray> fetch(const QByteArray &key, const QString &destination,
                                   const std::function<void()> &written) override;
    core::Status remove(const QByteArray &key) override;
    // One page: every object under `prefix`.
    core::Result<Page> list(const QByteArray &prefix, const QByteArray &continuation) override;
    QList<QByteArray> keysUnder(const QByteArray &prefix);
};

} // namespace ddd::test
