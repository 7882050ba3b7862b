// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace ddd::test {

// A real Git repository served by `git daemon` on 127.0.0.1 (git:// URLs),
// for builds that fetch from Git. The repository starts empty on branch
// "main"; commit() adds files and answers the new commit's id.
class GitServer final
{
public:
    GitServer();
    ~GitServer();
    GitServer(const GitServer &) = delete;
    GitServer &operator=(const GitServer &) = delete;

    // Creates the repository and starts the daemon; false (with a warning) if either fails.
    bool start();
    // git://127.0.0.1:<port>/site.git
    QString url() const;
    quint16 port() const { return m_port; }

    // Writes `files` (path -> content) into the work tree, commits them with
    // `subject` and answers `git rev-parse HEAD` (empty on failure).
    QString commit(const QList<QPair<QString, QByteArray>> &files, const QString &subject);

private:
    bool git(const QStringList &arguments, QByteArray *output = nullptr) const;
    bool waitUntilListening() const;

    QTemporaryDir m_root;
    QProcess m_daemon;
    quint16 m_port = 0;
};

} // namespace ddd::test
