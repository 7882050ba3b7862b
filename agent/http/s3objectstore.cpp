// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/s3objectstore.h"

#include "agent/http/s3multipartupload.h"
#include "agent/http/s3transport.h"
#include "core/backup/hashedfile.h"
#include "core/s3/s3documents.h"

#include <QFileInfo>

namespace ddd::agent::http {

namespace {

using core::Error;
using core::s3::S3Documents;

// Idle connections kept for the next call; more may be open while busy.
constexpr std::size_t kMaxIdleConnections = 4;

} // namespace

// A connection taken from the pool for one call, and given back after it.
class S3ObjectStore::Lease final
{
public:
    explicit Lease(S3ObjectStore &store) : m_store(store)
    {
        std::lock_guard lock(store.m_mutex);
        if (!store.m_idle.empty()) {
            m_transport = std::move(store.m_idle.back());
            store.m_idle.pop_back();
        }
        if (!m_transport)
            m_transport = std::make_unique<S3Transport>(store.m_endpoint);
    }
    ~Lease()
    {
        std::lock_guard lock(m_store.m_mutex);
        if (m_store.m_idle.size() < kMaxIdleConnections)
            m_store.m_idle.push_back(std::move(m_transport));
    }
    S3Transport &operator*() { return *m_transport; }
    S3Transport *operator->() { return m_transport.get(); }

private:
    S3ObjectStore &m_store;
    std::unique_ptr<S3Transport> m_transport;
};

S3ObjectStore::S3ObjectStore(S3Endpoint endpoint) : m_endpoint(std::move(endpoint))
{
}

S3ObjectStore::~S3ObjectStore() = default;

// The bucket and prefix, not the address: the same bucket reached through
// another endpoint name (or after a move with its objects copied) is the
// same store, and what was recorded about it stays true.
QString S3ObjectStore::identity() const
{
    return QString::fromLatin1("s3://" + m_endpoint.bucket + '/' + m_endpoint.prefix);
}

QByteArray S3ObjectStore::objectPath(const QByteArray &key) const
{
    return "/" + m_endpoint.bucket + "/" + m_endpoint.prefix + key;
}

core::Result<S3ObjectStore::PutOutcome> S3ObjectStore::putIfAbsent(const QByteArray &key, const QString &file,
                                                                 const QByteArray &sha256)
{
    const QFileInfo info(file);
    if (!info.isFile())
        return Error::make(u"io.error"_qs, u"Cannot read %1: not a file"_qs.arg(file));
    Lease transport(*this);
    if (info.size() > m_endpoint.multipartThreshold) {
        // A conditional multipart completion is not honoured by every
        // store: ask first, so an existing object is not even re-sent.
        core::Result<std::optional<qint64>> existing = sizeOf(key);
        if (!existing)
            return existing.error();
        if (*existing)
            return PutOutcome::AlreadyPresent;
        return S3MultipartUpload(*transport, objectPath(key), file, info.size(), m_endpoint.partSize).run(sha256);
    }
    core::Result<S3Transport::Reply> reply = transport->send(
        {"PUT", objectPath(key), {}, {{"If-None-Match", "*"}}, {}, file, 0, info.size(), sha256});
    if (!reply)
        return reply.error();
    if (reply->status == 412)
        return PutOutcome::AlreadyPresent;
    if (reply->status == 200)
        return PutOutcome::Created;
    if (S3Documents::error(reply->body).code == "XAmzContentSHA256Mismatch")
        return Error::make(u"blob.hash_mismatch"_qs, u"%1 does not have the SHA-256 it is stored under"_qs.arg(file));
    return S3Documents::failure(reply->status, reply->body);
}

core::Result<std::optional<qint64>> S3ObjectStore::sizeOf(const QByteArray &key)
{
    Lease transport(*this);
    core::Result<S3Transport::Reply> reply = transport->send({"HEAD", objectPath(key)});
    if (!reply)
        return reply.error();
    if (reply->status == 404)
        return std::optional<qint64>();
    if (reply->status != 200)
        return S3Documents::failure(reply->status, reply->body);
    if (reply->contentLength < 0)
        return Error::make(u"objects.protocol"_qs, u"The object store gave no size"_qs);
    return std::optional<qint64>(reply->contentLength);
}

core::Result<QByteArray> S3ObjectStore::fetch(const QByteArray &key, const QString &destination,
                                             const std::function<void()> &onPiece)
{
    Lease transport(*this);
    core::Result<S3Transport::Reply> reply = transport->download({"GET", objectPath(key)}, destination, onPiece);
    if (!reply)
        return reply.error();
    if (reply->status != 200)
        return S3Documents::failure(reply->status, reply->body);
    core::Result<core::backup::HashedFile> written = core::backup::HashedFile::read(destination);
    if (!written)
        return written.error();
    return written->sha256;
}

core::Status S3ObjectStore::remove(const QByteArray &key)
{
    Lease transport(*this);
    core::Result<S3Transport::Reply> reply = transport->send({"DELETE", objectPath(key)});
    if (!reply)
        return reply.error();
    if (reply->status == 204 || reply->status == 200 || reply->status == 404)
        return {};
    return S3Documents::failure(reply->status, reply->body);
}

core::Result<S3ObjectStore::Page> S3ObjectStore::list(const QByteArray &prefix, const QByteArray &continuation)
{
    QByteArray query = "list-type=2&max-keys=" + QByteArray::number(m_endpoint.listPageSize)
        + "&prefix=" + (m_endpoint.prefix + prefix).toPercentEncoding();
    if (!continuation.isEmpty())
        query += "&continuation-token=" + continuation.toPercentEncoding();
    Lease transport(*this);
    core::Result<S3Transport::Reply> reply = transport->send({"GET", "/" + m_endpoint.bucket, query});
    if (!reply)
        return reply.error();
    if (reply->status != 200)
        return S3Documents::failure(reply->status, reply->body);
    return S3Documents::listPage(reply->body, m_endpoint.prefix);
}

} // namespace ddd::agent::http
