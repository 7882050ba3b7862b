// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QThread>

#include <atomic>

namespace ddd::test {

// A webhook receiver on 127.0.0.1 on a thread of its own (so it answers
// while the test thread blocks in an API call): it records each request
// and answers the next queued status (then 200). A status of 0 holds the
// connection open without answering (an attempt in flight).
class WebhookReceiver final : public QThread
{
public:
    struct Request final
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
    };

    WebhookReceiver();
    ~WebhookReceiver() override;

    bool listen();
    QString url(const QString &path = u"/hook"_qs) const;
    void queueStatuses(const QList<int> &statuses);
    void setDefaultStatus(int status);
    QList<Request> requests() const;
    qsizetype count() const;
    // Spins the caller's event loop until `n` requests arrived.
    bool waitForCount(qsizetype n, int timeoutMs = 20000) const;

protected:
    void run() override;

private:
    int nextStatus();
    void record(Request request);

    mutable QMutex m_mutex;
    QList<Request> m_requests;
    QList<int> m_statuses;
    int m_default = 200;
    std::atomic<quint16> m_port = 0;
    std::atomic<bool> m_ready = false;
};

} // namespace ddd::test
