// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http (a _p.h: it includes nghttp2's header).
#include <nghttp2/nghttp2.h>

#include <cstddef>
#include <cstdint>

namespace ddd::agent::http {

// nghttp2's data provider for an Http2Stream's body: it copies at most one
// frame's worth at a time, as the flow-control windows allow, from memory,
// from the file at its offset (pread, so no shared file position and no
// whole-file buffer), or from a live ResponseStream, deferring while the
// stream has nothing new.
class Http2BodySource final
{
public:
    static ssize_t read(nghttp2_session *session, std::int32_t streamId, std::uint8_t *buffer, std::size_t length,
                        std::uint32_t *flags, nghttp2_data_source *source, void *user);
};

} // namespace ddd::agent::http
