// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::cli {

// Reads one line from stdin before any network call (so blocking is
// harmless): asks on stderr when stdin is a terminal, without echo for
// secrets; from a pipe it just reads the line (`--password-stdin`).
class Prompt final
{
public:
    static QString line(const QString &question, bool secret);
    static bool stdinIsTerminal();
};

} // namespace ddd::cli
