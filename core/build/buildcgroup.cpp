// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildcgroup.h"

#include <QFile>
#include <QList>
#include <QStringList>

#include <cerrno>
#include <chrono>
#include <optional>
#include <thread>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ddd::core::build {

namespace {

// Small whole-file reads and writes: cgroup files are tiny and each write
// must be a single write(2) for the kernel to take it as one value.
QByteArray readSmall(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray data;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        data.append(buffer, n);
    ::close(fd);
    return data;
}

bool writeSmall(const QByteArray &path, const QByteArray &value)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, value.constData(), size_t(value.size())) == value.size();
    ::close(fd);
    return ok;
}

bool exists(const QByteArray &path)
{
    return ::access(path.constData(), F_OK) == 0;
}

bool makeDir(const QByteArray &path)
{
    return ::mkdir(path.constData(), 0755) == 0 || errno == EEXIST;
}

QByteArray parentOf(const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash <= 0 ? QByteArray("/") : path.left(slash);
}

QByteArray join(const QByteArray &a, const QByteArray &b)
{
    return a.endsWith('/') ? a + b : a + '/' + b;
}

// The value after `key` in a "key value" file (memory.events, oom_control).
qint64 keyedValue(const QByteArray &text, const QByteArray &key)
{
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() == 2 && parts[0] == key)
            return parts[1].toLongLong();
    }
    return 0;
}

// The directory of this process's own group in one hierarchy: the mount
// point from mountinfo (fstype cgroup2, or cgroup with the controller among
// its super options) joined with the path in /proc/self/cgroup.
std::optional<QByteArray> ownGroupDir(const QByteArray &controller)
{
    const bool v2 = controller.isEmpty();
    QByteArray mountPoint, mountRoot;
    for (const QByteArray &line : readSmall("/proc/self/mountinfo").split('\n')) {
        const QList<QByteArray> halves = QByteArray(line).replace(" - ", "\n").split('\n');
        if (halves.size() != 2)
            continue;
        const QList<QByteArray> left = halves[0].split(' ');
        const QList<QByteArray> right = halves[1].split(' ');
        if (left.size() < 5 || right.size() < 3)
            continue;
        const bool match = v2 ? right[0] == "cgroup2"
                              : right[0] == "cgroup" && right[2].split(',').contains(controller);
        if (match) {
            mountRoot = left[3];
            mountPoint = left[4];
            break;
        }
    }
    if (mountPoint.isEmpty())
        return std::nullopt;
    for (const QByteArray &line : readSmall("/proc/self/cgroup").split('\n')) {
        const QList<QByteArray> parts = line.split(':');
        if (parts.size() < 3)
            continue;
        const bool match = v2 ? parts[0] == "0" && parts[1].isEmpty() : parts[1].split(',').contains(controller);
        if (!match)
            continue;
        QByteArray own = line.mid(parts[0].size() + parts[1].size() + 2);
        if (mountRoot != "/" && own.startsWith(mountRoot))
            own = own.mid(mountRoot.size());
        return join(mountPoint, own.startsWith('/') ? own.mid(1) : own);
    }
    return std::nullopt;
}

// Run groups are named "<agent pid>-<n>"; those of an agent that is gone
// (a crash) are removed. rmdir only succeeds on an empty group.
void removeStaleRuns(const QByteArray &base)
{
    DIR *dir = ::opendir(base.constData());
    if (!dir)
        return;
    while (const struct dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        const qsizetype dash = name.indexOf('-');
        bool numeric = false;
        const pid_t pid = pid_t(name.left(dash).toInt(&numeric));
        if (dash > 0 && numeric && pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH)
            ::rmdir(join(base, name).constData());
    }
    ::closedir(dir);
}

bool hasControllers(const QByteArray &dir, const QList<QByteArray> &wanted)
{
    const QList<QByteArray> enabled = readSmall(join(dir, "cgroup.subtree_control")).simplified().split(' ');
    for (const QByteArray &c : wanted)
        if (!enabled.contains(c))
            return false;
    return true;
}

void enableControllers(const QByteArray &dir)
{
    // One at a time: a single write fails as a whole if one is unavailable.
    for (const char *c : {"+memory", "+pids", "+cpu"})
        writeSmall(join(dir, "cgroup.subtree_control"), c);
}

} // namespace

std::unique_ptr<BuildCgroup> BuildCgroup::create(const QString &parentName, const QString &runName,
                                                 const Limits &limits)
{
    std::unique_ptr<BuildCgroup> group(new BuildCgroup);
    group->setUpV2(QFile::encodeName(parentName), QFile::encodeName(runName), limits);
    group->setUpV1(QFile::encodeName(parentName), QFile::encodeName(runName), limits);
    return group;
}

// A delegated v2 group (systemd Delegate=yes) that holds the agent cannot
// give its children controllers ("no internal processes"). The way systemd
// documents: the agent moves itself into a leaf, "supervisor", and builds
// go beside it. Never done at a hierarchy's root or without the controllers.
static std::optional<QByteArray> leaveDelegatedGroup(const QByteArray &own)
{
    if (own.endsWith("/supervisor") || !exists(join(own, "cgroup.type"))
        || hasControllers(own, {"memory", "pids"}))
        return own;
    const QList<QByteArray> available = readSmall(join(own, "cgroup.controllers")).simplified().split(' ');
    if (!available.contains("memory") || !available.contains("pids"))
        return own;
    const QByteArray leaf = join(own, "supervisor");
    if (!makeDir(leaf) || !writeSmall(join(leaf, "cgroup.procs"), QByteArray::number(::getpid())))
        return own;
    return leaf;
}

void BuildCgroup::setUpV2(const QByteArray &parentName, const QByteArray &runName, const Limits &limits)
{
    std::optional<QByteArray> own = ownGroupDir({});
    if (!own)
        return;
    own = leaveDelegatedGroup(*own);
    // A group with processes cannot hand controllers to children (except the
    // root), so systemd's DelegateSubgroup=supervisor layout uses the parent.
    QList<QByteArray> candidates{*own};
    if (own->endsWith("/supervisor"))
        candidates.prepend(parentOf(*own));
    for (const QByteArray &candidate : candidates) {
        const QByteArray base = join(candidate, parentName);
        if (!makeDir(base))
            continue;
        if (!hasControllers(candidate, {"memory", "pids"}))
            enableControllers(candidate);
        enableControllers(base);
        removeStaleRuns(base);
        const QByteArray dir = join(base, runName);
        if (!makeDir(dir) || !addGroup(dir))
            continue;
        if (exists(join(dir, "cgroup.kill")))
            m_killFile = join(dir, "cgroup.kill");
        if (writeSmall(join(dir, "memory.max"), QByteArray::number(limits.memoryBytes))) {
            writeSmall(join(dir, "memory.swap.max"), "0");
            m_memoryDir = dir;
            m_memoryVersion = 2;
        }
        if (writeSmall(join(dir, "pids.max"), QByteArray::number(limits.maxProcesses)))
            m_pidsVersion = 2;
        // A lower weight than the agent's: serving stays responsive.
        if (writeSmall(join(base, "cpu.weight"), "50"))
            m_cpuVersion = 2;
        return;
    }
}

void BuildCgroup::setUpV1(const QByteArray &parentName, const QByteArray &runName, const Limits &limits)
{
    for (const QByteArray &controller : {QByteArray("memory"), QByteArray("pids"), QByteArray("cpu")}) {
        const bool needed = (controller == "memory" && m_memoryVersion == 0)
            || (controller == "pids" && m_pidsVersion == 0) || (controller == "cpu" && m_cpuVersion == 0);
        const std::optional<QByteArray> own = needed ? ownGroupDir(controller) : std::nullopt;
        if (!own)
            continue;
        const QByteArray base = join(*own, parentName);
        if (!makeDir(base))
            continue;
        removeStaleRuns(base);
        const QByteArray dir = join(base, runName);
        if (!makeDir(dir) || !addGroup(dir))
            continue;
        if (controller == "memory" && writeSmall(join(dir, "memory.limit_in_bytes"), QByteArray::number(limits.memoryBytes))) {
            // Without this the limit would only push the build into swap.
            writeSmall(join(dir, "memory.memsw.limit_in_bytes"), QByteArray::number(limits.memoryBytes));
            m_memoryDir = dir;
            m_memoryVersion = 1;
        } else if (controller == "pids" && writeSmall(join(dir, "pids.max"), QByteArray::number(limits.maxProcesses))) {
            m_pidsVersion = 1;
        } else if (controller == "cpu" && writeSmall(join(base, "cpu.shares"), "512")) {
            m_cpuVersion = 1;
        }
    }
}

bool BuildCgroup::addGroup(const QByteArray &dir)
{
    const int fd = ::open(join(dir, "cgroup.procs").constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        ::rmdir(dir.constData());
        return false;
    }
    m_groups.push_back({dir, fd});
    return true;
}

BuildCgroup::~BuildCgroup()
{
    killAndWait(5000);
    for (const Group &group : m_groups) {
        ::close(group.procsFd);
        ::rmdir(group.dir.constData());
    }
}

QString BuildCgroup::describe() const
{
    const auto how = [](int version) {
        return version == 0 ? u"not enforced"_qs : QStringLiteral("cgroup v%1").arg(version);
    };
    return QStringLiteral("memory: %1; processes: %2; cpu weight: %3; kill: %4")
        .arg(how(m_memoryVersion), m_pidsVersion == 0 ? u"RLIMIT_NPROC only"_qs : how(m_pidsVersion), how(m_cpuVersion),
             m_killFile.isEmpty() ? u"signals"_qs : u"cgroup.kill"_qs);
}

std::vector<int> BuildCgroup::procsDescriptors() const
{
    std::vector<int> fds;
    for (const Group &group : m_groups)
        fds.push_back(group.procsFd);
    return fds;
}

void BuildCgroup::killAll() const
{
    if (!m_killFile.isEmpty())
        writeSmall(m_killFile, "1");
    for (const Group &group : m_groups)
        for (const QByteArray &pid : readSmall(join(group.dir, "cgroup.procs")).split('\n'))
            if (const int value = pid.toInt(); value > 0)
                ::kill(value, SIGKILL);
}

bool BuildCgroup::empty() const
{
    for (const Group &group : m_groups)
        if (!readSmall(join(group.dir, "cgroup.procs")).trimmed().isEmpty())
            return false;
    return true;
}

bool BuildCgroup::killAndWait(int timeoutMs) const
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!empty()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        killAll();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

bool BuildCgroup::oomKilled() const
{
    if (m_memoryVersion == 2)
        return keyedValue(readSmall(join(m_memoryDir, "memory.events")), "oom_kill") > 0;
    if (m_memoryVersion == 1)
        return keyedValue(readSmall(join(m_memoryDir, "memory.oom_control")), "oom_kill") > 0;
    return false;
}

qint64 BuildCgroup::peakMemoryBytes() const
{
    const QByteArray file = m_memoryVersion == 2 ? "memory.peak" : "memory.max_usage_in_bytes";
    if (m_memoryVersion == 0 || !exists(join(m_memoryDir, file)))
        return -1;
    return readSmall(join(m_memoryDir, file)).trimmed().toLongLong();
}

} // namespace ddd::core::build
