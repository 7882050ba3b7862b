// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <functional>

namespace ddd::test {

class CrashAgent;

// After a kill: restart the agent on the same data root and collect every
// broken invariant (tests/agent/crashinvariants.h), the served sites and a
// fresh deploy included. The agent is stopped when it returns.
class CrashCheck final
{
public:
    struct Site
    {
        qint64 project = 0;
        QByteArray host;
    };
    // Which version numbers a site may serve after this crash (0: none).
    using Allowed = std::function<bool(const Site &, int)>;

    static QStringList afterCrash(CrashAgent &agent, const QList<Site> &sites, const Allowed &allowed);
    // Allows only the versions in `versions`.
    static Allowed oneOf(QList<int> versions);

private:
    static QStringList served(CrashAgent &agent, const QList<Site> &sites, const Allowed &allowed);
    static QStringList freshDeploy(CrashAgent &agent, const Site &site);
};

} // namespace ddd::test
