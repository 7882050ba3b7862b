// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/sandboxwatch.h"

#include "core/build/buildcgroup.h"
#include "core/build/linesplitter.h"
#include "core/build/outputmeter.h"

#include <algorithm>
#include <cerrno>
#include <csignal>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ddd::core::build {

namespace {

using std::chrono::milliseconds;

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

SandboxWatch::SandboxWatch(const SandboxSpec &spec, int pid, int output, const BuildCgroup &cgroup)
    : m_spec(spec), m_pid(pid), m_output(output), m_cgroup(cgroup),
      m_deadline(m_started + milliseconds(spec.limits.wallClockMs)), m_nextMeasure(m_started + milliseconds(250))
{
    if (spec.limits.maxOutputBytes <= 0)
        m_nextMeasure = Clock::time_point::max();
}

SandboxExit SandboxWatch::run(const LineSink &onLine, std::stop_token cancel)
{
    // A stop request wakes the poll at once.
    const int wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    const std::stop_callback onStop(cancel, [wake] {
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t n = ::write(wake, &one, sizeof one);
    });
    LineSplitter splitter;
    char buffer[65536];
    for (bool open = true; open;) {
        check(cancel);
        const auto now = Clock::now();
        const auto until = m_killedFor ? now + milliseconds(50) : std::min(m_deadline, m_nextMeasure);
        const auto wait = std::chrono::duration_cast<milliseconds>(until - now).count();
        struct pollfd polled[2] = {{m_output, POLLIN, 0}, {wake, POLLIN, 0}};
        ::poll(polled, 2, int(std::clamp<qint64>(wait + 1, 0, 60'000)));
        quint64 drained = 0;
        [[maybe_unused]] const ssize_t n = ::read(wake, &drained, sizeof drained);
        const ssize_t got = ::read(m_output, buffer, sizeof buffer);
        if (got > 0)
            splitter.feed(buffer, got, onLine);
        else if (got == 0 || (errno != EAGAIN && errno != EINTR))
            open = false;
    }
    ::close(wake);
    splitter.finish(onLine);
    return finish();
}

void SandboxWatch::check(const std::stop_token &cancel)
{
    const auto now = Clock::now();
    if (m_killedFor)
        killTree(*m_killedFor); // again, until the pipe closes
    else if (cancel.stop_requested())
        killTree(SandboxExit::Reason::Cancelled);
    else if (now >= m_deadline)
        killTree(SandboxExit::Reason::TimedOut);
    else if (now >= m_nextMeasure) {
        // At most every 250 ms, and never more than a tenth of the time.
        if (outputTooLarge())
            killTree(SandboxExit::Reason::OutputTooLarge);
        m_nextMeasure = Clock::now() + std::max<Clock::duration>(milliseconds(250), (Clock::now() - now) * 10);
    }
}

void SandboxWatch::killTree(SandboxExit::Reason reason)
{
    if (!m_killedFor)
        m_killedFor = reason;
    // bwrap's death takes the sandbox's pid 1 (parent-death signal) and with
    // it the whole pid namespace; the cgroup catches anything on its way out.
    ::kill(m_pid, SIGKILL);
    m_cgroup.killAll();
}

bool SandboxWatch::outputTooLarge() const
{
    const qint64 cap = m_spec.limits.maxOutputBytes;
    return cap > 0 && OutputMeter::bytesUnder(m_spec.outputDir, cap) > cap;
}

SandboxExit SandboxWatch::finish()
{
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_cgroup.killAndWait(5000);
    SandboxExit exit = exitFromStatus(status);
    if (m_killedFor) {
        exit = SandboxExit{};
        exit.reason = *m_killedFor;
        exit.signal = SIGKILL;
    } else if (m_cgroup.oomKilled() && !exit.succeeded()) {
        exit.reason = SandboxExit::Reason::MemoryExceeded;
    } else if (outputTooLarge()) {
        exit.reason = SandboxExit::Reason::OutputTooLarge;
    }
    exit.durationMs = std::chrono::duration_cast<milliseconds>(Clock::now() - m_started).count();
    exit.peakMemoryBytes = m_cgroup.peakMemoryBytes();
    return exit;
}

} // namespace ddd::core::build
