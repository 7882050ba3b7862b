// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/pgconnection.h"

#include "core/storage/pqlibrary.h"

#include <libpq-fe.h>
#include <poll.h>

#include <QJsonObject>

#include <vector>

namespace ddd::core::storage {

namespace {

using Clock = std::chrono::steady_clock;

// libpq waits for ever by default: a server that never answers the
// connection must not hang an agent's start-up. The operator's own
// connect_timeout, given in the connection string, wins.
constexpr char kDefaultConnectTimeoutSeconds[] = "10";
// As SQLite's busy timeout: a writer waits this long for the writers' lock
// (or a row lock), then fails with storage.busy (55P03). Part of the
// connection's parameters, so a reset connection keeps it; the operator's
// own `options` win.
constexpr char kDefaultOptions[] = "-c lock_timeout=10s";

// The same codes as SqliteError, so callers handle both stores alike.
QString codeOf(const QByteArray &sqlstate, bool connectionLost)
{
    if (connectionLost || sqlstate.startsWith("08"))
        return u"storage.unavailable"_qs;
    if (sqlstate.startsWith("23"))
        return u"storage.constraint"_qs;
    if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03")
        return u"storage.busy"_qs;
    if (sqlstate == "53100")
        return u"storage.disk_full"_qs;
    if (sqlstate == "25006")
        return u"storage.read_only"_qs;
    return u"storage.error"_qs;
}

PgRows rowsOf(const PGresult *result)
{
    PgRows rows;
    const int columns = PQnfields(result);
    for (int column = 0; column < columns; ++column)
        rows.columns.append(PQfname(result, column));
    for (int row = 0; row < PQntuples(result); ++row) {
        QList<std::optional<QByteArray>> values;
        for (int column = 0; column < columns; ++column) {
            if (PQgetisnull(result, row, column))
                values.append(std::nullopt);
            else
                values.append(QByteArray(PQgetvalue(result, row, column), PQgetlength(result, row, column)));
        }
        rows.rows.append(std::move(values));
    }
    rows.affected = QByteArray(PQcmdTuples(const_cast<PGresult *>(result))).toLongLong();
    return rows;
}

} // namespace

void PgConnection::Deleter::operator()(pg_conn *connection) const
{
    PQfinish(connection);
}

PgConnection::PgConnection(pg_conn *connection) : m_connection(connection) {}
PgConnection::PgConnection(PgConnection &&other) noexcept = default;
PgConnection &PgConnection::operator=(PgConnection &&other) noexcept = default;
PgConnection::~PgConnection() = default;

Result<PgConnection> PgConnection::open(const QByteArray &conninfo)
{
    if (!PqLibrary::available())
        return Error::make(u"storage.unavailable"_qs,
                           u"PostgreSQL: libpq could not be loaded (is the libpq5 package installed?): "_qs
                               + PqLibrary::loadError());
    const char *keywords[] = {"connect_timeout", "options", "dbname", nullptr};
    const char *values[] = {kDefaultConnectTimeoutSeconds, kDefaultOptions, conninfo.constData(), nullptr};
    PgConnection connection(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
    if (!connection.m_connection)
        return Error::make(u"storage.unavailable"_qs, u"PostgreSQL: out of memory while connecting"_qs);
    if (PQstatus(connection.m_connection.get()) != CONNECTION_OK)
        return Error::make(u"storage.unavailable"_qs,
                           u"PostgreSQL: "_qs + QString::fromUtf8(PQerrorMessage(connection.m_connection.get())).trimmed());
    return connection;
}

Result<PgRows> PgConnection::exec(const QByteArray &sql, const QList<std::optional<QByteArray>> &parameters)
{
    std::vector<const char *> values;
    for (const std::optional<QByteArray> &parameter : parameters)
        values.push_back(parameter ? parameter->constData() : nullptr);
    std::unique_ptr<PGresult, decltype(&PQclear)> result(
        PQexecParams(m_connection.get(), sql.constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr,
                     0),
        &PQclear);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return errorOf(result.get());
    return rowsOf(result.get());
}

Status PgConnection::listen(const QByteArray &channel)
{
    char *quoted = PQescapeIdentifier(m_connection.get(), channel.constData(), size_t(channel.size()));
    if (!quoted)
        return errorOf(nullptr);
    const QByteArray sql = "LISTEN " + QByteArray(quoted);
    PQfreemem(quoted);
    if (Result<PgRows> listened = exec(sql); !listened)
        return listened.error();
    return {};
}

std::optional<PgNotification> PgConnection::waitForNotification(std::chrono::milliseconds timeout)
{
    const Clock::time_point deadline = Clock::now() + timeout;
    for (;;) {
        if (!PQconsumeInput(m_connection.get()))
            return std::nullopt; // lost: the next exec says storage.unavailable
        if (std::optional<PgNotification> notification = takeNotification())
            return notification;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            return std::nullopt;
        pollfd socket{PQsocket(m_connection.get()), POLLIN, 0};
        if (socket.fd < 0 || ::poll(&socket, 1, int(left.count())) < 0)
            return std::nullopt;
    }
}

std::optional<PgNotification> PgConnection::takeNotification()
{
    PGnotify *notify = PQnotifies(m_connection.get());
    if (!notify)
        return std::nullopt;
    PgNotification notification{notify->relname, notify->extra};
    PQfreemem(notify);
    return notification;
}

bool PgConnection::isConnected() const
{
    return PQstatus(m_connection.get()) == CONNECTION_OK;
}

Error PgConnection::errorOf(const pg_result *result) const
{
    const char *sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QByteArray state = sqlstate ? QByteArray(sqlstate) : QByteArray();
    const char *message = result ? PQresultErrorMessage(result) : "";
    const QString text = QString::fromUtf8(*message ? message : PQerrorMessage(m_connection.get())).trimmed();
    Error error = Error::make(codeOf(state, !isConnected()), u"PostgreSQL: "_qs + text);
    if (!state.isEmpty())
        error.details.insert(u"sqlstate"_qs, QString::fromLatin1(state));
    return error;
}

} // namespace ddd::core::storage
