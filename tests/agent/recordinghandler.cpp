// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/recordinghandler.h"

#include "agent/http/errorresponse.h"

#include <stdexcept>

namespace ddd::test {

using agent::http::Request;
using agent::http::RequestPlan;
using agent::http::Response;

RequestPlan RecordingHandler::plan(Request &head)
{
    RequestPlan plan;
    plan.routeLabel = QString::fromLatin1(head.method) + u' ' + head.path;
    const QString &path = head.path;
    if (path == u"/hello"_qs) {
        plan.respond = [this](Request &r) { return record(r, Response::text(200, "hello")); };
    } else if (path == u"/echo"_qs) {
        plan.bodyLimit = 1024 * 1024;
        plan.respond = [this](Request &r) { return record(r, Response::text(200, r.body)); };
    } else if (path == u"/upload"_qs) {
        planUpload(plan, 64 * 1024 * 1024);
    } else if (path == u"/upload-small"_qs) {
        planUpload(plan, 100);
    } else if (path == u"/refuse"_qs) {
        plan.answer = agent::http::errorResponse(core::Error::make(u"auth.unauthenticated"_qs, u"log in"_qs));
    } else if (path == u"/inline"_qs) {
        plan.inlineSafe = true;
        plan.respond = [this](Request &r) { return record(r, Response::text(200, "inline")); };
    } else if (path == u"/inline-throw"_qs) {
        plan.inlineSafe = true;
        plan.respond = [](Request &) -> Response { throw std::runtime_error("inline respond failed"); };
    } else if (path == u"/throw"_qs) {
        plan.respond = [](Request &) -> Response { throw std::runtime_error("respond failed"); };
    } else if (path == u"/throw-plan"_qs) {
        throw std::runtime_error("plan failed");
    } else if (path == u"/file"_qs) {
        plan.respond = [this](Request &r) { return record(r, fileResponse(r)); };
    } else if (path == u"/close"_qs) {
        plan.respond = [this](Request &r) {
            Response response = Response::text(200, "bye");
            response.closeConnection = true;
            return record(r, response);
        };
    } else {
        plan.routeLabel.clear();
        plan.answer = agent::http::errorResponse(core::Error::make(u"route.not_found"_qs, u"no route"_qs));
    }
    return plan;
}

Request RecordingHandler::lastRequest() const
{
    std::lock_guard lock(m_mutex);
    return m_lastRequest;
}

Response RecordingHandler::record(const Request &request, Response response)
{
    std::lock_guard lock(m_mutex);
    m_lastRequest = request;
    ++m_respondCalls;
    return response;
}

void RecordingHandler::planUpload(RequestPlan &plan, qint64 limit)
{
    plan.bodyLimit = limit;
    plan.sink = std::make_unique<CountingSink>(m_sinkLog);
    plan.respond = [this](Request &r) {
        return record(r, Response::text(200, "received " + QByteArray::number(r.bodyBytes)));
    };
}

Response RecordingHandler::fileResponse(const Request &request) const
{
    Response response;
    response.filePath = m_file;
    response.headers.set("Content-Type", "application/octet-stream");
    if (request.query.hasQueryItem(u"offset"_qs))
        response.fileOffset = request.query.queryItemValue(u"offset"_qs).toLongLong();
    if (request.query.hasQueryItem(u"length"_qs))
        response.fileLength = request.query.queryItemValue(u"length"_qs).toLongLong();
    return response;
}

} // namespace ddd::test
