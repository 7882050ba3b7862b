// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/request.h"
#include "agent/http/response.h"
#include "core/model/identity.h"
#include "core/upload/upload.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace ddd::agent::api {

// Who may call a route. Ownership of projects and versions is checked in core
// services, which receive the caller's Identity.
enum class Access { Public, User, Operator };

// What a route reads from the request body: nothing, a small JSON object, a
// manifest (JSON, but one line per site file, so a larger cap), or a stream.
enum class BodyKind { None, Json, Manifest, Upload };

// One authenticated call as a handler sees it.
struct Call final
{
    http::Request &request;
    std::optional<core::model::Identity> caller; // set unless the route is public
    QString param(const QString &name) const { return request.params.value(name); }
    const core::model::Identity &identity() const { return *caller; }
    // The body length the client announced (Content-Length), when it did.
    std::optional<qint64> declaredBodyBytes() const
    {
        bool ok = false;
        const qint64 length = request.headers.value("Content-Length").toLongLong(&ok);
        return ok && length >= 0 ? std::optional<qint64>(length) : std::nullopt;
    }
};

using Handler = std::function<http::Response(Call &)>;

// What an upload route opens before a byte of its body is read: the core
// upload the body streams into (UploadBodySink adapts it to the server),
// and the answer, made once the body arrived whole.
struct OpenedUpload final
{
    std::shared_ptr<core::upload::UploadSink> sink;
    std::function<http::Response()> answer;

    // `answer` turns the upload's outcome (Upload<T>::complete()) into the response.
    template<typename T, typename Answer>
    static OpenedUpload of(std::unique_ptr<core::upload::Upload<T>> upload, Answer answer)
    {
        std::shared_ptr<core::upload::Upload<T>> shared = std::move(upload);
        return {shared, [shared, answer = std::move(answer)] { return answer(shared->complete()); }};
    }
};
// Opens an upload, or refuses it before its body is read (capabilities,
// unknown project, bad options, no space): core services make those calls.
using UploadOpener = std::function<core::Result<OpenedUpload>(Call &)>;

struct Route final
{
    QByteArray method;
    QString pattern;           // "/api/v1/projects/{id}"
    Access access = Access::User;
    BodyKind body = BodyKind::None;
    QString capability;        // what a scoped API token needs ("read", "deploy"...); empty: login tokens only
    Handler handler;           // empty for BodyKind::Upload: the opened upload answers
    UploadOpener upload = {};  // BodyKind::Upload only
};

} // namespace ddd::agent::api
