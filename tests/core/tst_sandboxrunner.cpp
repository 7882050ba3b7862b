// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The build sandbox with the real bubblewrap, as root (like the agent on a
// VPS and in CI): every limit and every isolation promise of the security
// guide, checked from inside the sandbox and from the host.
#include "core/build/sandboxrunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdio>

#include <unistd.h>

using namespace ddd;
using core::build::SandboxExit;
using core::build::SandboxRunner;
using core::build::SandboxSpec;
using Reason = SandboxExit::Reason;

namespace {

struct Outcome
{
    core::Result<SandboxExit> exit = core::Error::make(u"test.not_run"_qs, {});
    QList<QByteArray> lines;

    bool saw(const QByteArray &needle) const
    {
        return std::any_of(lines.begin(), lines.end(), [&](const QByteArray &l) { return l.contains(needle); });
    }
    Reason reason() const { return exit->reason; }
};

// Host processes whose command line contains the marker.
QList<int> processesWith(const QByteArray &marker)
{
    QList<int> found;
    for (const QString &pid : QDir(u"/proc"_qs).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile cmdline(u"/proc/"_qs + pid + u"/cmdline"_qs);
        bool numeric = false;
        const int value = pid.toInt(&numeric);
        if (numeric && value != ::getpid() && cmdline.open(QIODevice::ReadOnly)
            && cmdline.readAll().replace('\0', ' ').contains(marker))
            found << value;
    }
    return found;
}

QByteArray statusField(int pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).simplified();
    return {};
}

QByteArray newMarker()
{
    // A number, so it can be `sleep`'s argument and show in its cmdline.
    return QByteArray::number(1'000'000 + QRandomGenerator::global()->bounded(8'000'000));
}

// The agent as a plain user (systemd's DynamicUser=): this executable run
// again through setpriv as nobody, with DDD_SANDBOX_AS_USER=<marker>. It
// prints what is enforced and runs two commands as that user.
int runAsPlainUser(const QByteArray &marker)
{
    QTemporaryDir base;
    QDir().mkpath(base.path() + u"/src"_qs);
    QDir().mkpath(base.path() + u"/out"_qs);
    SandboxRunner runner{SandboxRunner::Options{}};
    if (const core::Status probed = runner.probe(); !probed.ok()) {
        std::printf("probe failed: %s\n", qPrintable(probed.error().message));
        return 1;
    }
    std::printf("enforced: %s\n", qPrintable(runner.enforcement()));
    SandboxSpec s;
    s.sourceDir = base.path() + u"/src"_qs;
    s.outputDir = base.path() + u"/out"_qs;
    s.argv = QStringList{u"sh"_qs, u"-c"_qs, u"grep -E '^(Uid|CapEff)' /proc/self/status; echo hi > /out/f"_qs};
    const auto print = [](const QByteArray &line) { std::printf("line: %s\n", line.constData()); };
    const auto first = runner.run(s, print, {});
    std::printf("first: %d %d\n", first.ok() ? int(first->reason) : -1, first.ok() ? first->exitCode : -1);
    s.argv = QStringList{u"sh"_qs, u"-c"_qs, QStringLiteral("setsid sh -c 'trap \"\" TERM; sleep %1' & sleep %1")
                                              .arg(QString::fromLatin1(marker))};
    s.limits.wallClockMs = 1000;
    const auto second = runner.run(s, print, {});
    std::printf("second: %d\n", second.ok() ? int(second->reason) : -1);
    return 0;
}

} // namespace

class TestSandboxRunner final : public QObject
{
    Q_OBJECT

    // A fake agent data root like the real one: 0700, a key file, and the
    // build's source and output folders inside. Not under /tmp on purpose.
    QTemporaryDir m_base{QDir::currentPath() + u"/sandbox-XXXXXX"_qs};
    QString m_dataRoot;
    SandboxRunner m_runner{SandboxRunner::Options{}};
    int m_folders = 0;

    SandboxSpec spec(const QStringList &argv)
    {
        SandboxSpec s;
        s.argv = argv;
        const QString build = m_dataRoot + QStringLiteral("/builds/%1").arg(++m_folders);
        s.sourceDir = build + u"/source"_qs;
        s.outputDir = build + u"/output"_qs;
        QDir().mkpath(s.sourceDir);
        QDir().mkpath(s.outputDir);
        QFile index(s.sourceDir + u"/index.html"_qs);
        index.open(QIODevice::WriteOnly);
        index.write("<h1>hello</h1>\n");
        s.limits.wallClockMs = 20'000;
        s.limits.memoryBytes = qint64(256) << 20;
        s.limits.maxProcesses = 64;
        s.limits.maxFileBytes = qint64(8) << 20;
        s.limits.maxOutputBytes = qint64(16) << 20;
        s.limits.tmpBytes = qint64(32) << 20;
        return s;
    }

    SandboxSpec shell(const QByteArray &script)
    {
        return spec({u"sh"_qs, u"-c"_qs, QString::fromUtf8(script)});
    }

    Outcome run(const SandboxSpec &s, std::stop_token cancel = {},
                const std::function<void(const QByteArray &)> &also = {})
    {
        Outcome outcome;
        outcome.exit = m_runner.run(
            s,
            [&](const QByteArray &line) {
                outcome.lines << line;
                if (also)
                    also(line);
            },
            cancel);
        return outcome;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(::geteuid() == 0, "these tests drive the sandbox as the agent does on a server: as root");
        QVERIFY(m_base.isValid());
        m_dataRoot = m_base.path() + u"/data"_qs;
        QVERIFY(QDir().mkpath(m_dataRoot + u"/keys"_qs));
        QFile key(m_dataRoot + u"/keys/secret.key"_qs);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("TOPSECRETKEYMATERIAL\n");
        key.close();
        QVERIFY(QFile::setPermissions(m_dataRoot, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("DDD_TEST_TOKEN", "agent-environment-must-not-leak");
        const core::Status probed = m_runner.probe();
        QVERIFY2(probed.ok(), qPrintable(probed.ok() ? QString() : probed.error().message));
        qInfo().noquote() << "enforced:" << m_runner.enforcement();
    }

    void linesArriveMergedAndSplit()
    {
        const Outcome o = run(shell("echo out1; echo err1 >&2; echo out2; head -c 70000 /dev/zero | tr '\\0' a; "
                                    "printf '\\ncrlf\\r\\nlast'"));
        QVERIFY(o.exit.ok());
        QVERIFY(o.exit->succeeded());
        QCOMPARE(o.lines.size(), 7);
        QCOMPARE(o.lines[0], QByteArray("out1"));
        QCOMPARE(o.lines[1], QByteArray("err1"));
        QCOMPARE(o.lines[2], QByteArray("out2"));
        QCOMPARE(o.lines[3], QByteArray(65536, 'a'));
        QCOMPARE(o.lines[4], QByteArray(70000 - 65536, 'a'));
        QCOMPARE(o.lines[5], QByteArray("crlf"));
        QCOMPARE(o.lines[6], QByteArray("last"));
    }

    void reportsTheExitCode()
    {
        const Outcome failed = run(shell("exit 7"));
        QVERIFY(failed.exit.ok());
        QCOMPARE(failed.reason(), Reason::Exited);
        QCOMPARE(failed.exit->exitCode, 7);
        QVERIFY(!failed.exit->succeeded());
        const Outcome fine = run(spec({u"true"_qs}));
        QVERIFY(fine.exit->succeeded());
        QVERIFY(fine.exit->peakMemoryBytes > 0);
    }

    void environmentIsOnlyTheAllowList()
    {
        SandboxSpec s = spec({u"env"_qs});
        s.environment = {{u"HUGO_ENV"_qs, u"production"_qs}};
        const Outcome o = run(s);
        QVERIFY(o.exit->succeeded());
        QVERIFY(o.saw("HUGO_ENV=production"));
        QVERIFY(o.saw("HOME=/home/build"));
        QVERIFY(o.saw("PATH=/usr/bin:/bin"));
        QVERIFY(!o.saw("DDD_TEST_TOKEN"));
        QVERIFY(!o.saw("agent-environment"));
    }

    // setsid'd, nohup'd and SIGTERM-ignoring children, and a busy loop.
    void wallClockKillsTheWholeTree()
    {
        const QByteArray marker = newMarker();
        SandboxSpec s = shell("trap '' TERM HUP; setsid sh -c 'trap \"\" TERM; sleep " + marker + "' & "
                              "nohup sleep " + marker + " >/dev/null 2>&1 & sh -c 'sleep " + marker + "' & "
                              "echo started; while :; do :; done");
        s.limits.wallClockMs = 1500;
        int seenRunning = 0;
        const Outcome o = run(s, {}, [&](const QByteArray &line) {
            if (line == "started")
                for (int i = 0; i < 100 && seenRunning < 3; ++i, ::usleep(20'000))
                    seenRunning = int(processesWith(marker).size());
        });
        QVERIFY(o.exit.ok());
        QCOMPARE(o.reason(), Reason::TimedOut);
        QVERIFY(seenRunning >= 3); // they were there, visible from the host
        QCOMPARE(processesWith(marker), QList<int>());
    }

    void cancellationKillsTheTree()
    {
        const QByteArray marker = newMarker();
        std::stop_source stop;
        const Outcome o = run(shell("setsid sh -c 'trap \"\" TERM; sleep " + marker + "' & echo started; sleep "
                                    + marker),
                              stop.get_token(), [&](const QByteArray &line) {
                                  if (line == "started")
                                      stop.request_stop();
                              });
        QVERIFY(o.exit.ok());
        QCOMPARE(o.reason(), Reason::Cancelled);
        QCOMPARE(processesWith(marker), QList<int>());

        std::stop_source already;
        already.request_stop();
        const Outcome early = run(shell("sleep " + marker), already.get_token());
        QCOMPARE(early.reason(), Reason::Cancelled);
        QCOMPARE(processesWith(marker), QList<int>());
    }

    void forkBombIsContained()
    {
        const QByteArray marker = newMarker();
        SandboxSpec s = shell("f() { f | f & }; f; sleep " + marker);
        s.limits.maxProcesses = 32;
        s.limits.wallClockMs = 3000;
        const Outcome o = run(s);
        QVERIFY(o.exit.ok());
        // Once the limit is reached the shell's own last fork fails too, so it
        // may end before the clock does; either way nothing is left.
        QVERIFY(o.reason() == Reason::TimedOut || o.reason() == Reason::Exited);
        QVERIFY2(o.saw("fork"), "the process limit refused forks"); // dash: "Cannot fork"
        QCOMPARE(processesWith(marker), QList<int>());
        // The machine is fine: the next build runs.
        QVERIFY(run(spec({u"true"_qs})).exit->succeeded());
    }

    void memoryHogIsKilled()
    {
        SandboxSpec s = spec({u"python3"_qs, u"-c"_qs, u"b = b'x' * (512 << 20); print('survived')"_qs});
        s.limits.memoryBytes = qint64(64) << 20;
        const Outcome o = run(s);
        QVERIFY(o.exit.ok());
        QCOMPARE(o.reason(), Reason::MemoryExceeded);
        QVERIFY(!o.saw("survived"));
        QVERIFY(o.exit->peakMemoryBytes > 0);
        QVERIFY(o.exit->peakMemoryBytes <= s.limits.memoryBytes);
    }

    void outputOverTheCapIsRefused()
    {
        // Written at once, then exit: the final check.
        SandboxSpec quick = shell("head -c 3000000 /dev/zero > /out/big");
        quick.limits.maxOutputBytes = 1 << 20;
        QCOMPARE(run(quick).reason(), Reason::OutputTooLarge);
        // Written without end: the watch stops it long before the clock.
        SandboxSpec endless = shell("i=0; while :; do head -c 262144 /dev/zero > /out/f$i; i=$((i+1)); done");
        endless.limits.maxOutputBytes = 1 << 20;
        endless.limits.wallClockMs = 60'000;
        QCOMPARE(run(endless).reason(), Reason::OutputTooLarge);
        // One file over the per-file limit: SIGXFSZ.
        SandboxSpec oneFile = shell("head -c 3000000 /dev/zero > /out/one");
        oneFile.limits.maxFileBytes = 1 << 20;
        const Outcome o = run(oneFile);
        QCOMPARE(o.reason(), Reason::Signalled);
        QCOMPARE(o.exit->signal, SIGXFSZ);
        QCOMPARE(QFileInfo(oneFile.outputDir + u"/one"_qs).size(), qint64(1 << 20));
    }

    void writesOutsideOutFail()
    {
        const SandboxSpec s = shell("for p in /src/x /usr/x /etc/x /x /home/x /proc/x; do "
                                    "echo data > $p && echo WROTE $p; done; echo ok > /out/ok; "
                                    "echo t > /tmp/t && echo > /home/build/h && echo private-ok");
        const Outcome o = run(s);
        QVERIFY(o.exit.ok());
        QVERIFY(!o.saw("WROTE"));
        QVERIFY(o.saw("cannot create /src/x: Read-only file system"));
        QVERIFY(o.saw("cannot create /usr/x: Read-only file system"));
        QVERIFY(o.saw("private-ok"));
        QVERIFY(!QFile::exists(s.sourceDir + u"/x"_qs));
        QVERIFY(QFile::exists(s.outputDir + u"/ok"_qs));
        QVERIFY(!QFile::exists(u"/x"_qs));
    }

    void dataRootKeysAndRootAreInvisible()
    {
        const SandboxSpec s = shell("cat " + m_dataRoot.toUtf8() + "/keys/secret.key; ls " + m_dataRoot.toUtf8()
                                    + "; ls -d /root /run/ddd-sandbox /work; cat /etc/shadow /etc/hostname; "
                                      "find / -path /proc -prune -o -name secret.key -print; cat /src/index.html");
        const Outcome o = run(s);
        QVERIFY(o.exit.ok());
        QVERIFY(!o.saw("TOPSECRET"));
        QVERIFY(!o.saw("secret.key\n"));
        QVERIFY(o.saw("ls: cannot access '/root': No such file or directory"));
        QVERIFY(o.saw("cannot access '" + m_dataRoot.toUtf8() + "': No such file or directory"));
        QVERIFY(o.saw("/etc/shadow: No such file or directory"));
        QVERIFY(o.saw("<h1>hello</h1>")); // the control: the source is there
        for (const QByteArray &line : o.lines)
            QVERIFY2(!line.endsWith("secret.key"), line.constData());
    }

    void loopbackIsUnreachableWithoutNetwork()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        const QByteArray connect = "bash -c 'echo hi > /dev/tcp/127.0.0.1/" + QByteArray::number(listener.serverPort())
                                   + " && echo CONNECTED'";
        const Outcome closed = run(shell(connect));
        QVERIFY(closed.exit.ok());
        QVERIFY(!closed.saw("CONNECTED"));
        QVERIFY(!closed.exit->succeeded());
        SandboxSpec open = shell(connect); // the control
        open.network = true;
        const Outcome reached = run(open);
        QVERIFY(reached.exit->succeeded());
        QVERIFY(reached.saw("CONNECTED"));
    }

    void runsUnprivilegedInsideAndOutside()
    {
        const QByteArray marker = newMarker();
        std::stop_source stop;
        QByteArray outsideUid, outsideCaps;
        const Outcome o = run(shell("grep -E '^(Uid|CapEff|NoNewPrivs)' /proc/self/status; echo ready; sleep " + marker),
                              stop.get_token(), [&](const QByteArray &line) {
                                  if (line != "ready")
                                      return;
                                  for (int i = 0; i < 100 && outsideUid.isEmpty(); ++i, ::usleep(20'000))
                                      for (const int pid : processesWith("sleep " + marker)) {
                                          outsideUid = statusField(pid, "Uid");
                                          outsideCaps = statusField(pid, "CapEff");
                                      }
                                  stop.request_stop();
                              });
        QCOMPARE(o.reason(), Reason::Cancelled);
        QVERIFY(o.saw("Uid:\t1000\t1000\t1000\t1000"));
        QVERIFY(o.saw("CapEff:\t0000000000000000"));
        QVERIFY(o.saw("NoNewPrivs:\t1"));
        QVERIFY(!outsideUid.isEmpty());
        QVERIFY2(!outsideUid.startsWith("0 "), outsideUid.constData());
        QCOMPARE(outsideCaps, QByteArray("0000000000000000"));
    }

    void extraFilesAreReadOnlyInside()
    {
        SandboxSpec s = shell("cat /etc/ddd/policy.yml; echo x >> /etc/ddd/policy.yml || echo refused");
        s.files = {{u"/etc/ddd/policy.yml"_qs, "safe: true\n"}};
        const Outcome o = run(s);
        QVERIFY(o.saw("safe: true"));
        QVERIFY(o.saw("refused"));
    }

    // Without root there is no build user to switch to: bwrap runs as the
    // agent's own user, still without capabilities, and the wall clock still
    // kills the whole tree; cgroups only where that user may write them.
    void runsAsTheAgentUserWhenNotRoot()
    {
        const QByteArray marker = newMarker();
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DDD_SANDBOX_AS_USER"_qs, QString::fromLatin1(marker));
        env.insert(u"TMPDIR"_qs, u"/tmp"_qs);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(u"setpriv"_qs, {u"--reuid=nobody"_qs, u"--regid=nogroup"_qs, u"--clear-groups"_qs,
                                    u"--inh-caps=-all"_qs, u"--bounding-set=-all"_qs, u"--"_qs,
                                    QCoreApplication::applicationFilePath()});
        QVERIFY(child.waitForFinished(60'000));
        const QByteArray out = child.readAll();
        QVERIFY2(child.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("runs as the agent's own user (uid 65534"), out.constData());
        QVERIFY2(out.contains("memory: not enforced"), out.constData()); // said, not pretended
        QVERIFY2(out.contains("line: Uid:\t1000\t1000\t1000\t1000"), out.constData());
        QVERIFY2(out.contains("line: CapEff:\t0000000000000000"), out.constData());
        QVERIFY2(out.contains("first: 0 0"), out.constData());
        QVERIFY2(out.contains("second: " + QByteArray::number(int(Reason::TimedOut))), out.constData());
        QCOMPARE(processesWith(marker), QList<int>());
    }

    void refusesWhatItCannotSandbox()
    {
        SandboxRunner asRoot(SandboxRunner::Options{u"root"_qs, u"/usr/bin/bwrap"_qs, u"ddd-build"_qs});
        const core::Status root = asRoot.probe();
        QVERIFY(!root.ok());
        QCOMPARE(root.error().code, u"build.sandbox_unavailable"_qs);
        SandboxRunner noBwrap(SandboxRunner::Options{u"ddd-build"_qs, u"/nonexistent/bwrap"_qs, u"ddd-build"_qs});
        QCOMPARE(noBwrap.probe().error().code, u"build.sandbox_unavailable"_qs);
        const auto ran = noBwrap.run(spec({u"true"_qs}), [](const QByteArray &) {}, {});
        QVERIFY(!ran.ok());
        QCOMPARE(ran.error().code, u"build.sandbox_unavailable"_qs);
        SandboxSpec missing = spec({u"true"_qs});
        missing.sourceDir = m_dataRoot + u"/no-such-folder"_qs;
        QCOMPARE(m_runner.run(missing, [](const QByteArray &) {}, {}).error().code, u"build.sandbox_unavailable"_qs);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QByteArray marker = qgetenv("DDD_SANDBOX_AS_USER"); !marker.isEmpty())
        return runAsPlainUser(marker);
    TestSandboxRunner test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_sandboxrunner.moc"
