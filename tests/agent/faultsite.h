// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/agent/faultdisk.h"
#include "tests/support/agentprocess.h"
#include "tests/support/httptestclient.h"

#include <QJsonObject>

#include <memory>

namespace ddd::test {

// A real agent whose data root is on a FaultDisk, with one project whose
// live version ("one": a page and its asset) must survive every fault byte
// for byte. The checks a fault test makes after each refusal live here.
class FaultSite final
{
public:
    static const QByteArray kPage;
    static const QByteArray kAsset;

    // Mounts the disk, starts the agent and makes "one" live; false (with
    // `why`) when any of that fails.
    bool setUp(int megabytes, QString *why);
    void tearDown();

    FaultDisk &disk() { return *m_disk; }
    AgentProcess &agent() { return *m_agent; }
    QString dataDir() const { return m_disk->path() + u"/data"_qs; }
    qint64 project() const { return m_project; }
    HttpTestClient api() const;

    HttpReply deployZip(const QByteArray &archive, bool activate = true);
    static QByteArray siteZip(const QByteArray &marker);
    // The live page and asset, exactly as deployed.
    bool liveUntouched() const;
    QByteArray served(const QString &path) const;
    QStringList stagingLeftovers() const;
    // A version neither live, retired nor ready (stuck half-way); empty when none.
    QString stuckVersion() const;
    // Polls a build until it is no longer queued or running.
    QJsonObject waitForBuild(qint64 build) const;
    // Stop the agent, repair the disk, start again.
    bool restartAfterRepair();
    // After the fault is gone: nothing half-written, and a new deploy goes live.
    bool recovers(QString *why);

private:
    std::unique_ptr<FaultDisk> m_disk;
    std::unique_ptr<AgentProcess> m_agent;
    QString m_token;
    qint64 m_project = 0;
    QByteArray m_host;
};

} // namespace ddd::test
