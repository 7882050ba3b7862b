// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/upload/uploadsink.h"

namespace ddd::core::upload {

// An UploadSink that knows what its body becomes: after a successful
// finish(), complete() hands the body to core's processing (ingest into a
// version or a source, or the blob's progress) and answers the outcome. The
// agent calls it once, when it answers the request; an upload whose body
// failed is never completed.
template<typename T>
class Upload : public UploadSink
{
public:
    virtual Result<T> complete() = 0;
};

} // namespace ddd::core::upload
