// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

namespace ddd::core::blobs {

// <dataRoot>/sweep.lock, an flock(2) shared between processes: garbage
// collection (the only thing that deletes blobs of the store) is the writer,
// `ddd-agent backup` and `ddd-agent check` are readers. A reader holds the
// lock from its database snapshot until it has read the last blob, so every
// blob the snapshot references is still there when it is read. The collector
// only ever tries (never waits): uploads wait on it, and a backup may take
// minutes. What it could not collect it collects next time.
class SweepLock final
{
public:
    SweepLock(SweepLock &&other) noexcept;
    SweepLock &operator=(SweepLock &&other) = delete;
    SweepLock(const SweepLock &) = delete;
    SweepLock &operator=(const SweepLock &) = delete;
    ~SweepLock();

    // Waits for a running sweep to finish (readers share the lock).
    static Result<SweepLock> read(const QString &dataRoot);
    // Returns an unlocked SweepLock (held() false) while any reader holds it.
    static Result<SweepLock> trySweep(const QString &dataRoot);
    static QString path(const QString &dataRoot);

    bool held() const { return m_fd >= 0; }

private:
    explicit SweepLock(int fd) : m_fd(fd) {}

    int m_fd = -1;
};

} // namespace ddd::core::blobs
