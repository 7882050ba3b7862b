// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/headscanner.h"

#include <algorithm>
#include <cstring>

namespace ddd::agent::http {

namespace {

bool endsCrlf(std::string_view bytes, qsizetype at)
{
    return at >= 1 && bytes[at] == '\n' && bytes[at - 1] == '\r';
}

} // namespace

HeadScanner::HeadScanner(qsizetype maxTargetBytes, qsizetype maxHeaderBytes)
    : m_maxTargetBytes(maxTargetBytes), m_maxHeaderBytes(maxHeaderBytes)
{
}

HeadScanner::Verdict HeadScanner::scan(std::string_view received)
{
    // Bytes past the header limit can never belong to an acceptable head.
    const qsizetype end = std::min<qsizetype>(received.size(), m_maxHeaderBytes);
    for (; m_examined < end && m_lineEnd < 0; ++m_examined)
        examineRequestLine(received, m_examined);
    while (m_examined < end && m_headEnd < 0) {
        examineField(received, m_examined);
        ++m_examined;
        // Only a line feed and the byte after it can end the head or fold a
        // line: skip to the next line feed instead of looking at each byte.
        if (m_examined < end && received[m_examined - 1] != '\n') {
            const void *lineFeed = std::memchr(received.data() + m_examined, '\n', std::size_t(end - m_examined));
            m_examined = lineFeed ? static_cast<const char *>(lineFeed) - received.data() : end;
        }
    }
    if (targetLength(received.substr(0, std::size_t(end))) > m_maxTargetBytes)
        return Verdict::TargetTooLong;
    if (m_headEnd >= 0)
        return m_obsFold ? Verdict::ObsFold : Verdict::Complete;
    if (qsizetype(received.size()) >= m_maxHeaderBytes)
        return Verdict::HeaderTooLarge;
    return Verdict::NeedMore;
}

void HeadScanner::examineRequestLine(std::string_view received, qsizetype at)
{
    if (received[at] == ' ') {
        if (m_targetStart < 0)
            m_targetStart = at + 1;
        else if (m_targetEnd < 0)
            m_targetEnd = at;
    }
    if (endsCrlf(received, at))
        m_lineEnd = at - 1;
}

void HeadScanner::examineField(std::string_view received, qsizetype at)
{
    const bool lineStart = at >= 2 && received[at - 1] == '\n' && received[at - 2] == '\r';
    if (lineStart && (received[at] == ' ' || received[at] == '\t'))
        m_obsFold = true;
    if (endsCrlf(received, at) && at - 3 >= m_lineEnd && received[at - 2] == '\n'
        && received[at - 3] == '\r')
        m_headEnd = at + 1;
}

qsizetype HeadScanner::targetLength(std::string_view examined) const
{
    if (m_targetStart < 0)
        return 0;
    if (m_targetEnd < 0 && m_lineEnd < 0) {
        // The line is still open: a CR received last may begin the CRLF that
        // ends it, so it does not count yet (otherwise a target of exactly
        // the limit is refused when a read ends between CR and LF).
        const qsizetype size = qsizetype(examined.size());
        const bool crLast = examined.ends_with('\r');
        return std::max<qsizetype>(0, size - (crLast ? 1 : 0) - m_targetStart);
    }
    const qsizetype end = m_targetEnd >= 0 ? m_targetEnd : m_lineEnd;
    return std::max<qsizetype>(0, end - m_targetStart);
}

qsizetype HeadScanner::leadingEmptyLines(std::string_view received)
{
    qsizetype at = 0;
    while (received.substr(at, 2) == "\r\n")
        at += 2;
    return at;
}

} // namespace ddd::agent::http
