// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/remotebuild.h"

#include "core/client/buildwire.h"

#include <QJsonArray>

#include <array>

namespace ddd::core::client {

namespace {

using Status = RemoteBuild::Status;

constexpr std::array<std::pair<Status, const char16_t *>, 6> StatusNames{{
    {Status::Queued, u"queued"}, {Status::Running, u"running"}, {Status::Succeeded, u"succeeded"},
    {Status::Failed, u"failed"}, {Status::Cancelled, u"cancelled"}, {Status::Interrupted, u"interrupted"},
}};

bool readPhases(const QJsonValue &value, QList<RemoteBuild::Phase> &phases)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject json = entry.toObject();
        RemoteBuild::Phase phase{json[u"name"_qs].toString(), json[u"durationMs"_qs].toInteger(), std::nullopt};
        if (json[u"exitCode"_qs].isDouble())
            phase.exitCode = json[u"exitCode"_qs].toInt();
        phases.append(phase);
    }
    return true;
}

} // namespace

Result<RemoteBuild> RemoteBuild::fromJson(const QJsonObject &json)
{
    RemoteBuild build;
    bool ok = json[u"id"_qs].isDouble() && json[u"projectId"_qs].isDouble();
    build.id = json[u"id"_qs].toInteger();
    build.projectId = json[u"projectId"_qs].toInteger();
    build.number = json[u"number"_qs].toInteger();
    const std::optional<Status> status = statusFromName(json[u"status"_qs].toString());
    if (!status)
        return BuildWire::unexpected(u"status"_qs);
    build.status = *status;
    build.trigger = json[u"trigger"_qs].toString();
    build.sourceId = json[u"sourceId"_qs].toInteger();
    build.activate = json[u"activate"_qs].toBool();
    build.detection = BuildWire::detection(json[u"detection"_qs], ok);
    ok = readPhases(json[u"phases"_qs], build.phases) && ok;
    build.error = BuildWire::error(json[u"error"_qs], ok);
    build.versionId = BuildWire::integer(json[u"versionId"_qs], ok);
    build.createdAt = BuildWire::time(json[u"createdAt"_qs], ok).value_or(0);
    build.startedAt = BuildWire::time(json[u"startedAt"_qs], ok);
    build.finishedAt = BuildWire::time(json[u"finishedAt"_qs], ok);
    build.durationMs = BuildWire::integer(json[u"durationMs"_qs], ok);
    build.authorEmail = json[u"authorEmail"_qs].toString();
    build.logBytes = json[u"logBytes"_qs].toInteger();
    if (!ok)
        return BuildWire::unexpected(u"build"_qs);
    return build;
}

QString RemoteBuild::statusName(Status status)
{
    for (const auto &[value, name] : StatusNames)
        if (value == status)
            return QString::fromUtf16(name);
    return {};
}

std::optional<RemoteBuild::Status> RemoteBuild::statusFromName(const QString &name)
{
    for (const auto &[value, text] : StatusNames)
        if (name == QStringView(text))
            return value;
    return std::nullopt;
}

} // namespace ddd::core::client
