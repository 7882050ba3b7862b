// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/testbucket.h"

#include "agent/http/s3transport.h"
#include "core/blobs/objectstore.h"

namespace ddd::test {

core::Result<agent::http::S3Endpoint> TestBucket::create(const RadosgwFixture::Server &server, const QByteArray &bucket,
                                                         const QByteArray &prefix)
{
    agent::http::S3Endpoint endpoint;
    endpoint.tls = false;
    endpoint.host = "127.0.0.1";
    endpoint.port = server.port;
    endpoint.bucket = bucket;
    endpoint.prefix = prefix;
    endpoint.credentials = {server.accessKey, server.secretKey};
    const auto created = agent::http::S3Transport(endpoint).send({"PUT", "/" + bucket, {}, {}, {}, {}, 0, 0, {}});
    if (!created)
        return created.error();
    if (created->status != 200)
        return core::Error::make(u"test.bucket"_qs, u"creating bucket %1 answered %2: %3"_qs.arg(
                                     QString::fromLatin1(bucket)).arg(created->status).arg(QString::fromUtf8(created->body)));
    return endpoint;
}

agent::S3Settings TestBucket::settingsFor(const agent::http::S3Endpoint &endpoint)
{
    agent::S3Settings s3;
    s3.endpoint = u"http://127.0.0.1:%1"_qs.arg(endpoint.port);
    s3.bucket = QString::fromLatin1(endpoint.bucket);
    s3.prefix = QString::fromLatin1(endpoint.prefix);
    s3.accessKeyId = endpoint.credentials.accessKeyId;
    s3.secretAccessKey = endpoint.credentials.secretAccessKey;
    return s3;
}

QSet<QByteArray> TestBucket::blobKeys(core::blobs::ObjectStore &bucket)
{
    return keysUnder(bucket, "blobs/");
}

QSet<QByteArray> TestBucket::keysUnder(core::blobs::ObjectStore &bucket, const QByteArray &prefix)
{
    QSet<QByteArray> keys;
    QByteArray continuation;
    do {
        auto page = bucket.list(prefix, continuation);
        if (!page)
            qFatal("cannot list the bucket: %s", qPrintable(page.error().message));
        for (const auto &object : page->objects)
            keys.insert(object.key);
        continuation = page->continuation;
    } while (!continuation.isEmpty());
    return keys;
}

} // namespace ddd::test
