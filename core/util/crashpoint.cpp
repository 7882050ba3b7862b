// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/crashpoint.h"

#include <QByteArray>
#include <QtGlobal>

#include <csignal>

namespace ddd::core {

void CrashPoint::hit(const char *name)
{
    // Read once: the tests set the variable before starting the agent.
    static const QByteArray target = qgetenv("DDD_CRASH_AT");
    if (!target.isEmpty() && target == name)
        std::raise(SIGKILL);
}

} // namespace ddd::core
