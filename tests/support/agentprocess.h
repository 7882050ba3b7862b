// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace ddd::test {

// The real ddd-agent binary as a child process on OS-chosen ports, for tests
// that need to kill it (crash consistency) and start it again on the same
// data directory.
class AgentProcess final
{
public:
    AgentProcess(QString program, QString dataDir);
    ~AgentProcess();

    // Starts the agent (with DDD_CRASH_AT=crashPoint when given) and waits
    // until it reports its ports.
    bool start(const QString &crashPoint = {}, const QStringList &extraArguments = {});
    // Starts the agent and kills it (SIGKILL) `delayMs` later, whatever it is
    // doing then: the start-up repair of an earlier crash, for a delay
    // shorter than the start. False when it was not killed (it ended first).
    bool killDuringStart(int delayMs, const QStringList &extraArguments = {});
    // SIGTERM and wait.
    void stop();
    // SIGKILL and wait: a crash at an arbitrary moment.
    void kill();
    // True when the process died from SIGKILL within `timeoutMs`.
    bool waitForKill(int timeoutMs = 30000);
    // True once the process has ended, however (polls without blocking).
    bool hasExited();
    // How the process ended, or that it still runs, for failure messages.
    QString exitDescription();
    bool addUser(const QString &email, const QString &password);

    quint16 apiPort() const { return m_apiPort; }
    quint16 sitePort() const { return m_sitePort; }
    QString output() const { return m_output; }
    // What the agent logged on stderr since the last call (start() keeps it
    // only when the start failed).
    QString takeLog() { return QString::fromUtf8(m_process.readAllStandardError()); }
    qint64 pid() const { return m_process.processId(); }

private:
    // Starts the process with its environment and arguments; does not wait for it to listen.
    bool launch(const QString &crashPoint, const QStringList &extraArguments);

    QString m_program;
    QString m_dataDir;
    QProcess m_process;
    QString m_output;
    quint16 m_apiPort = 0;
    quint16 m_sitePort = 0;
};

} // namespace ddd::test
