// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>

class QNetworkReply;

namespace ddd::core::client {

// A running API call. Copyable and safe to keep after the call ended.
class CallHandle final
{
public:
    CallHandle() = default;
    explicit CallHandle(QNetworkReply *reply);

    bool isRunning() const;
    // Aborts the call; its callback receives `client.cancelled` before this
    // returns. Does nothing once the call has finished.
    void cancel();

private:
    QPointer<QNetworkReply> m_reply;
};

} // namespace ddd::core::client
