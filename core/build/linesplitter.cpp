// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/linesplitter.h"

namespace ddd::core::build {

LineSplitter::LineSplitter(qsizetype maxLine) : m_maxLine(maxLine > 0 ? maxLine : 1) {}

void LineSplitter::feed(const char *data, qsizetype size, const Sink &sink)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] != '\n')
            continue;
        m_pending.append(data + start, i - start);
        emitLine(std::exchange(m_pending, {}), sink);
        start = i + 1;
    }
    m_pending.append(data + start, size - start);
    // Hand on full pieces of an overlong line as they come.
    while (m_pending.size() >= m_maxLine) {
        sink(m_pending.first(m_maxLine));
        m_pending.remove(0, m_maxLine);
    }
}

void LineSplitter::finish(const Sink &sink)
{
    if (!m_pending.isEmpty())
        emitLine(std::exchange(m_pending, {}), sink);
}

void LineSplitter::emitLine(QByteArray line, const Sink &sink) const
{
    if (line.endsWith('\r'))
        line.chop(1);
    for (qsizetype offset = 0; offset < line.size(); offset += m_maxLine)
        sink(line.mid(offset, m_maxLine));
    if (line.isEmpty())
        sink(line);
}

} // namespace ddd::core::build
