// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace ddd::test {

// A small ext4 file system on a loop device for one test, mounted with
// errors=remount-ro. It fails the two ways a real data root does: full
// (a filler file takes the space) and read-only (the kernel's own
// emergency remount after an error, injected with ext4's trigger_fs_error,
// which takes effect even while the agent holds files open for writing,
// unlike `mount -o remount,ro`). Needs root.
class FaultDisk final
{
public:
    explicit FaultDisk(int megabytes);
    ~FaultDisk();

    bool mounted() const { return m_mounted; }
    QString path() const { return m_directory.path() + u"/mnt"_qs; }
    qint64 available() const;

    bool fillLeaving(qint64 margin);
    void freeSpace();
    // The kernel remounts the file system read-only, as after an I/O error.
    bool makeReadOnly();
    bool isReadOnly() const;
    // What an operator does once the cause is fixed, with the agent
    // stopped: unmount, e2fsck, mount again read-write.
    bool repair();

private:
    bool mount();
    QTemporaryDir m_directory;
    QString m_device;
    bool m_mounted = false;
};

} // namespace ddd::test
