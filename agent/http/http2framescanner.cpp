// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/http2framescanner.h"

#include <algorithm>

namespace ddd::agent::http {

namespace {

constexpr std::uint8_t headersType = 0x1;
constexpr std::uint8_t continuationType = 0x9;
constexpr std::uint8_t endHeadersFlag = 0x4;

} // namespace

Http2FrameScanner::Http2FrameScanner(qint64 maxBlockBytes, int maxBlockFrames)
    : m_maxBlockBytes(maxBlockBytes), m_maxBlockFrames(maxBlockFrames)
{
}

bool Http2FrameScanner::scan(const std::uint8_t *data, std::size_t size)
{
    while (size > 0 && !m_flood) {
        std::size_t step = 0;
        if (m_prefaceLeft > 0) {
            step = std::min(size, m_prefaceLeft);
            m_prefaceLeft -= step;
        } else if (m_payloadLeft > 0) {
            step = std::size_t(std::min<std::uint64_t>(size, m_payloadLeft));
            m_payloadLeft -= step;
        } else {
            step = std::min(size, m_header.size() - m_headerFill);
            std::copy(data, data + step, m_header.begin() + std::ptrdiff_t(m_headerFill));
            m_headerFill += step;
            if (m_headerFill == m_header.size()) {
                m_headerFill = 0;
                onFrameHeader();
            }
        }
        data += step;
        size -= step;
    }
    return !m_flood;
}

void Http2FrameScanner::onFrameHeader()
{
    const std::uint32_t length = std::uint32_t(m_header[0]) << 16 | std::uint32_t(m_header[1]) << 8 | m_header[2];
    const std::uint8_t type = m_header[3];
    const bool endsBlock = m_header[4] & endHeadersFlag;
    m_payloadLeft = length;
    if (type == headersType) {
        m_inBlock = !endsBlock;
        m_blockBytes = length;
        m_blockFrames = 1;
    } else if (type == continuationType && m_inBlock) {
        m_blockBytes += length;
        ++m_blockFrames;
        m_inBlock = !endsBlock;
    } else {
        return;
    }
    m_flood = m_blockBytes > m_maxBlockBytes || m_blockFrames > m_maxBlockFrames;
}

} // namespace ddd::agent::http
