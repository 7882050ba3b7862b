// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <optional>

namespace ddd::core {
class Clock;
}

namespace ddd::core::storage {
class ConnectionProvider;
}

namespace ddd::core::acme {

// HTTP-01 answers shared by agents with one database (schema step 22): the
// issuing agent copies each token lego writes (ChallengeMirror) into
// acme_challenges and marks its order running in acme_orders; the
// authority may ask any site agent, which answers from here.
class ChallengeTable final
{
public:
    // An order row older than this is a leftover of an agent that died
    // mid-order (lego is stopped after 5 minutes).
    static constexpr qint64 orderStaleAfterMs = 10 * 60 * 1000;

    ChallengeTable(storage::ConnectionProvider &connections, const Clock &clock);

    Status beginOrder(const QString &agentId);
    // Drops the order's row and every answer (one issuer orders at a time).
    void endOrder(const QString &agentId);
    Status put(const QString &token, const QByteArray &answer);
    void drop(const QString &token);

    std::optional<QByteArray> answer(const QString &token);
    bool orderRunning();
    // The answer, waiting up to `wait` for it while an order runs: lego
    // writes a token and tells the authority at once, and the authority may
    // ask before the mirror has copied it. Without an order running a miss
    // answers at once, so nobody can hold a thread with made-up tokens.
    std::optional<QByteArray> awaitAnswer(const QString &token, std::chrono::milliseconds wait,
                                          std::chrono::milliseconds pollEvery = std::chrono::milliseconds(100));
    // Closes the calling thread's connection (a thread about to exit).
    void releaseThreadConnection();

private:
    Status run(const QString &sql, const QString &text);

    storage::ConnectionProvider &m_connections;
    const Clock &m_clock;
};

} // namespace ddd::core::acme
