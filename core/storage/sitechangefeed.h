// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>

#include <chrono>
#include <memory>

namespace ddd::core::storage {

class PgConnection;

// PostgreSQL's announcements that a site changed, on a connection of its
// own: schema step 14's triggers NOTIFY `ddd_sites` with the project's id
// whenever a transaction that changed a project's row or aliases commits.
// Announcements made while no connection listens are not replayed, so a
// caller looks at the database itself after every connect().
class SiteChangeFeed final
{
public:
    static constexpr const char *Channel = "ddd_sites";
    enum class Event { Changed, Quiet, Lost };

    explicit SiteChangeFeed(QByteArray conninfo);
    ~SiteChangeFeed();
    SiteChangeFeed(const SiteChangeFeed &) = delete;
    SiteChangeFeed &operator=(const SiteChangeFeed &) = delete;

    // A new connection, listening (`storage.unavailable` when the server
    // cannot be reached).
    Status connect();
    // Up to `timeout`: Changed once at least one announcement came (every
    // one waiting is taken with it), Quiet when none did, Lost when the
    // connection is gone (connect() again).
    Event wait(std::chrono::milliseconds timeout);

private:
    QByteArray m_conninfo;
    std::unique_ptr<PgConnection> m_connection;
};

} // namespace ddd::core::storage
