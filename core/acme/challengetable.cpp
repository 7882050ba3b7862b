// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/challengetable.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/statement.h"
#include "core/util/clock.h"

#include <QLoggingCategory>

#include <thread>

namespace ddd::core::acme {

Q_LOGGING_CATEGORY(lcChallenges, "ddd.core.acme")

ChallengeTable::ChallengeTable(storage::ConnectionProvider &connections, const Clock &clock)
    : m_connections(connections), m_clock(clock)
{
}

Status ChallengeTable::beginOrder(const QString &agentId)
{
    Result<storage::Statement> statement = m_connections.current().prepare(
        u"INSERT INTO acme_orders (agent_id, started_at) VALUES (?1, ?2) "
        "ON CONFLICT (agent_id) DO UPDATE SET started_at = excluded.started_at"_qs);
    if (!statement)
        return statement.error();
    return statement->bind(1, agentId).bind(2, m_clock.nowMs()).run();
}

void ChallengeTable::endOrder(const QString &agentId)
{
    Status ended = run(u"DELETE FROM acme_challenges"_qs, {});
    if (ended)
        ended = run(u"DELETE FROM acme_orders WHERE agent_id = ?1"_qs, agentId);
    if (!ended)
        qCWarning(lcChallenges).noquote() << "cannot clear the finished ACME order:" << ended.error().message;
}

Status ChallengeTable::put(const QString &token, const QByteArray &answer)
{
    Result<storage::Statement> statement = m_connections.current().prepare(
        u"INSERT INTO acme_challenges (token, answer, created_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (token) DO UPDATE SET answer = excluded.answer"_qs);
    if (!statement)
        return statement.error();
    return statement->bind(1, token).bind(2, QString::fromLatin1(answer)).bind(3, m_clock.nowMs()).run();
}

void ChallengeTable::drop(const QString &token)
{
    if (Status dropped = run(u"DELETE FROM acme_challenges WHERE token = ?1"_qs, token); !dropped)
        qCWarning(lcChallenges).noquote() << "cannot drop an ACME challenge:" << dropped.error().message;
}

std::optional<QByteArray> ChallengeTable::answer(const QString &token)
{
    Result<storage::Statement> statement =
        m_connections.current().prepare(u"SELECT answer FROM acme_challenges WHERE token = ?1"_qs);
    if (!statement)
        return std::nullopt;
    statement->bind(1, token);
    Result<bool> found = statement->step();
    if (!found || !*found)
        return std::nullopt;
    return statement->columnText(0).toLatin1();
}

bool ChallengeTable::orderRunning()
{
    Result<storage::Statement> statement =
        m_connections.current().prepare(u"SELECT 1 FROM acme_orders WHERE started_at > ?1 LIMIT 1"_qs);
    if (!statement)
        return false;
    statement->bind(1, m_clock.nowMs() - orderStaleAfterMs);
    Result<bool> found = statement->step();
    return found && *found;
}

std::optional<QByteArray> ChallengeTable::awaitAnswer(const QString &token, std::chrono::milliseconds wait,
                                                      std::chrono::milliseconds pollEvery)
{
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        if (std::optional<QByteArray> found = answer(token))
            return found;
        if (std::chrono::steady_clock::now() >= deadline || !orderRunning())
            return std::nullopt;
        std::this_thread::sleep_for(pollEvery);
    }
}

void ChallengeTable::releaseThreadConnection()
{
    m_connections.releaseCurrent();
}

// One statement with at most one text parameter (none when `text` is empty).
Status ChallengeTable::run(const QString &sql, const QString &text)
{
    Result<storage::Statement> statement = m_connections.current().prepare(sql);
    if (!statement)
        return statement.error();
    if (!text.isEmpty())
        statement->bind(1, text);
    return statement->run();
}

} // namespace ddd::core::acme
