// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/sitechangefeed.h"

#include "core/storage/pgconnection.h"

namespace ddd::core::storage {

SiteChangeFeed::SiteChangeFeed(QByteArray conninfo) : m_conninfo(std::move(conninfo)) {}

SiteChangeFeed::~SiteChangeFeed() = default;

Status SiteChangeFeed::connect()
{
    m_connection.reset();
    Result<PgConnection> opened = PgConnection::open(m_conninfo);
    if (!opened)
        return opened.error();
    if (Status listening = opened->listen(Channel); !listening)
        return listening;
    m_connection = std::make_unique<PgConnection>(std::move(*opened));
    return {};
}

SiteChangeFeed::Event SiteChangeFeed::wait(std::chrono::milliseconds timeout)
{
    if (!m_connection || !m_connection->isConnected())
        return Event::Lost;
    if (!m_connection->waitForNotification(timeout))
        return m_connection->isConnected() ? Event::Quiet : Event::Lost;
    // One catch-up answers them all.
    while (m_connection->waitForNotification(std::chrono::milliseconds(0)))
        ;
    return Event::Changed;
}

} // namespace ddd::core::storage
