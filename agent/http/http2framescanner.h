// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

#include <array>
#include <cstddef>
#include <cstdint>

namespace ddd::agent::http {

// Reads the frame headers of the bytes a client sends on an HTTP/2
// connection, before nghttp2 sees them, to catch the CONTINUATION flood
// (CVE-2024-27316 and kin): a header block that never ends, made of many
// (even empty) CONTINUATION frames. nghttp2 1.52 neither limits those nor
// reports them to a callback. Payloads are skipped, never copied.
class Http2FrameScanner final
{
public:
    // A header block longer than `maxBlockBytes` or cut into more than
    // `maxBlockFrames` frames is a flood.
    Http2FrameScanner(qint64 maxBlockBytes, int maxBlockFrames);

    // False once the bytes so far hold a flood.
    bool scan(const std::uint8_t *data, std::size_t size);

private:
    void onFrameHeader();

    const qint64 m_maxBlockBytes;
    const int m_maxBlockFrames;
    std::size_t m_prefaceLeft = 24; // "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
    std::array<std::uint8_t, 9> m_header{};
    std::size_t m_headerFill = 0;
    std::uint64_t m_payloadLeft = 0;
    bool m_inBlock = false;
    qint64 m_blockBytes = 0;
    int m_blockFrames = 0;
    bool m_flood = false;
};

} // namespace ddd::agent::http
