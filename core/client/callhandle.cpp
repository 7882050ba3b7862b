// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/callhandle.h"

#include "core/client/replydecoder.h"

#include <QNetworkReply>

namespace ddd::core::client {

CallHandle::CallHandle(QNetworkReply *reply) : m_reply(reply) {}

bool CallHandle::isRunning() const
{
    return m_reply && m_reply->isRunning();
}

void CallHandle::cancel()
{
    if (!isRunning())
        return;
    ReplyDecoder::markCancelled(*m_reply);
    m_reply->abort();
}

} // namespace ddd::core::client
