// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/sharedbackends.h"

#include "agent/agentconfig.h"
#include "tests/support/testbucket.h"

#include <QFile>

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

QStringList SharedBackends::arguments(const QString &databaseUrl, const QString &credentialsFile) const
{
    QFile keys(credentialsFile);
    if (!keys.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || !keys.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        || keys.write("access_key_id = " + m_server->accessKey + "\nsecret_access_key = " + m_server->secretKey + "\n") <= 0)
        return {};
    return {u"--database-url"_qs, databaseUrl,
            u"--blobs-s3-endpoint"_qs, u"http://127.0.0.1:%1"_qs.arg(m_endpoint.port),
            u"--blobs-s3-bucket"_qs, QString::fromLatin1(m_endpoint.bucket),
            u"--blobs-s3-prefix"_qs, QString::fromLatin1(m_endpoint.prefix),
            u"--blobs-s3-credentials-file"_qs, credentialsFile};
}

} // namespace ddd::test
