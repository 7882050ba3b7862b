// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/server.h"
#include "tests/agent/recordinghandler.h"
#include "tests/support/rawtcpclient.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <mutex>

namespace ddd::test {

// Raw request builders: exactly these bytes go on the wire.
QByteArray httpGet(const QByteArray &target, const QByteArray &extraFields = {});
QByteArray httpPost(const QByteArray &target, const QByteArray &fields, const QByteArray &body = {});
QByteArray chunkedBody(const QByteArray &body, qsizetype chunkSize);
// `size` bytes of a repeating a..z pattern, so misplaced bytes show.
QByteArray patternBytes(qsizetype size);

// A real http::Server on 127.0.0.1, an OS-chosen port and short limits,
// answering through a RecordingHandler; shared by the server test suites.
class HttpServerFixture
{
protected:
    // Fresh options, handler and records: call from init().
    void resetFixture();
    // Stops the server before its handler goes: call from cleanup().
    void stopFixture();
    bool startServer();
    QList<agent::http::RequestRecord> records();

    // Connects if needed, sends `raw` and reads one answer; status 0 when
    // none came.
    RawResponse exchange(RawTcpClient &client, const QByteArray &raw, bool expectBody = true);
    static RawResponse next(RawTcpClient &client, bool expectBody = true);
    static bool isClosedWithoutMore(RawTcpClient &client);

    agent::http::ServerOptions m_options;
    std::unique_ptr<RecordingHandler> m_handler;
    std::unique_ptr<agent::http::Server> m_server;

private:
    std::mutex m_recordsMutex;
    QList<agent::http::RequestRecord> m_records;
};

} // namespace ddd::test
