// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/errorresponse.h"

#include "agent/http/httplogging.h"

#include <QHash>

#include <cmath>

namespace ddd::agent::http {

namespace {

const QHash<QString, int> &exactStatuses()
{
    static const QHash<QString, int> table = {
        {u"internal"_qs, 500},
        {u"auth.unauthenticated"_qs, 401},
        {u"auth.invalid_token"_qs, 401},
        {u"auth.invalid_credentials"_qs, 401},
        {u"auth.rate_limited"_qs, 429},
        {u"auth.registration_closed"_qs, 403},
        {u"auth.wrong_password"_qs, 403},
        {u"auth.password_too_short"_qs, 400},
        {u"auth.password_too_long"_qs, 400},
        {u"auth.busy"_qs, 503},
        {u"route.method_not_allowed"_qs, 405},
        {u"archive.unsupported_format"_qs, 415},
        {u"request.unsupported_encoding"_qs, 415},
        {u"manifest.not_in_base"_qs, 422},
        {u"upload.base_not_found"_qs, 404},
        {u"deploy.not_activatable"_qs, 409},
        {u"deploy.is_live"_qs, 409},
        {u"project.changed"_qs, 409},
        {u"deploy.no_rollback_target"_qs, 409},
        {u"upload.blob_busy"_qs, 409},
        {u"upload.offset_mismatch"_qs, 409},
        {u"upload.incomplete"_qs, 409},
        {u"upload.busy"_qs, 409},
        {u"upload.too_many_sessions"_qs, 409},
        {u"upload.hash_mismatch"_qs, 422},
        {u"build.undetected"_qs, 422},
        {u"build.invalid_settings"_qs, 422},
        {u"build.flag_not_allowed"_qs, 422},
        {u"build.script_not_allowed"_qs, 422},
        {u"build.not_cancellable"_qs, 409},
        {u"build.sandbox_unavailable"_qs, 503},
        {u"build.queue_full"_qs, 503},
        {u"build.no_git"_qs, 422},
        {u"build.git_disabled"_qs, 422},
        {u"project.https_unavailable"_qs, 409},
        {u"build.invalid_git_url"_qs, 422},
        {u"build.invalid_git_branch"_qs, 422},
        {u"hook.throttled"_qs, 429},
        {u"webhook.unknown_event"_qs, 400},
        {u"webhook.no_events"_qs, 400},
        {u"webhook.target_refused"_qs, 400},
        {u"webhook.unresolvable_host"_qs, 400},
        {u"webhook.limit_reached"_qs, 409},
        {u"webhook.inactive"_qs, 409},
        {u"storage.disk_full"_qs, 507},
        {u"storage.read_only"_qs, 503},
        {u"storage.busy"_qs, 503},
        // The database or the object storage (scale-out) cannot be reached: try again later.
        {u"storage.unavailable"_qs, 503},
        {u"objects.unavailable"_qs, 503},
        {u"http.out_of_descriptors"_qs, 503},
        {u"http.too_many_connections"_qs, 503},
        {u"http.bad_request"_qs, 400},
        {u"http.bad_host"_qs, 400},
        {u"http.bad_target"_qs, 400},
        {u"http.bad_path"_qs, 400},
        {u"http.bad_framing"_qs, 400},
        {u"http.header_timeout"_qs, 408},
        {u"http.body_timeout"_qs, 408},
        {u"http.body_too_large"_qs, 413},
        {u"http.target_too_long"_qs, 414},
        {u"http.expectation_failed"_qs, 417},
        {u"http.header_too_large"_qs, 431},
        {u"http.too_many_fields"_qs, 431},
        {u"http.unsupported_transfer_coding"_qs, 501},
        {u"http.version_not_supported"_qs, 505},
    };
    return table;
}

struct FamilyRule
{
    enum class Kind { Prefix, Suffix, Contains };
    Kind kind;
    QString pattern;
    int status;
};

// Checked in order after the exact table; the first match wins, so the
// server-side families come before the client-side ones.
const QList<FamilyRule> &familyRules()
{
    using Kind = FamilyRule::Kind;
    static const QList<FamilyRule> rules = {
        // A site's own `_redirects`/`_headers` do not parse: the request was
        // well formed, its content is not (before `.too_large` -> 413).
        {Kind::Prefix, u"rules."_qs, 422},
        {Kind::Prefix, u"storage."_qs, 500},
        // The object storage refused, answered in no known way or lacks an
        // object it must hold: the agent's upstream failed, not the request.
        {Kind::Prefix, u"objects."_qs, 502},
        {Kind::Suffix, u".not_found"_qs, 404},
        {Kind::Suffix, u".forbidden"_qs, 403},
        {Kind::Suffix, u".conflict"_qs, 409},
        {Kind::Suffix, u"_taken"_qs, 409},
        {Kind::Suffix, u".too_large"_qs, 413},
        {Kind::Suffix, u".rate_limited"_qs, 429},
        {Kind::Prefix, u"request."_qs, 400},
        {Kind::Prefix, u"archive."_qs, 400},
        {Kind::Prefix, u"blob."_qs, 400},
        {Kind::Contains, u".invalid"_qs, 400},
    };
    return rules;
}

bool matches(const FamilyRule &rule, const QString &code)
{
    switch (rule.kind) {
    case FamilyRule::Kind::Prefix:
        return code.startsWith(rule.pattern);
    case FamilyRule::Kind::Suffix:
        return code.endsWith(rule.pattern);
    case FamilyRule::Kind::Contains:
        return code.contains(rule.pattern);
    }
    return false;
}

QByteArray retryAfterSeconds(const QJsonObject &details)
{
    const double seconds = details.value(u"retryAfterSeconds"_qs).toDouble(1);
    return QByteArray::number(std::max<qint64>(1, static_cast<qint64>(std::ceil(seconds))));
}

QByteArray bearerChallenge(const QString &code)
{
    // RFC 6750 §3.1: a rejected token names the reason so clients re-login.
    if (code == u"auth.invalid_token"_qs)
        return "Bearer error=\"invalid_token\"";
    return "Bearer";
}

} // namespace

int statusForErrorCode(const QString &code)
{
    const auto exact = exactStatuses().constFind(code);
    if (exact != exactStatuses().constEnd())
        return exact.value();
    for (const FamilyRule &rule : familyRules())
        if (matches(rule, code))
            return rule.status;
    return 500;
}

Response errorResponse(const core::Error &error)
{
    const int status = statusForErrorCode(error.code);
    // One shape for every refusal, `details` included even when empty, so
    // clients never test for its presence.
    QJsonObject body{{u"code"_qs, error.code}, {u"details"_qs, QJsonObject()}};
    if (status == 500) {
        qCWarning(lcHttp).noquote() << "internal error" << error.code << error.message;
        body.insert(u"message"_qs, u"internal error"_qs);
    } else {
        body.insert(u"message"_qs, error.message);
        body.insert(u"details"_qs, error.details);
    }
    Response response = Response::json(status, QJsonObject{{u"error"_qs, body}});
    response.errorCode = error.code;
    if (status == 401)
        response.headers.set("WWW-Authenticate", bearerChallenge(error.code));
    if (status == 429 || status == 503)
        response.headers.set("Retry-After", retryAfterSeconds(error.details));
    return response;
}

} // namespace ddd::agent::http
