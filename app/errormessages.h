// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ddd::app {

// What the user reads about an error: what happened, and what to do next.
// Codes, addresses of API calls and hashes are for support, not for reading:
// they go to `details`, which the message bar shows behind a disclosure.
// `condition` names a state that outlives the call ("agent.unreachable"):
// the banner goes away by itself once that state ends.
struct UserMessage
{
    QString what;
    QString next;
    QString details = {};
    QString condition = {};
    QString text() const { return next.isEmpty() ? what : what + u"\n\n"_qs + next; }
};

// Maps stable error codes (the agent's and the client's) to translated text.
// The agent's English message is shown only for codes this table lacks.
class ErrorMessages final
{
    Q_DECLARE_TR_FUNCTIONS(ErrorMessages)

public:
    static UserMessage describe(const core::Error &error);
    // The same, led by what the user tried, in their words ("v4 of Shop
    // could not go live."), so the message names the thing they know.
    static UserMessage describe(const core::Error &error, const QString &attempt);
    // The condition of an unreachable agent (UserMessage::condition).
    static QString unreachable() { return u"agent.unreachable"_qs; }
    static QStringList knownCodes();
};

} // namespace ddd::app
