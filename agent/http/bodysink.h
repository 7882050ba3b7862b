// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <cstddef>

namespace ddd::agent::http {

// Where a streamed request body goes, chunk by chunk, as it arrives. Upload
// routes hand the server a sink (core's upload, see api/UploadBodySink) so a body is
// never whole in memory. write() failing stops the read and answers the
// error; abort() runs when the client goes away, a limit or deadline is hit,
// or the body is refused before it is read. Calls run on the worker pool, one
// at a time, never two at once. After finish() (successful or not) nothing
// else is called. A sink destroyed without finish() or abort() (the server
// stopped mid-body) must discard what it received in its destructor.
class BodySink
{
public:
    virtual ~BodySink() = default;
    virtual core::Status write(const char *data, std::size_t size) = 0;
    virtual core::Status finish() = 0;
    virtual void abort() = 0;
};

} // namespace ddd::agent::http
