// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace ddd::core::build {

// Where a build's log lines go. The implementation (BuildLog) redacts every
// line, keeps the file under the size cap and feeds live readers; the engine
// only writes. Lines carry no trailing newline.
class BuildLogSink
{
public:
    virtual ~BuildLogSink() = default;
    // Output of the generator.
    virtual void output(const QByteArray &line) = 0;
    // The agent's own lines ("== build: hugo --minify -d /out").
    virtual void note(const QByteArray &line) = 0;
};

} // namespace ddd::core::build
