// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/pgdatabase.h"

#include "core/storage/pgplaceholders.h"

#include <libpq-fe.h>

namespace ddd::core::storage {

namespace {

// pg_advisory_xact_lock's key for "a transaction that writes": any value,
// the same in every agent.
constexpr char kBeginWrite[] = "BEGIN; SELECT pg_advisory_xact_lock(4463766584)";

// "CREATE TABLE IF NOT EXISTS" and friends send notices, which libpq
// would print on stderr.
void ignoreNotice(void *, const char *) {}

} // namespace

Result<std::unique_ptr<DatabaseEngine>> PgDatabase::connect(const QByteArray &conninfo)
{
    Result<PgConnection> connection = PgConnection::open(conninfo);
    if (!connection)
        return connection.error();
    PQsetNoticeProcessor(connection->native(), &ignoreNotice, nullptr);
    return std::unique_ptr<DatabaseEngine>(new PgDatabase(std::move(*connection)));
}

PgDatabase::PgDatabase(PgConnection connection) : m_connection(std::move(connection)) {}

Status PgDatabase::exec(const QString &sql)
{
    Result<pg_result *> result = checked(PQexec(m_connection.native(), sql.toUtf8().constData()));
    if (!result)
        return result.error();
    PQclear(*result);
    return {};
}

Result<std::unique_ptr<StatementEngine>> PgDatabase::prepare(const QString &sql)
{
    PgPlaceholders::Translated translated = PgPlaceholders::translate(sql);
    return std::unique_ptr<StatementEngine>(
        std::make_unique<PgStatement>(*this, std::move(translated.sql), translated.parameterCount));
}

QString PgDatabase::lastErrorMessage() const
{
    return QString::fromUtf8(PQerrorMessage(m_connection.native())).trimmed();
}

Status PgDatabase::beginWrite()
{
    Status begun = exec(QString::fromLatin1(kBeginWrite));
    m_inTransaction = begun.ok();
    // BEGIN ran but the lock was not granted (lock_timeout): the caller
    // sees a transaction that never began, so none may stay open.
    if (!begun && PQtransactionStatus(m_connection.native()) != PQTRANS_IDLE)
        (void)exec(u"ROLLBACK"_qs);
    return begun;
}

Status PgDatabase::commit()
{
    m_inTransaction = false;
    return exec(u"COMMIT"_qs);
}

Status PgDatabase::rollback()
{
    m_inTransaction = false;
    return exec(u"ROLLBACK"_qs);
}

void PgDatabase::reconnectIfLost()
{
    if (!m_inTransaction && !m_connection.isConnected())
        PQreset(m_connection.native());
}

Result<pg_result *> PgDatabase::run(const QByteArray &sql, const std::vector<PgStatement::Parameter> &parameters)
{
    std::vector<Oid> types;
    std::vector<const char *> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    for (const PgStatement::Parameter &parameter : parameters) {
        types.push_back(parameter.type);
        values.push_back(parameter.null ? nullptr : parameter.value.constData());
        lengths.push_back(int(parameter.value.size()));
        formats.push_back(parameter.binary ? 1 : 0);
    }
    return checked(PQexecParams(m_connection.native(), sql.constData(), int(parameters.size()), types.data(),
                                values.data(), lengths.data(), formats.data(), /*resultFormat=*/0));
}

// The result when the statement succeeded (its changed rows noted), else
// the stable error, the result freed.
Result<pg_result *> PgDatabase::checked(pg_result *result)
{
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        // As sqlite3_changes(): only statements that change rows count.
        const QByteArray command(PQcmdStatus(result));
        if (command.startsWith("INSERT") || command.startsWith("UPDATE") || command.startsWith("DELETE"))
            m_changes = QByteArray(PQcmdTuples(result)).toInt();
        return result;
    }
    Error error = m_connection.errorOf(result);
    PQclear(result);
    return error;
}

} // namespace ddd::core::storage
