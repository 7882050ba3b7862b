// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/support/scriptfixture.h"

#include <QByteArray>
#include <QString>

namespace ddd::test {

// A throw-away PostgreSQL 15 cluster for one test process
// (postgres-fixture.sh), stopped with this object, and empty databases on
// it, each reachable by a libpq connection string or a postgresql:// URL.
class PostgresTestServer final
{
public:
    // The fixture's failure, or an empty string once the server answers.
    QString start();

    // Creates database `name` unless it exists; its connection string.
    QByteArray database(const QByteArray &name);
    // A new database each call.
    QByteArray freshDatabase();
    // Stops the server as a crash would (immediate mode) and starts it again
    // on the same port: every connection is lost.
    bool restart();
    // The postgresql:// URL of a connection string from this server.
    static QString urlOf(const QByteArray &conninfo);

private:
    ScriptFixture m_fixture{QStringLiteral("postgres-fixture.sh")};
    QByteArray m_server; // "host=H port=P user=U dbname=postgres"
    int m_created = 0;
};

} // namespace ddd::test
