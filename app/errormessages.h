// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ddd::app {

// What the user reads about an error: what happened, and what to do next.
struct UserMessage
{
    QString what;
    QString next;
    QString text() const { return next.isEmpty() ? what : what + u"\n\n"_qs + next; }
};

// Maps stable error codes (the agent's and the client's) to translated text.
// The agent's English message is shown only for codes this table lacks.
class ErrorMessages final
{
    Q_DECLARE_TR_FUNCTIONS(ErrorMessages)

public:
    static UserMessage describe(const core::Error &error);
    static QStringList knownCodes();
};

} // namespace ddd::app
