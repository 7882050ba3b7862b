// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/faultdisk.h"

#include "tests/support/commandresult.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace ddd::test {

namespace {

bool run(const QString &program, const QStringList &arguments)
{
    return CommandResult::run(program, arguments, 60000).ok();
}

} // namespace

FaultDisk::FaultDisk(int megabytes)
{
    const QString image = m_directory.path() + u"/disk.img"_qs;
    // -m 0: no blocks reserved for root (the agent runs as root here), so
    // "full" is full for it too.
    m_mounted = m_directory.isValid() && QDir().mkpath(path())
        && run(u"truncate"_qs, {u"-s"_qs, u"%1M"_qs.arg(megabytes), image})
        && run(u"mkfs.ext4"_qs, {u"-q"_qs, u"-m"_qs, u"0"_qs, u"-E"_qs, u"nodiscard"_qs, image}) && mount();
}

FaultDisk::~FaultDisk()
{
    if (m_mounted)
        run(u"umount"_qs, {path()});
}

bool FaultDisk::mount()
{
    if (!run(u"mount"_qs, {u"-o"_qs, u"loop,errors=remount-ro"_qs, m_directory.path() + u"/disk.img"_qs, path()}))
        return false;
    const CommandResult source = CommandResult::run(u"findmnt"_qs, {u"-no"_qs, u"SOURCE"_qs, path()}, 30000);
    m_device = QFileInfo(source.output.trimmed()).fileName();
    return source.ok() && !m_device.isEmpty();
}

qint64 FaultDisk::available() const
{
    return QStorageInfo(path()).bytesAvailable();
}

bool FaultDisk::fillLeaving(qint64 margin)
{
    QFile filler(path() + u"/filler"_qs);
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    const QByteArray chunk(64 * 1024, 'f');
    while (available() > margin + chunk.size())
        if (filler.write(chunk) != chunk.size() || !filler.flush())
            return false;
    // What ext4 has reserved for files still being written shows as used
    // only once the filler is on disk.
    filler.close();
    ::sync();
    return true;
}

void FaultDisk::freeSpace()
{
    QFile::remove(path() + u"/filler"_qs);
    ::sync();
}

bool FaultDisk::makeReadOnly()
{
    QFile trigger(u"/sys/fs/ext4/%1/trigger_fs_error"_qs.arg(m_device));
    if (!trigger.open(QIODevice::WriteOnly) || trigger.write("1") != 1)
        return false;
    trigger.close();
    for (int i = 0; i < 100 && !isReadOnly(); ++i)
        QThread::msleep(50);
    return isReadOnly();
}

bool FaultDisk::isReadOnly() const
{
    const QByteArray probe = QFile::encodeName(path() + u"/.probe"_qs);
    const int fd = ::open(probe.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        ::unlink(probe.constData());
        return false;
    }
    return errno == EROFS;
}

bool FaultDisk::repair()
{
    if (!run(u"umount"_qs, {path()}))
        return false;
    m_mounted = false;
    // e2fsck exits 1 when it corrected the error the trigger recorded.
    const int fsck = CommandResult::run(u"e2fsck"_qs, {u"-fy"_qs, m_directory.path() + u"/disk.img"_qs}, 60000).exitCode;
    if (fsck != 0 && fsck != 1)
        return false;
    m_mounted = mount();
    return m_mounted && !isReadOnly();
}

} // namespace ddd::test
