// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/remoteproject.h"
#include "core/model/version.h"
#include "tests/support/stubhttpserver.h"

#include <QStringList>

namespace ddd::test {

// A stub agent with a believable history for the screenshots and the GUI
// tests: a handful of projects in every state, their versions and builds
// (the newest still running, its log streaming), and one incremental upload.
class ScreenshotAgent final
{
public:
    ScreenshotAgent();

    bool listen();
    QUrl url() const { return m_server.url(); }
    // The upload of `sha256s` to project 7 is planned, accepted and made live.
    void acceptUpload(const QStringList &sha256s);
    // The source upload of `sha256s` to project 7 is accepted and starts
    // build NewBuildId, whose log streams like the running one's.
    void acceptSourceUpload(const QStringList &sha256s);
    StubHttpServer &server() { return m_server; }

    // Builds of project 7, newest first: RunningBuildId streams its log until
    // the test pushes its end; FinishedBuildId made version 42 (v3).
    static constexpr qint64 RunningBuildId = 31;
    static constexpr qint64 FinishedBuildId = 30;
    static constexpr qint64 NewBuildId = 32;
    static QString logStreamPath(qint64 buildId);
    // An `end` event: the build finished with `status`, having made `versionId` (0: none).
    static QByteArray endEvent(qint64 buildId, const QString &status, qint64 versionId);
    static QByteArray lineEvents(const QStringList &lines);

    static QString email();
    static QString token();
    static core::client::RemoteProject project();
    static core::model::Version liveVersion();

private:
    void addProjects();
    void addVersions();
    void addBuilds();
    void addBuildHooks();

    StubHttpServer m_server;
};

} // namespace ddd::test
