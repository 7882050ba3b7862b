// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/s3endpoint.h"
#include "tests/support/postgrestestserver.h"
#include "tests/support/radosgwfixture.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::agent {
struct AgentConfig;
}

namespace ddd::test {

// What agents sharing their state need, for one test executable: a real
// PostgreSQL cluster and a real radosgw with one new bucket.
class SharedBackends final
{
public:
    // Empty when both run and the bucket is made; what failed otherwise.
    QString start(const QByteArray &bucket, const QByteArray &prefix);

    PostgresTestServer &postgres() { return m_postgres; }
    const RadosgwFixture::Server &server() const { return *m_server; }
    const agent::http::S3Endpoint &endpoint() const { return m_endpoint; }
    // A new database of the cluster, as a database.url.
    QString freshDatabaseUrl() { return PostgresTestServer::urlOf(m_postgres.freshDatabase()); }
    // database.url and blobs.s3.* of `config` pointed at them.
    void share(agent::AgentConfig &config, const QString &databaseUrl) const;
    // The same as a ddd-agent process's arguments, the key pair written to
    // `credentialsFile` (owner-only: a command line never carries it).
    // Empty when the file cannot be written.
    QStringList arguments(const QString &databaseUrl, const QString &credentialsFile) const;

private:
    PostgresTestServer m_postgres;
    RadosgwFixture m_radosgw;
    std::optional<RadosgwFixture::Server> m_server;
    agent::http::S3Endpoint m_endpoint;
};

} // namespace ddd::test
