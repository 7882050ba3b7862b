// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/requesthandler.h"
#include "tests/agent/countingsink.h"

#include <atomic>
#include <mutex>

namespace ddd::test {

// A small route table for driving http::Server in tests; remembers the last
// request it answered and how often `respond` ran.
//   /hello          200 "hello"
//   /echo           body up to 1 MiB, echoed back
//   /upload         streamed into a CountingSink, up to 64 MiB
//   /upload-small   streamed into a CountingSink, up to 100 bytes
//   /refuse         refused before the body: 401
//   /throw          respond throws;  /throw-plan: plan throws
//   /inline         200 "inline", answered on the I/O thread (inlineSafe)
//   /inline-throw   inlineSafe, respond throws
//   /file           the file given to setFile(), ?offset=&length= for a range
//   /close          200 asking the server to close the connection
//   anything else   404 route.not_found, label "unmatched"
class RecordingHandler final : public agent::http::RequestHandler
{
public:
    agent::http::RequestPlan plan(agent::http::Request &head) override;

    agent::http::Request lastRequest() const;
    int respondCalls() const { return m_respondCalls; }
    SinkLog &sinkLog() { return m_sinkLog; }
    void setFile(const QString &path) { m_file = path; }

private:
    agent::http::Response record(const agent::http::Request &request, agent::http::Response response);
    void planUpload(agent::http::RequestPlan &plan, qint64 limit);
    agent::http::Response fileResponse(const agent::http::Request &request) const;

    mutable std::mutex m_mutex;
    agent::http::Request m_lastRequest;
    std::atomic<int> m_respondCalls = 0;
    SinkLog m_sinkLog;
    QString m_file;
};

} // namespace ddd::test
