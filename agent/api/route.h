// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/bodysink.h"
#include "agent/http/request.h"
#include "agent/http/response.h"
#include "core/model/identity.h"
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
};

using Handler = std::function<http::Response(Call &)>;
// Opens the sink an upload body streams into, or refuses the upload before a
// byte of it is read (unknown project, no space).
using SinkFactory = std::function<core::Result<std::unique_ptr<http::BodySink>>(Call &)>;

struct Route final
{
    QByteArray method;
    QString pattern;           // "/api/v1/projects/{id}"
    Access access = Access::User;
    BodyKind body = BodyKind::None;
    QString capability;        // what a scoped API token needs ("read", "deploy"...); empty: login tokens only
    Handler handler;
    SinkFactory sink = {};     // BodyKind::Upload only
};

} // namespace ddd::agent::api
