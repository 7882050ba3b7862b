// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

#include <string_view>

namespace ddd::agent::http {

// Watches the bytes of one request head as they arrive, before the parser
// sees them, for what the parser cannot report: where the head ends, a
// request target over its limit (414 rather than 431, even while the line is
// still arriving) and obs-fold, which Beast silently unfolds (RFC 9112 §5.2
// lets a server reject it; so do we). Each byte is examined once, so a client
// trickling one byte at a time costs linear work.
class HeadScanner final
{
public:
    enum class Verdict { NeedMore, Complete, TargetTooLong, HeaderTooLarge, ObsFold };

    HeadScanner(qsizetype maxTargetBytes, qsizetype maxHeaderBytes);

    // `received` is everything read for this request so far, from its first
    // byte; each call must pass a longer (or equal) prefix of the same bytes.
    Verdict scan(std::string_view received);
    // The size of the head including its final empty line, once Complete.
    qsizetype headSize() const { return m_headEnd; }

    // Empty lines before a request line, which RFC 9112 §2.2 says to ignore.
    static qsizetype leadingEmptyLines(std::string_view received);

private:
    void examineRequestLine(std::string_view received, qsizetype at);
    void examineField(std::string_view received, qsizetype at);
    qsizetype targetLength(std::string_view examined) const;

    qsizetype m_maxTargetBytes;
    qsizetype m_maxHeaderBytes;
    qsizetype m_examined = 0;
    qsizetype m_targetStart = -1;
    qsizetype m_targetEnd = -1;
    qsizetype m_lineEnd = -1;
    qsizetype m_headEnd = -1;
    bool m_obsFold = false;
};

} // namespace ddd::agent::http
