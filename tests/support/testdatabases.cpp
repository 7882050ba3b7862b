// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/testdatabases.h"

#include "core/storage/pgconnection.h"
#include "tests/support/scriptfixture.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMap>

#include <mutex>

namespace ddd::test {

namespace {

using namespace std::chrono_literals;

// The cluster of this test process, stopped as the application ends.
class PostgresCluster final
{
public:
    static PostgresCluster &instance()
    {
        static auto *cluster = new PostgresCluster;
        return *cluster;
    }

    QByteArray conninfo()
    {
        std::lock_guard lock(m_mutex);
        if (m_conninfo.isEmpty()) {
            const std::optional<QByteArray> started = m_fixture.start(120s);
            if (!started)
                qFatal("cannot start PostgreSQL: %s", qPrintable(m_fixture.failure()));
            m_conninfo = *started;
            qAddPostRoutine([] { delete &instance(); });
        }
        return m_conninfo;
    }

private:
    PostgresCluster() : m_fixture(u"postgres-fixture.sh"_qs) {}

    std::mutex m_mutex;
    ScriptFixture m_fixture;
    QByteArray m_conninfo;
};

QByteArray databaseFor(const QString &sqliteFile)
{
    return "t_" + QCryptographicHash::hash(sqliteFile.toUtf8(), QCryptographicHash::Sha1).toHex().left(20);
}

void createIfMissing(const QByteArray &server, const QByteArray &name)
{
    auto admin = core::storage::PgConnection::open(server);
    if (!admin)
        qFatal("cannot reach the test PostgreSQL: %s", qPrintable(admin.error().message));
    auto found = admin->exec("SELECT 1 FROM pg_database WHERE datname = $1", {name});
    if (!found)
        qFatal("cannot list databases: %s", qPrintable(found.error().message));
    if (found->rows.isEmpty() && !admin->exec("CREATE DATABASE " + name))
        qFatal("cannot create the test database %s", name.constData());
}

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
    const QByteArray server = PostgresCluster::instance().conninfo();
    const QByteArray name = databaseFor(sqliteFile);
    createIfMissing(server, name);
    return std::make_unique<ConnectionProvider>(ConnectionProvider::Postgres{server + " dbname=" + name});
}

QString TestDatabases::postgresUrl(const QString &sqliteFile)
{
    const QByteArray server = PostgresCluster::instance().conninfo();
    const QByteArray name = databaseFor(sqliteFile);
    createIfMissing(server, name);
    return urlOf(server, name);
}

// The fixture prints "host=H port=P user=U dbname=D".
QString TestDatabases::urlOf(const QByteArray &conninfo, const QByteArray &database)
{
    QMap<QByteArray, QByteArray> fields;
    for (const QByteArray &field : conninfo.split(' ')) {
        const qsizetype equals = field.indexOf('=');
        fields.insert(field.left(equals), field.mid(equals + 1));
    }
    return QString::fromLatin1("postgresql://" + fields.value("user") + '@' + fields.value("host") + ':'
                               + fields.value("port") + '/' + database);
}

} // namespace ddd::test
