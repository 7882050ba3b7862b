// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::agent {

// Structured logging: one JSON object per line on stderr with time, level,
// category and message. Nothing the agent logs carries request headers,
// passwords or tokens: request lines record method, route pattern, status,
// duration and client address only.
class LogSink final
{
public:
    // Installs the Qt message handler and the category filter for `level`
    // (debug, info, warning, error).
    static void install(const QString &level);
};

} // namespace ddd::agent
