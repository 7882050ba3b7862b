// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/buildjson.h"

namespace ddd::core::wire {

namespace {

QJsonValue optionalInt(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject detectionToJson(const build::Detection &detection)
{
    return {{u"generator"_qs, build::generatorName(detection.generator)},
            {u"siteRoot"_qs, detection.siteRoot},
            {u"command"_qs, detection.command},
            {u"outputDir"_qs, detection.outputDir},
            {u"toolchain"_qs, detection.toolchain}};
}

std::optional<build::Detection> detectionFromJson(const QJsonObject &json)
{
    const auto generator = build::generatorFromName(json.value(u"generator"_qs).toString());
    if (!generator)
        return std::nullopt;
    return build::Detection{*generator, json.value(u"siteRoot"_qs).toString(), json.value(u"command"_qs).toString(),
                            json.value(u"outputDir"_qs).toString(), json.value(u"toolchain"_qs).toString()};
}

QJsonArray phasesToJson(const QList<build::BuildPhase> &phases)
{
    QJsonArray out;
    for (const build::BuildPhase &phase : phases)
        out.append(QJsonObject{{u"name"_qs, phase.name},
                               {u"durationMs"_qs, phase.durationMs},
                               {u"exitCode"_qs, phase.exitCode}});
    return out;
}

QList<build::BuildPhase> phasesFromJson(const QJsonArray &json)
{
    QList<build::BuildPhase> phases;
    for (const QJsonValue &value : json) {
        const QJsonObject phase = value.toObject();
        phases.append({phase.value(u"name"_qs).toString(), phase.value(u"durationMs"_qs).toInteger(),
                       int(phase.value(u"exitCode"_qs).toInteger())});
    }
    return phases;
}

QJsonObject errorObjectToJson(const Error &error)
{
    QJsonObject out{{u"code"_qs, error.code}, {u"message"_qs, error.message}};
    if (!error.details.isEmpty())
        out.insert(u"details"_qs, error.details);
    return out;
}

std::optional<Error> errorObjectFromJson(const QJsonObject &json)
{
    const QString code = json.value(u"code"_qs).toString();
    if (code.isEmpty())
        return std::nullopt;
    return Error::make(code, json.value(u"message"_qs).toString(), json.value(u"details"_qs).toObject());
}

QJsonObject gitOriginToJson(const model::GitOrigin &origin)
{
    return {{u"url"_qs, origin.url},
            {u"branch"_qs, origin.branch},
            {u"commit"_qs, origin.commit},
            {u"subject"_qs, origin.subject}};
}

std::optional<model::GitOrigin> gitOriginFromJson(const QJsonObject &json)
{
    if (!json.value(u"url"_qs).isString() || !json.value(u"commit"_qs).isString())
        return std::nullopt;
    return model::GitOrigin{json.value(u"url"_qs).toString(), json.value(u"branch"_qs).toString(),
                            json.value(u"commit"_qs).toString(), json.value(u"subject"_qs).toString()};
}

QJsonObject sourceToJson(const model::Source &source)
{
    return {{u"id"_qs, source.id},
            {u"projectId"_qs, source.projectId},
            {u"number"_qs, source.number},
            {u"fileCount"_qs, source.fileCount},
            {u"totalBytes"_qs, source.totalBytes},
            {u"createdAt"_qs, source.createdAt},
            {u"authorEmail"_qs, source.authorEmail},
            {u"detection"_qs, source.detection ? QJsonValue(detectionToJson(*source.detection)) : QJsonValue()},
            {u"detectionError"_qs,
             source.detectionError ? QJsonValue(errorObjectToJson(*source.detectionError)) : QJsonValue()},
            {u"git"_qs, source.git ? QJsonValue(gitOriginToJson(*source.git)) : QJsonValue()}};
}

QJsonObject buildToJson(const model::Build &build)
{
    std::optional<qint64> duration;
    if (build.startedAt && build.finishedAt)
        duration = *build.finishedAt - *build.startedAt;
    return {{u"id"_qs, build.id},
            {u"projectId"_qs, build.projectId},
            {u"number"_qs, build.number},
            {u"status"_qs, model::buildStatusName(build.status)},
            {u"trigger"_qs, model::buildTriggerName(build.trigger)},
            {u"sourceId"_qs, optionalInt(build.sourceId)},
            {u"activate"_qs, build.activate},
            {u"detection"_qs, build.detection ? QJsonValue(detectionToJson(*build.detection)) : QJsonValue()},
            {u"phases"_qs, phasesToJson(build.phases)},
            {u"error"_qs, build.error ? QJsonValue(errorObjectToJson(*build.error)) : QJsonValue()},
            {u"versionId"_qs, optionalInt(build.versionId)},
            {u"createdAt"_qs, build.createdAt},
            {u"startedAt"_qs, optionalInt(build.startedAt)},
            {u"finishedAt"_qs, optionalInt(build.finishedAt)},
            {u"durationMs"_qs, optionalInt(duration)},
            {u"authorEmail"_qs, build.authorEmail},
            {u"logBytes"_qs, build.logBytes}};
}

QJsonObject buildHookToJson(const model::BuildHook &hook)
{
    return {{u"id"_qs, hook.id},
            {u"projectId"_qs, hook.projectId},
            {u"name"_qs, hook.name},
            {u"createdAt"_qs, hook.createdAt},
            {u"lastUsedAt"_qs, optionalInt(hook.lastUsedAt)}};
}

} // namespace ddd::core::wire
