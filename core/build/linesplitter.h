// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

#include <functional>

namespace ddd::core::build {

// Cuts a byte stream (a build's merged stdout and stderr) into lines without
// the newline. A line longer than the maximum is handed on in pieces of the
// maximum size, so one endless line cannot grow memory without bound. A
// trailing "\r" (CRLF output) is dropped.
class LineSplitter final
{
public:
    using Sink = std::function<void(const QByteArray &line)>;

    explicit LineSplitter(qsizetype maxLine = 64 * 1024);

    void feed(const char *data, qsizetype size, const Sink &sink);
    // The unterminated rest at the end of the stream, if any.
    void finish(const Sink &sink);

private:
    void emitLine(QByteArray line, const Sink &sink) const;

    QByteArray m_pending;
    const qsizetype m_maxLine;
};

} // namespace ddd::core::build
