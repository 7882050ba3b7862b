// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/objectstore.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>

namespace ddd::core::s3 {

// The XML documents of the S3 API the object store reads and writes. An
// answer that does not parse is objects.protocol: whatever answered is
// not speaking S3.
class S3Documents final
{
public:
    struct ErrorInfo
    {
        QByteArray code; // "NoSuchBucket", "SignatureDoesNotMatch", ...; empty if none given
        QByteArray message;
    };

    // ListObjectsV2's ListBucketResult; `keyPrefix` (the store's own
    // prefix) is taken off every key.
    static Result<blobs::ObjectStore::Page> listPage(const QByteArray &xml, const QByteArray &keyPrefix);
    // InitiateMultipartUploadResult's UploadId.
    static Result<QByteArray> uploadId(const QByteArray &xml);
    // An error answer's Code and Message; both empty for a body that is not
    // an S3 error document (a proxy's HTML page, nothing at all).
    static ErrorInfo error(const QByteArray &xml);
    // What an answer that is not the one hoped for means: 5xx, 429 and
    // S3's SlowDown are objects.unavailable, 404 objects.not_found, the
    // rest objects.refused; details carry the status and S3's own code.
    static Error failure(int status, const QByteArray &body);
    // The body of CompleteMultipartUpload for parts 1..n with these ETags.
    static QByteArray completeMultipartUpload(const QList<QByteArray> &etags);
};

} // namespace ddd::core::s3
