// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QStringList>

class QTimer;

namespace ddd::app {

// Gathers log lines as they stream in and hands them on in batches, at most
// one per interval, so a build printing thousands of lines a second costs
// one text append per batch rather than one per line. Only the last
// `capacity` lines are kept: older ones would scroll out of the view anyway.
class LogBatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogBatcher)

public:
    explicit LogBatcher(int capacity, QObject *parent = nullptr);

    void setInterval(int milliseconds);
    void add(const QStringList &lines);
    // Hands on what is pending now (the stream ended).
    void flush();
    void clear();
    int pendingCount() const { return int(m_pending.size()); }
    // Lines dropped since the last clear() because they fell off the cap.
    qint64 droppedCount() const { return m_dropped; }

signals:
    // `lines` joined with "\n", oldest first.
    void ready(const QString &text, int lineCount);

private:
    int m_capacity;
    QStringList m_pending;
    qint64 m_dropped = 0;
    QTimer *m_timer;
};

} // namespace ddd::app
