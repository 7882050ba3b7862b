// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/objectstore.h"
#include "core/blobs/sha256.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ddd::agent::http {

class S3Transport;

// One large file going up as an S3 multipart upload: started, sent in parts
// (each signed by its own SHA-256, so the store checks every byte), then
// completed with `If-None-Match: *`, or aborted so no parts are left
// behind to be billed. The whole file is hashed on the way and must match
// the hash it is stored under before the upload is completed.
class S3MultipartUpload final
{
public:
    S3MultipartUpload(S3Transport &transport, QByteArray path, QString file, qint64 size, qint64 partSize);

    // blob.hash_mismatch when the file is not what `sha256` says.
    core::Result<core::blobs::ObjectStore::PutOutcome> run(const QByteArray &sha256);

private:
    core::Status start();
    core::Status sendPart(int number, qint64 offset, qint64 length);
    core::Result<QByteArray> hashPart(qint64 offset, qint64 length);
    core::Result<core::blobs::ObjectStore::PutOutcome> complete();
    void abort();

    S3Transport &m_transport;
    const QByteArray m_path;
    const QString m_file;
    const qint64 m_size;
    const qint64 m_partSize;
    QByteArray m_uploadId;
    QList<QByteArray> m_etags;
    core::blobs::Sha256 m_wholeFile;
};

} // namespace ddd::agent::http
