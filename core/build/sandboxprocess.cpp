// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/sandboxprocess.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ddd::core::build {

namespace {

// The steps of the child, reported to the parent when one fails.
enum Step : int { Session = 1, Streams, Cgroup, Mounts, Limits, Privileges, NoNewPrivs, Descriptors, Exec };

const char *stepName(int step)
{
    switch (step) {
    case Session: return "new session";
    case Streams: return "output redirection";
    case Cgroup: return "joining the cgroup";
    case Mounts: return "binding the source and output folders";
    case Limits: return "resource limits";
    case Privileges: return "dropping to the build user";
    case NoNewPrivs: return "no_new_privs";
    case Descriptors: return "closing descriptors";
    default: return "starting bubblewrap";
    }
}

// Everything the child needs, made before fork: after fork only system
// calls run (the agent has other threads; malloc could deadlock).
struct Prepared final
{
    std::vector<char *> argv;
    QByteArray stage, stageSrc, stageOut, hostSrc, hostOut;
    int devNull = -1;
    int errorPipe = -1;
    int lastCap = 40;
    pid_t parent = 0;
};

[[noreturn]] void fail(const Prepared &p, int step)
{
    const int report[2] = {step, errno};
    [[maybe_unused]] const ssize_t n = ::write(p.errorPipe, report, sizeof report);
    ::_exit(127);
}

void bindFolders(const Prepared &p)
{
    const unsigned long plain = MS_NOSUID | MS_NODEV;
    if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
        || ::mount("ddd-sandbox", p.stage.constData(), "tmpfs", plain | MS_NOEXEC, "mode=0711,size=65536") != 0
        || ::mkdir(p.stageSrc.constData(), 0755) != 0 || ::mkdir(p.stageOut.constData(), 0755) != 0
        || ::mount(p.hostSrc.constData(), p.stageSrc.constData(), nullptr, MS_BIND, nullptr) != 0
        || ::mount(nullptr, p.stageSrc.constData(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY | plain, nullptr) != 0
        || ::mount(p.hostOut.constData(), p.stageOut.constData(), nullptr, MS_BIND, nullptr) != 0)
        fail(p, Mounts);
}

void setLimits(const Prepared &p, const SandboxProcess::Plan &plan)
{
    const auto set = [&](int resource, rlim_t value) {
        const struct rlimit limit{value, value};
        if (::setrlimit(resource, &limit) != 0)
            fail(p, Limits);
    };
    set(RLIMIT_NPROC, rlim_t(plan.maxProcesses));
    set(RLIMIT_FSIZE, rlim_t(plan.maxFileBytes));
    set(RLIMIT_CORE, 0);
    set(RLIMIT_NOFILE, 4096);
}

void dropPrivileges(const Prepared &p, const SandboxProcess::Drop &to)
{
    for (int cap = 0; cap <= p.lastCap; ++cap)
        if (::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL)
            fail(p, Privileges);
    if (::syscall(SYS_setgroups, 0, nullptr) != 0 || ::syscall(SYS_setresgid, to.gid, to.gid, to.gid) != 0
        || ::syscall(SYS_setresuid, to.uid, to.uid, to.uid) != 0)
        fail(p, Privileges);
    // Leaving uid 0 empties the capability sets; say so explicitly anyway,
    // and prove that the way back is closed.
    struct __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2] = {};
    if (::syscall(SYS_capset, &header, data) != 0 || ::syscall(SYS_setresuid, 0, 0, 0) == 0 || ::geteuid() == 0)
        fail(p, Privileges);
}

void keepOnly(const Prepared &p, const std::vector<int> &passFds)
{
    // Every descriptor the agent has (sockets, the database) closes at exec;
    // only those bwrap reads survive it.
    if (::syscall(SYS_close_range, 3u, ~0u, 4u /* CLOSE_RANGE_CLOEXEC */) != 0)
        fail(p, Descriptors);
    for (const int fd : passFds)
        if (::fcntl(fd, F_SETFD, 0) != 0)
            fail(p, Descriptors);
}

[[noreturn]] void childMain(const Prepared &p, const SandboxProcess::Plan &plan)
{
    if (::setsid() < 0)
        fail(p, Session);
    if (::dup2(p.devNull, 0) < 0 || ::dup2(plan.outputFd, 1) < 0 || ::dup2(plan.outputFd, 2) < 0)
        fail(p, Streams);
    for (const int fd : plan.cgroupProcsFds)
        if (::write(fd, "0", 1) != 1)
            fail(p, Cgroup);
    if (!p.stage.isEmpty())
        bindFolders(p);
    setLimits(p, plan);
    if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0)
        fail(p, Privileges);
    if (plan.dropTo)
        dropPrivileges(p, *plan.dropTo);
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        fail(p, NoNewPrivs);
    // Dies with the agent; the check closes the window before the prctl.
    if (::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0 || ::getppid() != p.parent)
        fail(p, NoNewPrivs);
    keepOnly(p, plan.passFds);
    char *const emptyEnvironment[] = {nullptr};
    ::execve(p.argv[0], p.argv.data(), emptyEnvironment);
    fail(p, Exec);
}

int lastCapability()
{
    QFile file(u"/proc/sys/kernel/cap_last_cap"_qs);
    bool ok = false;
    const int value = file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt(&ok) : 0;
    return ok ? value : 63;
}

Error unavailable(const QString &message)
{
    return Error::make(u"build.sandbox_unavailable"_qs, message);
}

} // namespace

Result<int> SandboxProcess::start(const Plan &plan)
{
    Prepared p;
    for (const QByteArray &arg : plan.argv)
        p.argv.push_back(const_cast<char *>(arg.constData()));
    p.argv.push_back(nullptr);
    if (!plan.stageDir.isEmpty()) {
        p.stage = plan.stageDir;
        p.stageSrc = plan.stageDir + "/src";
        p.stageOut = plan.stageDir + "/out";
        p.hostSrc = plan.sourcePath;
        p.hostOut = plan.outputPath;
    }
    p.lastCap = lastCapability();
    p.parent = ::getpid();
    int errorPipe[2];
    p.devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (p.devNull < 0 || ::pipe2(errorPipe, O_CLOEXEC) != 0)
        return unavailable(QStringLiteral("Cannot prepare the sandbox: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    p.errorPipe = errorPipe[1];
    const pid_t pid = ::fork();
    if (pid == 0)
        childMain(p, plan);
    const int forkError = errno;
    ::close(errorPipe[1]);
    ::close(p.devNull);
    if (pid < 0) {
        ::close(errorPipe[0]);
        return unavailable(QStringLiteral("Cannot fork: %1").arg(QString::fromLocal8Bit(std::strerror(forkError))));
    }
    int report[2] = {0, 0};
    ssize_t got;
    do
        got = ::read(errorPipe[0], report, sizeof report);
    while (got < 0 && errno == EINTR);
    ::close(errorPipe[0]);
    if (got <= 0)
        return int(pid); // the exec closed the pipe: bwrap runs
    ::waitpid(pid, nullptr, 0);
    return unavailable(QStringLiteral("The sandbox could not be set up (%1): %2")
                           .arg(QString::fromLatin1(stepName(report[0])),
                                QString::fromLocal8Bit(std::strerror(report[1]))));
}

} // namespace ddd::core::build
