// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/sharedbackends.h"

#include "agent/agentconfig.h"
#include "tests/support/testbucket.h"

namespace ddd::test {

QString SharedBackends::start(const QByteArray &bucket, const QByteArray &prefix)
{
    if (const QString failure = m_postgres.start(); !failure.isEmpty())
        return failure;
    m_server = m_radosgw.start();
    if (!m_server)
        return m_radosgw.failure();
    core::Result<agent::http::S3Endpoint> made = TestBucket::create(*m_server, bucket, prefix);
    if (!made)
        return made.error().message;
    m_endpoint = *made;
    return {};
}

void SharedBackends::share(agent::AgentConfig &config, const QString &databaseUrl) const
{
    config.databaseUrl = databaseUrl;
    config.s3 = TestBucket::settingsFor(m_endpoint);
}

} // namespace ddd::test
