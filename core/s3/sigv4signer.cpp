// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/s3/sigv4signer.h"

#include "core/auth/hmacsha256.h"
#include "core/blobs/sha256.h"

#include <QTimeZone>

#include <algorithm>
#include <map>
#include <set>

namespace ddd::core::s3 {

namespace {

using auth::HmacSha256;
using blobs::Sha256;

constexpr char kAlgorithm[] = "AWS4-HMAC-SHA256";

// Decoded first, so a path or query given already encoded is not encoded
// twice; Qt keeps exactly AWS's unreserved set (A-Z a-z 0-9 - . _ ~) and
// writes upper-case hex, as SigV4 requires.
QByteArray encode(const QByteArray &raw, const QByteArray &keep = {})
{
    return QByteArray::fromPercentEncoding(raw).toPercentEncoding(keep);
}

} // namespace

SigV4Signer::SigV4Signer(Credentials credentials, QByteArray region, QByteArray service)
    : m_credentials(std::move(credentials)), m_region(std::move(region)), m_service(std::move(service))
{
}

QByteArray SigV4Signer::authorization(const Request &request, const QByteArray &amzDate) const
{
    const QByteArray signatureHex = signature(request, amzDate);
    if (signatureHex.isEmpty())
        return {};
    return QByteArray(kAlgorithm) + " Credential=" + m_credentials.accessKeyId + '/' + scope(amzDate)
        + ", SignedHeaders=" + signedHeaderNames(request) + ", Signature=" + signatureHex;
}

QByteArray SigV4Signer::signature(const Request &request, const QByteArray &amzDate) const
{
    const QByteArray key = signingKey(amzDate.left(8));
    const QByteArray mac = key.isEmpty() ? QByteArray() : HmacSha256::sign(key, stringToSign(request, amzDate));
    return mac.toHex();
}

QByteArray SigV4Signer::stringToSign(const Request &request, const QByteArray &amzDate) const
{
    return QByteArray(kAlgorithm) + '\n' + amzDate + '\n' + scope(amzDate) + '\n'
        + Sha256::hexOf(canonicalRequest(request));
}

QByteArray SigV4Signer::canonicalRequest(const Request &request)
{
    return request.method + '\n' + canonicalPath(request.path) + '\n' + canonicalQuery(request.query) + '\n'
        + canonicalHeaders(request) + '\n' + signedHeaderNames(request) + '\n' + request.payloadHash;
}

QByteArray SigV4Signer::canonicalPath(const QByteArray &path)
{
    const QByteArray encoded = encode(path, "/");
    return encoded.startsWith('/') ? encoded : '/' + encoded;
}

QByteArray SigV4Signer::canonicalQuery(const QByteArray &query)
{
    QList<std::pair<QByteArray, QByteArray>> parameters;
    for (const QByteArray &piece : query.split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype equals = piece.indexOf('=');
        if (equals < 0)
            parameters.append({encode(piece), QByteArray()});
        else
            parameters.append({encode(piece.first(equals)), encode(piece.sliced(equals + 1))});
    }
    std::sort(parameters.begin(), parameters.end());
    QByteArray canonical;
    for (const auto &[name, value] : parameters)
        canonical += (canonical.isEmpty() ? "" : "&") + name + '=' + value;
    return canonical;
}

QByteArray SigV4Signer::amzDate(const QDateTime &when)
{
    return when.toTimeZone(QTimeZone::utc()).toString(u"yyyyMMdd'T'HHmmss'Z'"_qs).toLatin1();
}

QByteArray SigV4Signer::scope(const QByteArray &amzDate) const
{
    return amzDate.left(8) + '/' + m_region + '/' + m_service + "/aws4_request";
}

// Derived per day, region and service, so the secret itself never signs a
// request.
QByteArray SigV4Signer::signingKey(const QByteArray &day) const
{
    QByteArray key = "AWS4" + m_credentials.secretAccessKey;
    for (const QByteArray &part : {day, m_region, m_service, QByteArray("aws4_request")}) {
        key = HmacSha256::sign(key, part);
        if (key.isEmpty())
            return {};
    }
    return key;
}

QByteArray SigV4Signer::signedHeaderNames(const Request &request)
{
    std::set<QByteArray> names;
    for (const auto &header : request.headers)
        names.insert(header.first.toLower());
    return QList<QByteArray>(names.begin(), names.end()).join(';');
}

QByteArray SigV4Signer::canonicalHeaders(const Request &request)
{
    std::map<QByteArray, QList<QByteArray>> values; // sorted by lower-case name
    // Leading and trailing spaces go, inner runs become one space (inside
    // quotes too: the test suite's "a   b   c" signs as "a b c").
    for (const auto &[name, value] : request.headers)
        values[name.toLower()].append(value.simplified());
    QByteArray canonical;
    for (const auto &[name, joined] : values)
        canonical += name + ':' + joined.join(',') + '\n';
    return canonical;
}

} // namespace ddd::core::s3
