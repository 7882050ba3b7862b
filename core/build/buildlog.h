// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/buildlogsink.h"
#include "core/build/logredactor.h"
#include "core/util/result.h"

#include <QByteArray>

#include <mutex>

namespace ddd::core::storage {
class BuildLogStore;
}

namespace ddd::core::build {

// The log of a build this agent runs: every line (the generator's and the
// agent's own) is redacted and held until ship() writes the lines so far
// to the database as one chunk, which every agent's followers read. Past
// `maxBytes` one "log truncated" note is kept and the rest is dropped.
// Thread-safe.
class BuildLog final : public BuildLogSink
{
public:
    BuildLog(qint64 buildId, qint64 maxBytes, LogRedactor redactor);

    void output(const QByteArray &line) override;
    void note(const QByteArray &line) override;
    qint64 bytes() const;

    // Writes the lines not yet written as the next chunk; answers whether
    // it wrote any. Lines a failed write could not store are kept for the
    // next call; when the build's row is gone they are dropped.
    Result<bool> ship(storage::BuildLogStore &store);

    // The last `lines` lines of `text` (all of it when `lines` < 0).
    static QByteArray lastLines(const QByteArray &text, int lines);

private:
    void append(const QByteArray &line);

    const qint64 m_buildId;
    const qint64 m_maxBytes;
    const LogRedactor m_redactor;
    mutable std::mutex m_mutex;
    QByteArray m_unshipped;
    qint64 m_nextSeq = 1;
    qint64 m_bytes = 0;
    bool m_truncated = false;
    std::mutex m_shipping; // one chunk at a time, in order
};

} // namespace ddd::core::build
