// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/s3settings.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace ddd::agent {

namespace {

using core::Error;
using core::Result;
using core::Status;

Error invalid(const QString &message)
{
    return Error::make(u"config.invalid"_qs, message);
}

// S3's bucket naming rules, which every compatible store accepts.
bool isBucketName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"_qs);
    return pattern.match(name).hasMatch() && !name.contains(u".."_qs);
}

// Characters that need no encoding in a path, so the key signed is the key sent.
bool isPrefix(const QString &prefix)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9/_.-]*$"_qs);
    return pattern.match(prefix).hasMatch() && !prefix.startsWith(u'/') && !prefix.contains(u"//"_qs);
}

Status applyEndpointUrl(const QString &text, http::S3Endpoint &endpoint)
{
    const QUrl url(text, QUrl::StrictMode);
    const bool https = url.scheme() == u"https"_qs;
    if (!url.isValid() || (!https && url.scheme() != u"http"_qs) || url.host().isEmpty()
        || !(url.path().isEmpty() || url.path() == u"/"_qs) || url.hasQuery() || !url.userInfo().isEmpty())
        return invalid(u"blobs.s3.endpoint must be http(s)://host[:port] with nothing after it, got '%1'"_qs.arg(text));
    endpoint.tls = https;
    endpoint.host = url.host(QUrl::FullyEncoded).toLatin1();
    endpoint.port = quint16(url.port(https ? 443 : 80));
    return {};
}

} // namespace

void S3Settings::readEnvironment(const QStringList &environment)
{
    for (const QString &entry : environment) {
        if (entry.startsWith(u"DDD_BLOBS_S3_ACCESS_KEY_ID="_qs))
            accessKeyId = entry.section(u'=', 1).toUtf8();
        else if (entry.startsWith(u"DDD_BLOBS_S3_SECRET_ACCESS_KEY="_qs))
            secretAccessKey = entry.section(u'=', 1).toUtf8();
    }
}

Result<http::S3Endpoint> S3Settings::toEndpoint() const
{
    http::S3Endpoint target;
    if (Status parsed = applyEndpointUrl(endpoint, target); !parsed)
        return parsed.error();
    if (!isBucketName(bucket))
        return invalid(u"blobs.s3.bucket must be a bucket name (3 to 63 of a-z, 0-9, '.' and '-'), got '%1'"_qs.arg(bucket));
    if (!isPrefix(prefix))
        return invalid(u"blobs.s3.prefix may hold only letters, digits and '/', '_', '.', '-', and may not start "
                       "with '/', got '%1'"_qs.arg(prefix));
    if (region.isEmpty() || !isPrefix(region) || region.contains(u'/'))
        return invalid(u"blobs.s3.region must be a region name such as us-east-1, got '%1'"_qs.arg(region));
    if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable())
        return Error::make(u"config.unreadable"_qs, u"blobs.s3.ca_file is not a readable file: "_qs + caFile);
    target.region = region.toLatin1();
    target.bucket = bucket.toLatin1();
    target.prefix = prefix.toLatin1();
    if (!target.prefix.isEmpty() && !target.prefix.endsWith('/'))
        target.prefix += '/';
    target.caFile = caFile;
    if (Status read = readCredentialsFile(target.credentials); !read)
        return read.error();
    return target;
}

// The file holds `access_key_id = ...` and `secret_access_key = ...` lines;
// AWS's own credentials file (aws_access_key_id, ...) is read as well.
Status S3Settings::readCredentialsFile(core::s3::SigV4Signer::Credentials &credentials) const
{
    const bool fromEnvironment = !accessKeyId.isEmpty() || !secretAccessKey.isEmpty();
    if (credentialsFile.isEmpty() == !fromEnvironment)
        return invalid(u"blobs.s3 needs its access key pair from exactly one place: blobs.s3.credentials_file, or "
                       "DDD_BLOBS_S3_ACCESS_KEY_ID with DDD_BLOBS_S3_SECRET_ACCESS_KEY"_qs);
    credentials = {accessKeyId, secretAccessKey};
    if (!fromEnvironment) {
        QFile file(credentialsFile);
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(u"config.unreadable"_qs, u"cannot read blobs.s3.credentials_file "_qs + credentialsFile);
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            const qsizetype equals = line.indexOf('=');
            const QByteArray name = line.left(equals).trimmed().toLower();
            const QByteArray value = line.mid(equals + 1).trimmed();
            if (equals > 0 && (name == "access_key_id" || name == "aws_access_key_id"))
                credentials.accessKeyId = value;
            else if (equals > 0 && (name == "secret_access_key" || name == "aws_secret_access_key"))
                credentials.secretAccessKey = value;
        }
    }
    if (credentials.accessKeyId.isEmpty() || credentials.secretAccessKey.isEmpty())
        return invalid(u"blobs.s3 needs both an access key id and a secret access key"_qs);
    return {};
}

} // namespace ddd::agent
