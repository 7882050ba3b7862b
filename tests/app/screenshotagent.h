// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/remoteproject.h"
#include "core/model/version.h"
#include "tests/support/stubhttpserver.h"

#include <QStringList>

namespace ddd::test {

// A stub agent with a believable history for the screenshots: a handful of
// projects in every state, their versions, and one incremental upload.
class ScreenshotAgent final
{
public:
    ScreenshotAgent();

    bool listen();
    QUrl url() const { return m_server.url(); }
    // The upload of `sha256s` to project 7 is planned, accepted and made live.
    void acceptUpload(const QStringList &sha256s);

    static QString email();
    static QString token();
    static core::client::RemoteProject project();
    static core::model::Version liveVersion();

private:
    void addProjects();
    void addVersions();

    StubHttpServer m_server;
};

} // namespace ddd::test
