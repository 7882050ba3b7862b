// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/router.h"

#include "agent/api/uploadbodysink.h"
#include "agent/http/errorresponse.h"

#include <QLoggingCategory>

namespace ddd::agent::api {

Q_LOGGING_CATEGORY(lcRouter, "ddd.agent.api")

namespace {

using core::Error;
using core::model::Identity;

constexpr qint64 kIgnorableBodyBytes = 64;

bool isIgnorableBody(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    return trimmed.isEmpty() || trimmed == "{}";
}

bool matchPattern(const QString &pattern, const QString &path, QHash<QString, QString> &params)
{
    const QStringList want = pattern.split(u'/');
    const QStringList have = path.split(u'/');
    if (want.size() != have.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QString &segment = want.at(i);
        if (segment.startsWith(u'{') && segment.endsWith(u'}')) {
            if (have.at(i).isEmpty())
                return false;
            found.insert(segment.mid(1, segment.size() - 2), have.at(i));
        } else if (segment != have.at(i)) {
            return false;
        }
    }
    params = found;
    return true;
}

// API answers are private to their caller and never sniffed.
http::Response withApiHeaders(http::Response response)
{
    response.headers.set("Cache-Control", "no-store");
    response.headers.set("X-Content-Type-Options", "nosniff");
    return response;
}

http::RequestPlan refuse(const Error &error, const QString &label)
{
    http::RequestPlan plan;
    plan.answer = withApiHeaders(http::errorResponse(error));
    plan.routeLabel = label;
    return plan;
}

} // namespace

Router::Router(QList<Route> routes, Authenticator authenticator, Limits limits)
    : m_routes(std::move(routes)), m_authenticator(std::move(authenticator)), m_limits(limits)
{
}

const Route *Router::match(http::Request &request, QByteArrayList &allowedMethods, QString &pathPattern) const
{
    const Route *found = nullptr;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!matchPattern(route.pattern, request.path, params))
            continue;
        allowedMethods << route.method;
        pathPattern = route.pattern;
        const bool head = request.method == "HEAD" && route.method == "GET";
        if (!found && (route.method == request.method || head)) {
            found = &route;
            request.params = params;
        }
    }
    return found;
}

core::Result<std::optional<Identity>> Router::authorise(const Route &route, const http::Request &request) const
{
    if (route.access == Access::Public)
        return std::optional<Identity>();
    const QByteArray header = request.headers.value("Authorization");
    if (!header.startsWith("Bearer ") || header.size() <= 7)
        return Error::make(u"auth.unauthenticated"_qs, u"this route needs an Authorization: Bearer token"_qs);
    core::Result<Identity> identity = m_authenticator(header.mid(7).trimmed());
    if (!identity) {
        // Which check a forged token failed helps its author, not the user.
        qCDebug(lcRouter) << "token refused:" << identity.error().details.value(u"reason"_qs).toString();
        return Error::make(identity.error().code, identity.error().message);
    }
    if (route.access == Access::Operator && !identity->isOperator())
        return Error::make(u"auth.forbidden"_qs, u"this route is for operators"_qs);
    // Routes without a capability (token management, password changes) are
    // for login sessions only: a leaked automation token must not mint more.
    if (identity->viaApiToken && route.capability.isEmpty())
        return Error::make(u"auth.forbidden"_qs, u"API tokens cannot use this route; log in instead"_qs);
    if (!route.capability.isEmpty() && !identity->can(route.capability))
        return Error::make(u"auth.forbidden"_qs, u"this API token lacks the '%1' capability"_qs.arg(route.capability));
    return std::optional<Identity>(std::move(identity).value());
}

qint64 Router::bodyLimitFor(const Route &route) const
{
    switch (route.body) {
    // Room for the "{}" many JSON clients send with every POST; anything
    // more is refused when the call is made (unexpectedBody).
    case BodyKind::None: return kIgnorableBodyBytes;
    case BodyKind::Json: return m_limits.maxJsonBodyBytes;
    case BodyKind::Manifest: return m_limits.maxManifestBytes;
    case BodyKind::Upload: return m_limits.maxUploadBytes;
    }
    return 0;
}

http::RequestPlan Router::plan(http::Request &head)
{
    QByteArrayList allowed;
    QString pathPattern;
    const Route *route = match(head, allowed, pathPattern);
    if (!route && allowed.isEmpty())
        return refuse(Error::make(u"route.not_found"_qs, u"no such route: "_qs + head.path), u"unmatched"_qs);
    if (!route) {
        // Labelled by the path's pattern, without the method: a client
        // trying methods must not mint metric series.
        http::RequestPlan plan = refuse(Error::make(u"route.method_not_allowed"_qs, u"method not allowed here"_qs),
                                        pathPattern);
        plan.answer->headers.set("Allow", allowed.join(", "));
        return plan;
    }
    const QString label = QString::fromLatin1(route->method) + u' ' + route->pattern;
    auto caller = authorise(*route, head);
    if (!caller)
        return refuse(caller.error(), label);

    http::RequestPlan plan;
    plan.routeLabel = label;
    plan.bodyLimit = bodyLimitFor(*route);
    if (route->body == BodyKind::Upload)
        return planUpload(*route, head, *caller, std::move(plan));
    plan.respond = [handler = route->handler, identity = *caller, bodyless = route->body == BodyKind::None](
                       http::Request &request) {
        if (bodyless && !isIgnorableBody(request.body))
            return withApiHeaders(http::errorResponse(
                Error::make(u"request.unexpected_body"_qs, u"this route takes no body (an empty JSON object is fine)"_qs)));
        Call call{request, identity};
        return withApiHeaders(handler(call));
    };
    return plan;
}

// The upload is opened (or refused) by core before a byte of the body is
// read; an announced length over the route's cap is refused first, so no
// upload is opened for a body that will not be read.
http::RequestPlan Router::planUpload(const Route &route, http::Request &head,
                                     const std::optional<Identity> &caller, http::RequestPlan plan) const
{
    Call call{head, caller};
    if (const auto declared = call.declaredBodyBytes(); declared && *declared > plan.bodyLimit)
        return refuse(Error::make(u"http.body_too_large"_qs, u"request body too large"_qs), plan.routeLabel);
    auto opened = route.upload(call);
    if (!opened)
        return refuse(opened.error(), plan.routeLabel);
    plan.sink = std::make_unique<UploadBodySink>(opened->sink);
    plan.respond = [answer = std::move(opened->answer)](http::Request &) { return withApiHeaders(answer()); };
    return plan;
}

} // namespace ddd::agent::api
