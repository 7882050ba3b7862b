// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"
#include "agent/http/requesthandler.h"

#include <QList>

namespace ddd::agent::api {

// Dispatches API requests through one table of routes, in a fixed order:
// match the path, match the method, authenticate, check role and token
// capability, size the body, then call the handler; an upload route opens
// its core upload (UploadBodySink) at the planning step, before the body.
class Router final : public http::RequestHandler
{
public:
    using Authenticator = std::function<core::Result<core::model::Identity>(const QByteArray &bearerToken)>;

    struct Limits
    {
        qint64 maxJsonBodyBytes = 1 << 20;
        qint64 maxManifestBytes = qint64(64) << 20;
        qint64 maxUploadBytes = qint64(512) << 20;
    };

    Router(QList<Route> routes, Authenticator authenticator, Limits limits);

    http::RequestPlan plan(http::Request &head) override;
    const QList<Route> &routes() const { return m_routes; }

private:
    // The route for the request's path and method; `allowedMethods` and
    // `pathPattern` describe the path's routes even when the method has none.
    const Route *match(http::Request &request, QByteArrayList &allowedMethods, QString &pathPattern) const;
    core::Result<std::optional<core::model::Identity>> authorise(const Route &route,
                                                                  const http::Request &request) const;
    qint64 bodyLimitFor(const Route &route) const;
    http::RequestPlan planUpload(const Route &route, http::Request &head,
                                 const std::optional<core::model::Identity> &caller, http::RequestPlan plan) const;

    QList<Route> m_routes;
    Authenticator m_authenticator;
    Limits m_limits;
};

} // namespace ddd::agent::api
