// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <utility>

namespace ddd::core::s3 {

// AWS Signature Version 4 in the Authorization header, as S3-compatible
// servers (AWS, R2, B2, MinIO, Garage, Ceph RGW) check it. S3's variant:
// the path is encoded once and never normalised, so "a/./b" and "a//b" are
// distinct keys. Checked against the AWS test suite and the S3 API
// Reference's worked examples (tests/data/sigv4).
class SigV4Signer final
{
public:
    struct Credentials
    {
        QByteArray accessKeyId;
        QByteArray secretAccessKey;
    };

    struct Request
    {
        QByteArray method;
        // Raw or percent-encoded; encoded canonically either way (so a
        // literal '%' before two hex digits reads as an escape: fine for
        // the store's hex names, to be encoded first for anything else).
        QByteArray path;
        // Without the '?'; a bare key signs as "key=".
        QByteArray query;
        // Every header to sign, Host among them; names in any case,
        // repeated names joined in order.
        QList<std::pair<QByteArray, QByteArray>> headers;
        // Hex SHA-256 of the body, or kUnsignedPayload.
        QByteArray payloadHash;
    };

    static constexpr char kUnsignedPayload[] = "UNSIGNED-PAYLOAD";

    SigV4Signer(Credentials credentials, QByteArray region, QByteArray service = "s3");

    // The value of the Authorization header for a request made at amzDate
    // (which the request also sends as x-amz-date); empty if hashing failed.
    QByteArray authorization(const Request &request, const QByteArray &amzDate) const;
    QByteArray stringToSign(const Request &request, const QByteArray &amzDate) const;
    QByteArray signature(const Request &request, const QByteArray &amzDate) const;

    static QByteArray canonicalRequest(const Request &request);
    // The path as it must also go on the wire, so signed and sent agree.
    static QByteArray canonicalPath(const QByteArray &path);
    static QByteArray canonicalQuery(const QByteArray &query);
    // "20150830T123600Z"
    static QByteArray amzDate(const QDateTime &when);

private:
    QByteArray scope(const QByteArray &amzDate) const;
    QByteArray signingKey(const QByteArray &day) const;
    static QByteArray signedHeaderNames(const Request &request);
    static QByteArray canonicalHeaders(const Request &request);

    Credentials m_credentials;
    QByteArray m_region;
    QByteArray m_service;
};

} // namespace ddd::core::s3
