// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ddd::agent {

// Structured logging: one JSON object per line on stderr with time, level,
// category and message. Nothing the agent logs carries request headers,
// passwords or tokens. Request lines come from AccessLog, batched.
class LogSink final
{
public:
    // Installs the Qt message handler and the category filter for `level`
    // (debug, info, warning, error).
    static void install(const QString &level);
    // Writes complete lines to stderr, never interleaved with other log
    // lines (the access log's batches go this way).
    static void writeLines(const QByteArray &lines);
};

} // namespace ddd::agent
