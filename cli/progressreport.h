// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/output.h"

#include <QString>

namespace ddd::cli {

// An upload's progress: a bar redrawn in place on a terminal; on a pipe or
// in a CI log, a plain line at each tenth, so logs stay short; nothing with
// --json (stdout holds one document).
class ProgressReport final
{
public:
    explicit ProgressReport(const Output &output);

    void update(qint64 sent, qint64 total);
    // Ends the bar's line.
    void done();

private:
    const Output &m_output;
    int m_lastTenth = -1;
    bool m_drawn = false;
};

} // namespace ddd::cli
