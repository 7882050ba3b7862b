// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

namespace ddd::core::storage {

class ConnectionProvider;
class Database;

// published_blobs: the blobs known to be in a shared object store, so a
// deploy uploads only those the bucket lacks. `store` names the bucket and
// prefix (ObjectStore::identity()): pointing the agent at another bucket
// starts from nothing rather than trusting rows about the old one.
class PublishedBlobStore final
{
public:
    explicit PublishedBlobStore(ConnectionProvider &connections);

    // Those of `sha256s` already recorded for `store`.
    Result<QSet<QByteArray>> published(const QString &store, const QList<QByteArray> &sha256s);
    // The same through one given connection (`ddd-agent check`'s read-only one).
    static Result<QSet<QByteArray>> publishedIn(Database &db, const QString &store, const QList<QByteArray> &sha256s);
    // Records blobs the store now holds; recording one twice is harmless.
    Status record(const QString &store, const QList<QByteArray> &sha256s, qint64 nowMs);

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
