// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/crashcheck.h"

#include "tests/agent/crashagent.h"
#include "tests/agent/crashinvariants.h"

#include <QDeadlineTimer>
#include <QThread>

namespace ddd::test {

namespace {

constexpr int kFreshVersion = 999;

// Interrupted builds are marked at start-up, queued ones run again: either
// way every build ends (a real build of six pages takes well under this).
bool buildsSettle(const QString &dataDir)
{
    const QDeadlineTimer deadline(60000);
    while (CrashInvariants::unfinishedBuilds(dataDir) != 0) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(50);
    }
    return true;
}

} // namespace

QStringList CrashCheck::afterCrash(CrashAgent &agent, const QList<Site> &sites, const Allowed &allowed)
{
    if (!agent.start())
        return {u"the agent does not start again (%1): "_qs.arg(agent.process().exitDescription())
                + agent.process().output()};
    QStringList found;
    if (!buildsSettle(agent.dataDir()))
        found.append(u"builds still queued or running a minute after the restart"_qs);
    found += served(agent, sites, allowed);
    agent.stop();
    found += CrashInvariants::onDisk(agent.dataDir());
    if (!sites.isEmpty()) {
        if (!agent.start())
            return found << u"the agent does not start a second time: "_qs + agent.process().output();
        found += freshDeploy(agent, sites.first());
        agent.stop();
    }
    return found;
}

CrashCheck::Allowed CrashCheck::oneOf(QList<int> versions)
{
    return [versions](const Site &, int n) { return versions.contains(n); };
}

QStringList CrashCheck::served(CrashAgent &agent, const QList<Site> &sites, const Allowed &allowed)
{
    QStringList found;
    for (const Site &site : sites)
        if (const int n = agent.servedVersion(site.host); !allowed(site, n))
            found.append(u"project %1 serves %2"_qs.arg(site.project)
                             .arg(n < 0 ? u"a mix of versions"_qs : u"version "_qs + QString::number(n)));
    return found;
}

// The agent still works: a new deploy goes live and is served whole.
QStringList CrashCheck::freshDeploy(CrashAgent &agent, const Site &site)
{
    const HttpReply deployed = agent.deploy(site.project, kFreshVersion, true);
    if (deployed.status != 201)
        return {u"a new deploy after the crash answers %1: %2"_qs.arg(deployed.status).arg(QString::fromUtf8(deployed.body))};
    if (const int n = agent.servedVersion(site.host); n != kFreshVersion)
        return {u"a new deploy after the crash is served as %1"_qs.arg(n)};
    return {};
}

} // namespace ddd::test
