// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/postgrestestserver.h"

#include "core/storage/pgconnection.h"

#include <QMap>

namespace ddd::test {

using namespace std::chrono_literals;

QString PostgresTestServer::start()
{
    const std::optional<QByteArray> started = m_fixture.start(120s);
    if (!started)
        return m_fixture.failure();
    m_server = *started;
    return {};
}

QByteArray PostgresTestServer::database(const QByteArray &name)
{
    auto admin = core::storage::PgConnection::open(m_server);
    if (!admin)
        qFatal("cannot reach the test PostgreSQL: %s", qPrintable(admin.error().message));
    auto found = admin->exec("SELECT 1 FROM pg_database WHERE datname = $1", {name});
    if (!found)
        qFatal("cannot list databases: %s", qPrintable(found.error().message));
    if (found->rows.isEmpty() && !admin->exec("CREATE DATABASE " + name))
        qFatal("cannot create the test database %s", name.constData());
    return m_server + " dbname=" + name;
}

QByteArray PostgresTestServer::freshDatabase()
{
    return database("fresh" + QByteArray::number(++m_created));
}

// Connection strings here are "host=H port=P user=U ... dbname=D" (the
// last dbname wins, as in libpq).
QString PostgresTestServer::urlOf(const QByteArray &conninfo)
{
    QMap<QByteArray, QByteArray> fields;
    for (const QByteArray &field : conninfo.split(' ')) {
        const qsizetype equals = field.indexOf('=');
        fields.insert(field.left(equals), field.mid(equals + 1));
    }
    return QString::fromLatin1("postgresql://" + fields.value("user") + '@' + fields.value("host") + ':'
                               + fields.value("port") + '/' + fields.value("dbname"));
}

bool PostgresTestServer::restart()
{
    return m_fixture.run(u"restart"_qs, std::chrono::seconds(60));
}

} // namespace ddd::test
