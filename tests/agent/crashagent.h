// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/support/agentprocess.h"
#include "tests/support/httptestclient.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ddd::test {

// The real ddd-agent as the crash tests drive it: started (optionally with
// DDD_CRASH_AT), logged in, and the few API calls they need. Every site it
// deploys is "version N": every file, and a header from `_headers`, names
// N, so a site served half old and half new shows.
class CrashAgent final
{
public:
    explicit CrashAgent(QString dataDir, QStringList arguments = {});

    // Adds the account on the first start; logs in once the agent listens.
    bool start(const QString &crashPoint = {});
    void stop() { m_process.stop(); }
    // A start killed after `delayMs` (AgentProcess::killDuringStart).
    bool killDuringStart(int delayMs) { return m_process.killDuringStart(delayMs, m_arguments); }
    AgentProcess &process() { return m_process; }
    QString dataDir() const { return m_dataDir; }

    HttpTestClient api() const;
    // A new project; its staging host in `host`.
    qint64 createProject(const QString &name, QByteArray *host, const QJsonObject &extra = {});
    HttpReply deploy(qint64 project, int n, bool activate);
    // Version `n` as a source built by the plain builder and made live.
    HttpReply buildSource(qint64 project, int n);
    HttpReply rollback(qint64 project);
    // The live version's id per the API, or 0.
    qint64 liveVersionId(qint64 project) const;

    // N when every file of the site (and its `_headers` header) says version
    // N, 0 when nothing is served, -1 for a mix or a gap.
    int servedVersion(const QByteArray &host) const;
    static QByteArray siteArchive(int n);
    static QByteArray pageBody(int page, int n);
    static constexpr int kPages = 6;

private:
    QString m_dataDir;
    QStringList m_arguments;
    AgentProcess m_process;
    QString m_token;
    bool m_userAdded = false;
};

} // namespace ddd::test
