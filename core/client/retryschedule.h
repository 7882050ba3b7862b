// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>

#include <chrono>
#include <functional>

class QTimer;

namespace ddd::core::client {

// The retry budget of one resumable upload (blobs or archive pieces): a fixed
// list of waits, one per attempt, shared by the retries that wait (a dropped
// connection) and the ones that resume at once (the agent named the offset to
// continue from). Progress resets it; once it is spent, the upload fails.
class RetrySchedule final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetrySchedule)

public:
    explicit RetrySchedule(QObject *parent = nullptr);

    void setDelays(QList<std::chrono::milliseconds> delays) { m_delays = std::move(delays); }
    // Attempts used since the last reset().
    int attempts() const { return m_attempt; }
    // Uses one attempt for a retry that needs no wait; false when none is left.
    bool takeImmediate();
    // Uses one attempt and runs `again` after its delay; false when none is left.
    bool later(std::function<void()> again);
    // Drops a pending retry.
    void stop();
    // Something went through: the next failure starts from the first delay.
    void reset() { m_attempt = 0; }

private:
    QList<std::chrono::milliseconds> m_delays;
    QTimer *m_timer;
    std::function<void()> m_again;
    int m_attempt = 0;
};

} // namespace ddd::core::client
