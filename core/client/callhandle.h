// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QPointer>

#include <functional>

class QNetworkReply;

namespace ddd::core::client {

// What every API call answers with, on the caller's context.
template<typename T>
using Callback = std::function<void(Result<T>)>;
using ProgressCallback = std::function<void(qint64 sent, qint64 total)>;

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
