// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/certificatestatus.h"

#include "core/wire/timestampjson.h"

#include <QJsonArray>

namespace ddd::core::acme {

namespace {

QJsonValue timeOrNull(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(wire::timestampToJson(*ms)) : QJsonValue(QJsonValue::Null);
}

std::optional<qint64> timeFrom(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? wire::timestampFromJson(value.toString()) : std::nullopt;
}

QStringList stringsFrom(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out << item.toString();
    return out;
}

} // namespace

QString CertificateStatus::stateName(State state)
{
    switch (state) {
    case State::Pending: return u"pending"_qs;
    case State::Valid: return u"valid"_qs;
    case State::Failed: return u"failed"_qs;
    }
    return {};
}

QJsonObject CertificateStatus::toJson() const
{
    return QJsonObject{
        {u"projectId"_qs, projectId},
        {u"names"_qs, QJsonArray::fromStringList(names)},
        {u"state"_qs, stateName(state)},
        {u"notAfter"_qs, timeOrNull(notAfterMs)},
        {u"issuedAt"_qs, timeOrNull(issuedAtMs)},
        {u"lastAttempt"_qs, timeOrNull(lastAttemptMs)},
        {u"nextAttempt"_qs, timeOrNull(nextAttemptMs)},
        {u"lastError"_qs, lastError.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(lastError)},
        {u"failures"_qs, failures},
        {u"installedDomain"_qs, installedDomain.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(installedDomain)},
        {u"installedNames"_qs, QJsonArray::fromStringList(installedNames)},
    };
}

std::optional<CertificateStatus> CertificateStatus::fromJson(const QJsonObject &object)
{
    CertificateStatus status;
    status.projectId = object.value(u"projectId"_qs).toInteger();
    status.names = stringsFrom(object.value(u"names"_qs));
    const QString state = object.value(u"state"_qs).toString();
    if (status.projectId <= 0 || status.names.isEmpty())
        return std::nullopt;
    status.state = state == u"valid"_qs ? State::Valid : state == u"failed"_qs ? State::Failed : State::Pending;
    status.notAfterMs = timeFrom(object, u"notAfter"_qs);
    status.issuedAtMs = timeFrom(object, u"issuedAt"_qs);
    status.lastAttemptMs = timeFrom(object, u"lastAttempt"_qs);
    status.nextAttemptMs = timeFrom(object, u"nextAttempt"_qs);
    status.lastError = object.value(u"lastError"_qs).toString();
    status.failures = object.value(u"failures"_qs).toInt();
    status.installedDomain = object.value(u"installedDomain"_qs).toString();
    status.installedNames = stringsFrom(object.value(u"installedNames"_qs));
    return status;
}

} // namespace ddd::core::acme
