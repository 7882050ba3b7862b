// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/s3multipartupload.h"

#include "agent/http/s3transport.h"
#include "core/s3/s3documents.h"

#include <QFile>

namespace ddd::agent::http {

namespace {

using core::Error;
using core::s3::S3Documents;
using PutOutcome = core::blobs::ObjectStore::PutOutcome;

constexpr qint64 kReadChunk = 256 * 1024;

} // namespace

S3MultipartUpload::S3MultipartUpload(S3Transport &transport, QByteArray path, QString file, qint64 size,
                                     qint64 partSize)
    : m_transport(transport), m_path(std::move(path)), m_file(std::move(file)), m_size(size), m_partSize(partSize)
{
}

core::Result<PutOutcome> S3MultipartUpload::run(const QByteArray &sha256)
{
    if (core::Status s = start(); !s)
        return s.error();
    int number = 1;
    for (qint64 offset = 0; offset < m_size; offset += m_partSize, ++number) {
        if (core::Status s = sendPart(number, offset, std::min(m_partSize, m_size - offset)); !s) {
            abort();
            return s.error();
        }
    }
    if (m_wholeFile.hexResult() != sha256) {
        abort();
        return Error::make(u"blob.hash_mismatch"_qs, u"%1 does not have the SHA-256 it is stored under"_qs.arg(m_file));
    }
    core::Result<PutOutcome> outcome = complete();
    if (!outcome)
        abort();
    return outcome;
}

core::Status S3MultipartUpload::start()
{
    core::Result<S3Transport::Reply> reply = m_transport.send({"POST", m_path, "uploads="});
    if (!reply)
        return reply.error();
    if (reply->status != 200)
        return S3Documents::failure(reply->status, reply->body);
    core::Result<QByteArray> id = S3Documents::uploadId(reply->body);
    if (!id)
        return id.error();
    m_uploadId = *id;
    return {};
}

core::Result<QByteArray> S3MultipartUpload::hashPart(qint64 offset, qint64 length)
{
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return Error::make(u"io.error"_qs, u"Cannot read %1: %2"_qs.arg(m_file, file.errorString()));
    core::blobs::Sha256 part;
    for (qint64 left = length; left > 0;) {
        const QByteArray chunk = file.read(std::min(left, kReadChunk));
        if (chunk.isEmpty())
            return Error::make(u"io.error"_qs, u"%1 ended early"_qs.arg(m_file));
        part.addData(chunk);
        m_wholeFile.addData(chunk);
        left -= chunk.size();
    }
    return part.hexResult();
}

core::Status S3MultipartUpload::sendPart(int number, qint64 offset, qint64 length)
{
    core::Result<QByteArray> hash = hashPart(offset, length);
    if (!hash)
        return hash.error();
    const QByteArray query = "partNumber=" + QByteArray::number(number) + "&uploadId="
        + m_uploadId.toPercentEncoding();
    core::Result<S3Transport::Reply> reply =
        m_transport.send({"PUT", m_path, query, {}, {}, m_file, offset, length, *hash});
    if (!reply)
        return reply.error();
    if (reply->status != 200)
        return S3Documents::failure(reply->status, reply->body);
    if (reply->etag.isEmpty())
        return Error::make(u"objects.protocol"_qs, u"The object store gave a part no ETag"_qs);
    m_etags.append(reply->etag);
    return {};
}

core::Result<PutOutcome> S3MultipartUpload::complete()
{
    const QByteArray body = S3Documents::completeMultipartUpload(m_etags);
    const QByteArray query = "uploadId=" + m_uploadId.toPercentEncoding();
    core::Result<S3Transport::Reply> reply = m_transport.send({"POST", m_path, query, {{"If-None-Match", "*"}}, body});
    if (!reply)
        return reply.error();
    if (reply->status == 412)
        return PutOutcome::AlreadyPresent;
    // S3 may answer 200 and still report a failure in the body.
    if (reply->status != 200 || S3Documents::error(reply->body).code.size() > 0)
        return S3Documents::failure(reply->status == 200 ? 500 : reply->status, reply->body);
    return PutOutcome::Created;
}

// Best effort: parts left behind cost storage until a lifecycle rule ends them.
void S3MultipartUpload::abort()
{
    (void)m_transport.send({"DELETE", m_path, "uploadId=" + m_uploadId.toPercentEncoding()});
}

} // namespace ddd::agent::http
