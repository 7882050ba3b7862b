// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/testdatabases.h"

#include "tests/support/postgrestestserver.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <mutex>

namespace ddd::test {

namespace {

// The cluster of this test process, started on first use and stopped as
// the application ends.
class SharedCluster final
{
public:
    static SharedCluster &instance()
    {
        static auto *cluster = new SharedCluster;
        return *cluster;
    }

    // The connection string of the database standing for `sqliteFile`.
    QByteArray databaseFor(const QString &sqliteFile)
    {
        std::lock_guard lock(m_mutex);
        if (!m_started) {
            if (const QString failure = m_server.start(); !failure.isEmpty())
                qFatal("cannot start PostgreSQL: %s", qPrintable(failure));
            m_started = true;
            qAddPostRoutine([] { delete &instance(); });
        }
        const QByteArray name = QCryptographicHash::hash(sqliteFile.toUtf8(), QCryptographicHash::Sha1).toHex();
        return m_server.database("t_" + name.left(20));
    }

private:
    std::mutex m_mutex;
    PostgresTestServer m_server;
    bool m_started = false;
};

} // namespace

bool TestDatabases::usePostgres()
{
    return qgetenv("DDD_TEST_DATABASE") == "postgres";
}

std::unique_ptr<core::storage::ConnectionProvider> TestDatabases::provider(const QString &sqliteFile)
{
    using core::storage::ConnectionProvider;
    if (!usePostgres())
        return std::make_unique<ConnectionProvider>(sqliteFile);
    return std::make_unique<ConnectionProvider>(
        ConnectionProvider::Postgres{SharedCluster::instance().databaseFor(sqliteFile)});
}

QString TestDatabases::postgresUrl(const QString &sqliteFile)
{
    return PostgresTestServer::urlOf(SharedCluster::instance().databaseFor(sqliteFile));
}

} // namespace ddd::test
