// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/gitserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtDebug>

namespace ddd::test {

namespace {

// git daemon does not take port 0: ask the kernel for a free port, then let it go.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

GitServer::GitServer() = default;

GitServer::~GitServer()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.kill();
        m_daemon.waitForFinished(5000);
    }
}

bool GitServer::git(const QStringList &arguments, QByteArray *output) const
{
    QProcess process;
    process.setWorkingDirectory(m_root.filePath(u"site.git"_qs));
    // Reproducible commits whatever the machine's Git configuration says.
    QStringList environment = QProcess::systemEnvironment();
    environment << u"GIT_CONFIG_NOSYSTEM=1"_qs << u"GIT_CONFIG_GLOBAL=/dev/null"_qs
                << u"GIT_AUTHOR_NAME=Test"_qs << u"GIT_AUTHOR_EMAIL=test@example.com"_qs
                << u"GIT_COMMITTER_NAME=Test"_qs << u"GIT_COMMITTER_EMAIL=test@example.com"_qs;
    process.setEnvironment(environment);
    process.start(u"git"_qs, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning() << "git" << arguments << "failed:" << process.readAllStandardError();
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput().trimmed();
    return true;
}

bool GitServer::start()
{
    if (!m_root.isValid() || !QDir(m_root.path()).mkpath(u"site.git"_qs))
        return false;
    if (!git({u"init"_qs, u"--quiet"_qs, u"--initial-branch=main"_qs}))
        return false;
    // `git daemon` would run git-daemon as a child that outlives a kill of
    // `git`; starting it directly makes it ours to stop.
    QByteArray execPath;
    if (!git({u"--exec-path"_qs}, &execPath))
        return false;
    m_port = freePort();
    m_daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_daemon.start(QString::fromLocal8Bit(execPath) + u"/git-daemon"_qs, {u"--reuseaddr"_qs, u"--export-all"_qs, u"--listen=127.0.0.1"_qs,
                               u"--port="_qs + QString::number(m_port), u"--base-path="_qs + m_root.path(),
                               m_root.path()});
    return m_daemon.waitForStarted(10000) && waitUntilListening();
}

bool GitServer::waitUntilListening() const
{
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_daemon.state() == QProcess::Running) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(500))
            return true;
        QThread::msleep(50);
    }
    qWarning() << "git daemon never listened on port" << m_port;
    return false;
}

QString GitServer::url() const
{
    return u"git://127.0.0.1:%1/site.git"_qs.arg(m_port);
}

QString GitServer::commit(const QList<QPair<QString, QByteArray>> &files, const QString &subject)
{
    const QDir tree(m_root.filePath(u"site.git"_qs));
    for (const auto &[path, content] : files) {
        QDir().mkpath(QFileInfo(tree.filePath(path)).absolutePath());
        QFile file(tree.filePath(path));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
            return {};
    }
    QByteArray head;
    if (!git({u"add"_qs, u"--all"_qs}) || !git({u"commit"_qs, u"--quiet"_qs, u"-m"_qs, subject})
        || !git({u"rev-parse"_qs, u"HEAD"_qs}, &head))
        return {};
    return QString::fromLatin1(head);
}

} // namespace ddd::test
