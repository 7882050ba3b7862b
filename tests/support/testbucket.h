// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/s3endpoint.h"
#include "agent/s3settings.h"
#include "core/util/result.h"
#include "tests/support/radosgwfixture.h"

#include <QByteArray>
#include <QSet>

namespace ddd::core::blobs {
class ObjectStore;
}

namespace ddd::test {

// A new, empty bucket on the radosgw fixture's server, and the endpoint
// (plain HTTP on loopback, the fixture's keys) that reaches it.
class TestBucket final
{
public:
    static core::Result<agent::http::S3Endpoint> create(const RadosgwFixture::Server &server, const QByteArray &bucket,
                                                        const QByteArray &prefix);
    // The blobs.s3.* settings that make an agent use `endpoint`.
    static agent::S3Settings settingsFor(const agent::http::S3Endpoint &endpoint);
    // Every key of `bucket` under "blobs/", all pages; the test process
    // stops (qFatal) when the bucket cannot be listed.
    static QSet<QByteArray> blobKeys(core::blobs::ObjectStore &bucket);
    // The same under any prefix.
    static QSet<QByteArray> keysUnder(core::blobs::ObjectStore &bucket, const QByteArray &prefix);
};

} // namespace ddd::test
