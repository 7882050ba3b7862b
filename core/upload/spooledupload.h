// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/upload/archivespool.h"
#include "core/upload/upload.h"

#include <functional>
#include <memory>

namespace ddd::core::upload {

// An archive upload: the body goes into an ArchiveSpool, and complete()
// hands the finished spool to the service that opened the upload (ingest
// into a version or a source). The spool is removed after processing, on
// abort, and when the upload is dropped unfinished.
template<typename T>
class SpooledUpload final : public Upload<T>
{
public:
    using Process = std::function<Result<T>(const ArchiveSpool &)>;

    SpooledUpload(std::unique_ptr<ArchiveSpool> spool, Process process)
        : m_spool(std::move(spool)), m_process(std::move(process))
    {
    }

    Status write(QByteArrayView chunk) override
    {
        return m_spool ? m_spool->append(chunk) : gone();
    }

    Status finish() override
    {
        if (!m_spool)
            return gone();
        Status closed = m_spool->close();
        m_finished = closed.ok();
        return closed;
    }

    void abort() override { m_spool.reset(); }

    Status takeFile(const QString &path) override { return m_spool ? m_spool->adopt(path) : gone(); }

    Result<T> complete() override
    {
        if (!m_spool || !m_finished)
            return gone();
        Result<T> outcome = m_process(*m_spool);
        m_spool.reset();
        return outcome;
    }

private:
    static Error gone()
    {
        return Error::make(u"internal"_qs, u"The upload was aborted or already processed"_qs);
    }

    std::unique_ptr<ArchiveSpool> m_spool;
    Process m_process;
    bool m_finished = false;
};

} // namespace ddd::core::upload
