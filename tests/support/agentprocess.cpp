// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/agentprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QThread>

#include <csignal>

namespace ddd::test {

AgentProcess::AgentProcess(QString program, QString dataDir) : m_program(std::move(program)), m_dataDir(std::move(dataDir))
{
}

AgentProcess::~AgentProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

bool AgentProcess::launch(const QString &crashPoint, const QStringList &extraArguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DDD_CRASH_AT"_qs);
    if (!crashPoint.isEmpty())
        environment.insert(u"DDD_CRASH_AT"_qs, crashPoint);
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_output.clear();
    m_process.start(m_program, QStringList{u"--data-dir"_qs, m_dataDir, u"--api-port"_qs, u"0"_qs, u"--site-https-port"_qs, u"0"_qs, u"--site-port"_qs,
                                           u"0"_qs, u"--log-level"_qs, u"warning"_qs}
                                   + extraArguments);
    return m_process.waitForStarted(10000);
}

bool AgentProcess::killDuringStart(int delayMs, const QStringList &extraArguments)
{
    if (!launch({}, extraArguments))
        return false;
    QThread::msleep(ulong(delayMs));
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
    return waitForKill();
}

bool AgentProcess::start(const QString &crashPoint, const QStringList &extraArguments)
{
    if (!launch(crashPoint, extraArguments))
        return false;
    // main() prints "API on http://127.0.0.1:<port>, sites on http://127.0.0.1:<port>" once listening
    // (https:// with TLS).
    static const QRegularExpression ports(u"API on https?://[^:]+:(\\d+), sites on https?://[^:]+:(\\d+)"_qs);
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        m_output += QString::fromUtf8(m_process.readAllStandardOutput());
        const auto match = ports.match(m_output);
        if (match.hasMatch()) {
            m_apiPort = quint16(match.captured(1).toUInt());
            m_sitePort = quint16(match.captured(2).toUInt());
            return true;
        }
    }
    m_output += QString::fromUtf8(m_process.readAllStandardError());
    return false;
}

void AgentProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(20000)) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

void AgentProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

bool AgentProcess::waitForKill(int timeoutMs)
{
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(timeoutMs))
        return false;
    // QProcess reports a signal death as CrashExit with the signal number as exit code.
    return m_process.exitStatus() == QProcess::CrashExit && m_process.exitCode() == SIGKILL;
}

bool AgentProcess::hasExited()
{
    return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(0);
}

QString AgentProcess::exitDescription()
{
    if (!hasExited())
        return u"still running"_qs;
    if (m_process.error() == QProcess::FailedToStart)
        return u"failed to start: "_qs + m_process.errorString();
    return m_process.exitStatus() == QProcess::CrashExit ? u"killed by signal %1"_qs.arg(m_process.exitCode())
                                                         : u"exited with %1"_qs.arg(m_process.exitCode());
}

bool AgentProcess::addUser(const QString &email, const QString &password)
{
    QProcess add;
    add.start(m_program, {u"user"_qs, u"add"_qs, email, u"--data-dir"_qs, m_dataDir});
    if (!add.waitForStarted(10000))
        return false;
    add.write(password.toUtf8() + '\n');
    add.closeWriteChannel();
    return add.waitForFinished(30000) && add.exitStatus() == QProcess::NormalExit && add.exitCode() == 0;
}

} // namespace ddd::test
