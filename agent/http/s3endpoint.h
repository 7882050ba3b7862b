// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/s3/sigv4signer.h"

#include <QByteArray>
#include <QString>

#include <chrono>

namespace ddd::agent::http {

// Where a bucket is and how to reach it. Objects are addressed path-style
// (/bucket/key), which AWS, R2, B2, MinIO, Garage and Ceph RGW all accept
// and which needs no wildcard DNS or certificate for the bucket's name.
struct S3Endpoint final
{
    bool tls = true;
    QByteArray host; // a name or an address
    quint16 port = 443;
    QByteArray region = "us-east-1";
    QByteArray bucket;
    // Put before every key, e.g. "ddd/"; letters, digits and "/-_." only.
    QByteArray prefix;
    core::s3::SigV4Signer::Credentials credentials;
    // Trust anchors in PEM besides the system's, for a private CA.
    QString caFile;
    // The longest wait for any one step: connecting, the TLS handshake,
    // each piece of a request or an answer. A slow but moving transfer of
    // a large object is not cut off.
    std::chrono::milliseconds stepTimeout{30000};
    // Objects larger than this go up in parts of partSize bytes (S3 allows
    // at most 5 GiB in one PUT and parts of at least 5 MiB).
    qint64 multipartThreshold = qint64(64) << 20;
    qint64 partSize = qint64(16) << 20;
    // Objects per page of a listing (S3's own limit is 1,000).
    int listPageSize = 1000;
};

} // namespace ddd::agent::http
