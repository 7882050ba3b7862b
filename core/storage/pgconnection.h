// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>

#include <chrono>
#include <memory>
#include <optional>

struct pg_conn;
struct pg_result;

namespace ddd::core::storage {

struct PgRows
{
    QList<QByteArray> columns;
    // Text values; std::nullopt is SQL NULL.
    QList<QList<std::optional<QByteArray>>> rows;
    qint64 affected = 0; // rows an INSERT, UPDATE or DELETE changed
};

struct PgNotification
{
    QByteArray channel;
    QByteArray payload;
};

// One libpq connection to PostgreSQL, the scale-out metadata store (issue
// 12), as SQLite has Database. Values always travel as parameters, never
// spliced into SQL. Failures carry the same stable codes as SqliteError:
// storage.unavailable (no server, or the connection was lost),
// storage.constraint, storage.busy (serialization failure or deadlock: try
// the transaction again), storage.disk_full, storage.read_only, else
// storage.error; details.sqlstate names the server's own code.
class PgConnection final
{
public:
    // A libpq connection string ("host=... port=...") or postgresql:// URL.
    static Result<PgConnection> open(const QByteArray &conninfo);

    PgConnection(PgConnection &&other) noexcept;
    PgConnection &operator=(PgConnection &&other) noexcept;
    ~PgConnection();

    Result<PgRows> exec(const QByteArray &sql, const QList<std::optional<QByteArray>> &parameters = {});
    Status listen(const QByteArray &channel);
    // The next NOTIFY on a channel this connection listens to, or nothing
    // once `timeout` has passed (or the connection is lost).
    std::optional<PgNotification> waitForNotification(std::chrono::milliseconds timeout);
    bool isConnected() const;
    // The stable code and message of a failed statement (or of the
    // connection, when `result` is null).
    Error errorOf(const pg_result *result) const;
    // For PgDatabase, which runs typed statements through libpq itself.
    pg_conn *native() const { return m_connection.get(); }

private:
    struct Deleter
    {
        void operator()(pg_conn *connection) const;
    };

    explicit PgConnection(pg_conn *connection);
    std::optional<PgNotification> takeNotification();

    std::unique_ptr<pg_conn, Deleter> m_connection;
};

} // namespace ddd::core::storage
