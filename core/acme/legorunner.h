// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/legocommand.h"

#include <QString>

namespace ddd::core::acme {

// How one lego run ended.
struct LegoOutcome final
{
    bool ok = false;
    QString output; // stdout and stderr together, the last lines only
};

// Runs lego as a child process of the agent, as the agent's own user (never
// the build user: lego holds the ACME account key), with no shell. lego is
// killed after the timeout, and when the agent dies (PR_SET_PDEATHSIG), so
// a restarted agent never races an orphaned lego over the same files.
class LegoRunner final
{
public:
    static constexpr qsizetype maxOutputChars = 4000;

    static LegoOutcome run(const LegoCommand &command, int timeoutMs);
    // The lines worth showing from lego's output: its errors, else the end.
    static QString summary(const QString &output);
};

} // namespace ddd::core::acme
