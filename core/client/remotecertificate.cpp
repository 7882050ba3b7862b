// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/remotecertificate.h"

#include "core/wire/jsonfields.h"
#include "core/wire/timestampjson.h"

#include <QJsonArray>

namespace ddd::core::client {

namespace {

std::optional<qint64> optionalTime(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    return value.isString() ? wire::timestampFromJson(value.toString()) : std::nullopt;
}

} // namespace

Result<RemoteCertificate> RemoteCertificate::fromJson(const QJsonObject &json)
{
    wire::JsonFields fields(json);
    RemoteCertificate certificate;
    certificate.enabled = fields.boolean(u"enabled"_qs);
    const QString state = fields.string(u"state"_qs);
    static const QHash<QString, State> states{{u"none"_qs, State::None}, {u"pending"_qs, State::Pending},
                                              {u"valid"_qs, State::Valid}, {u"failed"_qs, State::Failed}};
    if (!states.contains(state))
        fields.fail(u"state"_qs);
    certificate.state = states.value(state, State::None);
    for (const QJsonValue &name : fields.array(u"names"_qs))
        certificate.names << name.toString();
    if (auto error = fields.error())
        return *error;
    certificate.notAfterMs = optionalTime(json, u"notAfter"_qs);
    certificate.lastAttemptMs = optionalTime(json, u"lastAttempt"_qs);
    certificate.nextAttemptMs = optionalTime(json, u"nextAttempt"_qs);
    certificate.lastError = json.value(u"lastError"_qs).toString();
    certificate.failures = json.value(u"failures"_qs).toInt();
    return certificate;
}

} // namespace ddd::core::client
