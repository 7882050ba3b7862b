// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace ddd::core::storage {

class ConnectionProvider;
class Database;

// published_blobs: the blobs known to be in a shared object store, so a
// deploy uploads only those the bucket lacks. `store` names the bucket and
// prefix (ObjectStore::identity()): pointing the agent at another bucket
// starts from nothing rather than trusting rows about the old one.
//
// claimed_at is when a deploy last counted on a blob being there. A blob is
// deleted from the bucket only through withdraw(), which removes its row
// and the object while no claim can slip in between: on PostgreSQL the
// deleted row stays locked until the object is gone, so a concurrent claim
// waits and then finds no row (and uploads the blob again); on SQLite the
// write transaction excludes every other writer.
class PublishedBlobStore final
{
public:
    explicit PublishedBlobStore(ConnectionProvider &connections);

    // Those of `sha256s` already recorded for `store`.
    Result<QSet<QByteArray>> published(const QString &store, const QList<QByteArray> &sha256s);
    // The same through one given connection (`ddd-agent check`'s read-only one).
    static Result<QSet<QByteArray>> publishedIn(Database &db, const QString &store, const QList<QByteArray> &sha256s);
    // Those of `sha256s` recorded for `store`, each claimed at `nowMs`.
    Result<QSet<QByteArray>> claim(const QString &store, const QList<QByteArray> &sha256s, qint64 nowMs);
    // Records blobs the store now holds, claimed at `nowMs`; recording one
    // twice is harmless.
    Status record(const QString &store, const QList<QByteArray> &sha256s, qint64 nowMs);
    // The blobs of `store` nobody claimed since `beforeMs`.
    Result<QList<QByteArray>> unclaimedSince(const QString &store, qint64 beforeMs);
    // Deletes the row of a blob still unclaimed since `beforeMs` and, within
    // the same transaction, calls `removeObject`; its failure keeps the row.
    // Answers whether the blob was withdrawn.
    Result<bool> withdraw(const QString &store, const QByteArray &sha256, qint64 beforeMs,
                          const std::function<Status()> &removeObject);

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
