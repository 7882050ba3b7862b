// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/sandboxrunner.h"

#include "core/build/buildcgroup.h"
#include "core/build/builduser.h"
#include "core/build/bwrapcommand.h"
#include "core/build/linesplitter.h"
#include "core/build/outputmeter.h"
#include "core/build/sandboxprocess.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <optional>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ddd::core::build {

namespace {

using Clock = std::chrono::steady_clock;

// Where, in the child's private mount namespace, the two folders are bound
// for the build user (see SandboxProcess). Only ever a mount point.
constexpr const char *kStageDir = "/run/ddd-sandbox";

Error unavailable(const QString &message)
{
    return Error::make(u"build.sandbox_unavailable"_qs, message);
}

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// The descriptors of one run, closed when it ends.
class Descriptors final
{
public:
    Descriptors() = default;
    Descriptors(const Descriptors &) = delete;
    Descriptors &operator=(const Descriptors &) = delete;
    ~Descriptors()
    {
        for (const int fd : m_fds)
            ::close(fd);
    }
    int keep(int fd)
    {
        if (fd >= 0)
            m_fds.push_back(fd);
        return fd;
    }

private:
    std::vector<int> m_fds;
};

// Content for --ro-bind-data: bwrap reads the descriptor to its end.
int dataDescriptor(const QByteArray &content, Descriptors &fds)
{
    const int fd = fds.keep(::memfd_create("ddd-sandbox-data", MFD_CLOEXEC));
    if (fd < 0 || ::write(fd, content.constData(), size_t(content.size())) != content.size()
        || ::lseek(fd, 0, SEEK_SET) != 0)
        return -1;
    return fd;
}

// RLIMIT_NPROC counts every task of the real uid, the agent's own threads
// too when the agent runs the sandbox as itself.
qint64 tasksOf(uid_t uid)
{
    qint64 count = 0;
    const QStringList pids = QDir(u"/proc"_qs).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        struct stat info = {};
        const QByteArray dir = "/proc/" + QFile::encodeName(pid) + "/task";
        if (::stat(dir.constData(), &info) == 0 && info.st_uid == uid)
            count += QDir(QString::fromLatin1(dir)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size();
    }
    return count;
}

// bwrap passes on a command's death by signal N as exit status 128 + N, as
// shells do; both read the same here.
SandboxExit exitFromStatus(int status)
{
    SandboxExit exit;
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (code > 128 && code <= 128 + SIGRTMAX) {
        exit.reason = SandboxExit::Reason::Signalled;
        exit.signal = code - 128;
    } else {
        exit.exitCode = code;
    }
    return exit;
}

} // namespace

struct SandboxRunner::Impl final
{
    struct Run final
    {
        Descriptors fds;
        std::unique_ptr<BuildCgroup> cgroup;
        int output = -1;
        int pid = -1;
    };

    std::mutex mutex;
    bool ready = false;
    QString enforcement;
    std::optional<BuildUser::Account> account; // set when the agent is root
    std::atomic<int> runs{0};

    Status prepare(const Options &options);
    Status trial(const Options &options);
    Status launch(const Options &options, const SandboxSpec &spec, Run &run);
    Result<SandboxExit> execute(const Options &options, const SandboxSpec &spec,
                                const std::function<void(const QByteArray &)> &onLine, std::stop_token cancel);
    SandboxExit watch(const SandboxSpec &spec, Run &run, const std::function<void(const QByteArray &)> &onLine,
                      std::stop_token cancel);
};

SandboxRunner::SandboxRunner(Options options) : m_impl(std::make_unique<Impl>()), m_options(std::move(options)) {}

SandboxRunner::~SandboxRunner() = default;

Status SandboxRunner::probe()
{
    const std::lock_guard lock(m_impl->mutex);
    if (m_impl->ready)
        return {};
    if (Status prepared = m_impl->prepare(m_options); !prepared.ok())
        return prepared;
    if (Status tried = m_impl->trial(m_options); !tried.ok())
        return tried;
    m_impl->ready = true;
    return {};
}

QString SandboxRunner::enforcement() const
{
    const std::lock_guard lock(m_impl->mutex);
    return m_impl->ready ? m_impl->enforcement : QString();
}

Result<SandboxExit> SandboxRunner::run(const SandboxSpec &spec, const std::function<void(const QByteArray &)> &onLine,
                                       std::stop_token cancel)
{
    if (Status ready = probe(); !ready.ok())
        return ready.error();
    return m_impl->execute(m_options, spec, onLine, std::move(cancel));
}

// The checks that need no process: bwrap, the build user, the cgroups.
Status SandboxRunner::Impl::prepare(const Options &options)
{
    if (::access(QFile::encodeName(options.bubblewrap).constData(), X_OK) != 0)
        return unavailable(QStringLiteral("bubblewrap is not installed at %1.").arg(options.bubblewrap));
    QString who = QStringLiteral("the agent's own user (uid %1, not root)").arg(::geteuid());
    if (::geteuid() == 0) {
        Result<BuildUser::Account> user = BuildUser::lookupOrCreate(options.buildUser);
        if (!user.ok())
            return user.error();
        account = user.value();
        if (::mkdir(kStageDir, 0700) != 0 && errno != EEXIST)
            return unavailable(QStringLiteral("Cannot create %1: %2").arg(QString::fromLatin1(kStageDir), lastError()));
        who = QStringLiteral("build user %1 (uid %2)").arg(account->name).arg(account->uid);
    }
    const auto cgroup = BuildCgroup::create(options.cgroupName, QStringLiteral("%1-probe").arg(::getpid()),
                                            {qint64(64) << 20, 16});
    if (account && (!cgroup->limitsMemory() || !cgroup->limitsProcesses()))
        return unavailable(QStringLiteral("No writable cgroup with the memory and pids controllers (v2 delegated or "
                                          "v1) for the agent; builds would run without memory and process limits (%1).")
                               .arg(cgroup->describe()));
    enforcement = QStringLiteral("runs as %1; time: SIGKILL of the sandbox; %2; file size: RLIMIT_FSIZE; "
                                 "output total: watched")
                      .arg(who, cgroup->describe());
    return {};
}

// One real launch of `true`: user namespaces, the mounts and the privilege
// drop all work here, or the reason is known before a user's build fails.
Status SandboxRunner::Impl::trial(const Options &options)
{
    QTemporaryDir source, output;
    if (!source.isValid() || !output.isValid())
        return unavailable(u"Cannot create temporary folders for the sandbox check."_qs);
    SandboxSpec spec;
    spec.argv = QStringList{u"true"_qs};
    spec.sourceDir = source.path();
    spec.outputDir = output.path();
    spec.limits.wallClockMs = 30'000;
    spec.limits.memoryBytes = qint64(64) << 20;
    spec.limits.maxProcesses = 16;
    QByteArrayList lines;
    const auto collect = [&](const QByteArray &line) { lines << line; };
    Result<SandboxExit> exit = execute(options, spec, collect, {});
    if (!exit.ok())
        return exit.error();
    if (!exit->succeeded())
        return unavailable(QStringLiteral("bubblewrap does not work here: %1")
                               .arg(QString::fromUtf8(lines.join(' ')).left(500)));
    return {};
}

Result<SandboxExit> SandboxRunner::Impl::execute(const Options &options, const SandboxSpec &spec,
                                                 const std::function<void(const QByteArray &)> &onLine,
                                                 std::stop_token cancel)
{
    if (spec.argv.isEmpty())
        return unavailable(u"No command to run."_qs);
    Run run;
    if (Status launched = launch(options, spec, run); !launched.ok())
        return launched.error();
    return watch(spec, run, onLine, std::move(cancel));
}

namespace {

// The data bwrap reads from descriptors: the account files and the spec's
// extra files. -1 in any field means it could not be made.
Status addDataFiles(const SandboxSpec &spec, BwrapCommand::Input &input, Descriptors &fds)
{
    input.passwdFd = dataDescriptor(BwrapCommand::passwdFile(), fds);
    input.groupFd = dataDescriptor(BwrapCommand::groupFile(), fds);
    if (input.passwdFd < 0 || input.groupFd < 0)
        return unavailable(QStringLiteral("Cannot prepare the sandbox's account files: %1").arg(lastError()));
    for (const auto &[inside, content] : spec.files) {
        const QString clean = QDir::cleanPath(inside);
        if (!clean.startsWith(u'/') || clean == u"/"_qs || clean.startsWith(u"/src") || clean.startsWith(u"/out"))
            return unavailable(QStringLiteral("A sandbox file must have an absolute path outside /src and /out: %1")
                                   .arg(inside));
        const int fd = dataDescriptor(content, fds);
        if (fd < 0)
            return unavailable(QStringLiteral("Cannot prepare %1 for the sandbox: %2").arg(inside, lastError()));
        input.fileFds.append({clean, fd});
    }
    return {};
}

// Root only: the child drops to the build user and binds the folders it
// cannot reach by path (see SandboxProcess).
SandboxProcess::Plan withDrop(SandboxProcess::Plan plan, const BuildUser::Account &account, const SandboxSpec &spec)
{
    plan.dropTo = SandboxProcess::Drop{account.uid, account.gid};
    plan.stageDir = kStageDir;
    plan.sourcePath = QFile::encodeName(spec.sourceDir);
    plan.outputPath = QFile::encodeName(spec.outputDir);
    return plan;
}

Status startProcess(SandboxProcess::Plan plan, int &pid, int &output, Descriptors &fds)
{
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0)
        return unavailable(QStringLiteral("Cannot make the output pipe: %1").arg(lastError()));
    output = fds.keep(ends[0]);
    ::fcntl(output, F_SETFL, O_NONBLOCK);
    plan.outputFd = ends[1];
    Result<int> started = SandboxProcess::start(plan);
    // Only the sandbox may hold the write end, so EOF means it is gone.
    ::close(ends[1]);
    if (!started.ok())
        return started.error();
    pid = started.value();
    return {};
}

} // namespace

Status SandboxRunner::Impl::launch(const Options &options, const SandboxSpec &spec, Run &run)
{
    const auto openFolder = [&](const QString &path) {
        return run.fds.keep(::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    };
    const int sourceFd = openFolder(spec.sourceDir);
    const int outputFd = openFolder(spec.outputDir);
    if (sourceFd < 0 || outputFd < 0)
        return unavailable(QStringLiteral("The build's folders cannot be opened (%1, %2).").arg(spec.sourceDir, spec.outputDir));
    // /out is the build user's to write and /src its to read (the tree
    // below is made with the usual umask 022); the data root above both
    // stays root's and 0700, so nothing outside the sandbox gains access.
    if (account && (::fchown(outputFd, account->uid, account->gid) != 0 || ::fchmod(sourceFd, 0755) != 0))
        return unavailable(QStringLiteral("Cannot hand the build's folders to the build user: %1").arg(lastError()));
    const QString stage = QString::fromLatin1(kStageDir);
    BwrapCommand::Input input{options.bubblewrap, account ? stage + u"/src"_qs : spec.sourceDir,
                              account ? stage + u"/out"_qs : spec.outputDir};
    if (Status data = addDataFiles(spec, input, run.fds); !data.ok())
        return data;
    const QString runName = QStringLiteral("%1-%2").arg(::getpid()).arg(runs.fetch_add(1));
    run.cgroup = BuildCgroup::create(options.cgroupName, runName, {spec.limits.memoryBytes, spec.limits.maxProcesses});
    if (account && (!run.cgroup->limitsMemory() || !run.cgroup->limitsProcesses()))
        return unavailable(QStringLiteral("The build's cgroup cannot be made (%1).").arg(run.cgroup->describe()));

    SandboxProcess::Plan plan;
    plan.argv = BwrapCommand::arguments(spec, input);
    plan.passFds = {input.passwdFd, input.groupFd};
    for (const auto &file : std::as_const(input.fileFds))
        plan.passFds.push_back(file.second);
    plan.cgroupProcsFds = run.cgroup->procsDescriptors();
    if (account)
        plan = withDrop(std::move(plan), *account, spec);
    // The pids cgroup is the per-build limit; RLIMIT_NPROC (per user, shared
    // by concurrent builds) is only the backstop then.
    plan.maxProcesses = qint64(spec.limits.maxProcesses) * (run.cgroup->limitsProcesses() ? 8 : 1)
        + (account ? 0 : tasksOf(::geteuid()));
    plan.maxFileBytes = spec.limits.maxFileBytes;
    return startProcess(std::move(plan), run.pid, run.output, run.fds);
}

namespace {

// The output cap while the build runs: a walk of /out, repeated at most
// every 250 ms and never taking more than a tenth of the time.
template<typename Kill>
Clock::time_point measureOutput(const SandboxSpec &spec, Clock::time_point now, const Kill &killTree)
{
    const qint64 cap = spec.limits.maxOutputBytes;
    if (cap <= 0)
        return Clock::time_point::max();
    if (OutputMeter::bytesUnder(spec.outputDir, cap) > cap)
        killTree(SandboxExit::Reason::OutputTooLarge);
    const auto cost = Clock::now() - now;
    return Clock::now() + std::max<Clock::duration>(std::chrono::milliseconds(250), cost * 10);
}

// After the pipe closed: reap bwrap, make sure nothing is left in the
// cgroup, and say why the run ended.
SandboxExit finishRun(const SandboxSpec &spec, int pid, const BuildCgroup &cgroup,
                      std::optional<SandboxExit::Reason> killedFor, Clock::time_point started)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    cgroup.killAndWait(5000);
    SandboxExit exit = exitFromStatus(status);
    if (killedFor) {
        exit = SandboxExit{};
        exit.reason = *killedFor;
        exit.signal = SIGKILL;
    } else if (cgroup.oomKilled() && !exit.succeeded()) {
        exit.reason = SandboxExit::Reason::MemoryExceeded;
    } else if (spec.limits.maxOutputBytes > 0
               && OutputMeter::bytesUnder(spec.outputDir, spec.limits.maxOutputBytes) > spec.limits.maxOutputBytes) {
        exit.reason = SandboxExit::Reason::OutputTooLarge;
    }
    exit.durationMs = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    exit.peakMemoryBytes = cgroup.peakMemoryBytes();
    return exit;
}

} // namespace

SandboxExit SandboxRunner::Impl::watch(const SandboxSpec &spec, Run &run,
                                       const std::function<void(const QByteArray &)> &onLine, std::stop_token cancel)
{
    using namespace std::chrono;
    const auto started = Clock::now();
    const auto deadline = started + milliseconds(spec.limits.wallClockMs);
    // A stop request wakes the poll below at once.
    Descriptors fds;
    const int wake = fds.keep(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    const std::stop_callback onStop(cancel, [wake] {
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t n = ::write(wake, &one, sizeof one);
    });
    std::optional<SandboxExit::Reason> killedFor;
    const auto killTree = [&](SandboxExit::Reason reason) {
        if (!killedFor)
            killedFor = reason;
        // bwrap's death takes the sandbox's pid 1 and with it the whole
        // namespace; the cgroup catches anything on its way out.
        ::kill(run.pid, SIGKILL);
        run.cgroup->killAll();
    };
    LineSplitter splitter;
    auto nextMeasure = started + milliseconds(250);
    char buffer[65536];
    for (bool open = true; open;) {
        const auto now = Clock::now();
        if (!killedFor && cancel.stop_requested())
            killTree(SandboxExit::Reason::Cancelled);
        else if (!killedFor && now >= deadline)
            killTree(SandboxExit::Reason::TimedOut);
        else if (!killedFor && now >= nextMeasure)
            nextMeasure = measureOutput(spec, now, killTree);
        else if (killedFor)
            killTree(*killedFor);
        const auto until = killedFor ? now + milliseconds(50) : std::min(deadline, nextMeasure);
        struct pollfd polled[2] = {{run.output, POLLIN, 0}, {wake, POLLIN, 0}};
        ::poll(polled, 2, int(std::max<qint64>(0, duration_cast<milliseconds>(until - now).count()) + 1));
        const ssize_t got = ::read(run.output, buffer, sizeof buffer);
        if (got > 0)
            splitter.feed(buffer, got, onLine);
        else if (got == 0 || (errno != EAGAIN && errno != EINTR))
            open = false;
    }
    splitter.finish(onLine);
    return finishRun(spec, run.pid, *run.cgroup, killedFor, started);
}

} // namespace ddd::core::build
