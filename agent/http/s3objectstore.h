// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/s3endpoint.h"
#include "core/blobs/objectstore.h"

#include <memory>
#include <mutex>
#include <vector>

namespace ddd::agent::http {

class S3Transport;

// ObjectStore over an S3-compatible bucket. Objects are created with
// `If-None-Match: *` so an existing one is never rewritten, and their bytes
// are signed by their SHA-256, so the store itself refuses a corrupted
// upload; objects above the endpoint's multipartThreshold go up in parts,
// each signed by its own hash, after the whole file was checked against the
// hash it is stored under. Thread-safe: each call takes a kept-alive
// connection of its own from a small pool.
class S3ObjectStore final : public core::blobs::ObjectStore
{
public:
    explicit S3ObjectStore(S3Endpoint endpoint);
    ~S3ObjectStore() override;

    QString identity() const override;
    core::Result<PutOutcome> putIfAbsent(const QByteArray &key, const QString &file,
                                         const QByteArray &sha256) override;
    core::Result<std::optional<qint64>> sizeOf(const QByteArray &key) override;
    core::Result<QByteArray> fetch(const QByteArray &key, const QString &destination,
                                   const std::function<void()> &written) override;
    core::Status remove(const QByteArray &key) override;
    core::Result<Page> list(const QByteArray &prefix, const QByteArray &continuation) override;

private:
    class Lease;
    friend class Lease;

    core::Result<PutOutcome> putInParts(S3Transport &transport, const QByteArray &key, const QString &file,
                                        qint64 size, const QByteArray &sha256);
    QByteArray objectPath(const QByteArray &key) const;

    const S3Endpoint m_endpoint;
    std::mutex m_mutex; // guards m_idle
    std::vector<std::unique_ptr<S3Transport>> m_idle;
};

} // namespace ddd::agent::http
