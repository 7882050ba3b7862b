// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/upload/upload.h"
#include "core/util/gzipinflater.h"

#include <limits>
#include <memory>

namespace ddd::core::upload {

// A body sent with `Content-Encoding: gzip`: decoded chunk by chunk on its
// way into `inner`, which sees only the decoded bytes (for a blob of the
// incremental protocol, its size limit and offsets count those). A damaged
// or truncated stream is `request.invalid_encoding`; whatever `inner` kept
// of the decoded bytes is its business, as for any aborted body.
template<typename T>
class InflatingUpload final : public Upload<T>
{
public:
    explicit InflatingUpload(std::unique_ptr<Upload<T>> inner,
                             qint64 maxDecodedBytes = std::numeric_limits<qint64>::max())
        : m_inner(std::move(inner)),
          m_inflater(maxDecodedBytes, [this](QByteArrayView decoded) { return m_inner->write(decoded); })
    {
    }

    Status write(QByteArrayView chunk) override { return m_inflater.write(chunk); }
    Status finish() override
    {
        if (Status ended = m_inflater.finish(); !ended) {
            m_inner->abort();
            return ended;
        }
        return m_inner->finish();
    }
    void abort() override { m_inner->abort(); }
    Result<T> complete() override { return m_inner->complete(); }

private:
    std::unique_ptr<Upload<T>> m_inner;
    GzipInflater m_inflater;
};

} // namespace ddd::core::upload
