// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace ddd::core::blobs {

// Shared object storage (an S3-compatible bucket) as the blob layer sees
// it: named objects that are created once and never rewritten. Keys are
// relative to the store's own prefix. Implementations block the calling
// thread (a worker, never an I/O thread).
//
// Error codes: objects.unavailable (the store cannot be reached, timed out
// or answered 5xx: worth retrying later, 503 to an API client),
// objects.not_found, objects.refused (the store said no: credentials,
// permissions, a missing bucket; details.status and details.s3Code),
// objects.protocol (an answer that is not S3), io.error (local files).
class ObjectStore
{
public:
    enum class PutOutcome
    {
        Created,
        AlreadyPresent, // left as it was: an object is never rewritten
    };

    struct Object
    {
        QByteArray key;
        qint64 size = 0;
    };

    struct Page
    {
        QList<Object> objects;
        // Pass back to list() for the next page; empty after the last.
        QByteArray continuation;
    };

    virtual ~ObjectStore() = default;

    // Names the bucket and prefix ("s3://bucket/prefix"), so what is
    // recorded about one store is never taken for another. No secrets.
    virtual QString identity() const = 0;

    // Uploads `file` under `key` unless the key exists. `sha256` is the
    // file's lower-case hex SHA-256: it is signed as the payload hash, so
    // the store refuses the upload (objects.refused) if a byte differs.
    virtual Result<PutOutcome> putIfAbsent(const QByteArray &key, const QString &file,
                                           const QByteArray &sha256) = 0;
    // The object's size, or nullopt when there is none.
    virtual Result<std::optional<qint64>> sizeOf(const QByteArray &key) = 0;
    // Writes the object to `destination` (created or truncated) and returns
    // the hex SHA-256 of what was written, for the caller to check.
    // `written` (may be empty) runs after each piece reached the file, so
    // readers may follow it while it grows.
    virtual Result<QByteArray> fetch(const QByteArray &key, const QString &destination,
                                     const std::function<void()> &written) = 0;
    // Removing an object that is not there succeeds.
    virtual Status remove(const QByteArray &key) = 0;
    // Objects whose keys start with `prefix`, in key order, a page at a time.
    virtual Result<Page> list(const QByteArray &prefix, const QByteArray &continuation) = 0;
};

} // namespace ddd::core::blobs
