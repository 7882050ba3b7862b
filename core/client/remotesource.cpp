// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/remotesource.h"

#include "core/client/buildwire.h"

namespace ddd::core::client {

Result<RemoteSource> RemoteSource::fromJson(const QJsonObject &json)
{
    RemoteSource source;
    bool ok = json[u"id"_qs].isDouble();
    source.id = json[u"id"_qs].toInteger();
    source.projectId = json[u"projectId"_qs].toInteger();
    source.number = json[u"number"_qs].toInteger();
    source.fileCount = json[u"fileCount"_qs].toInteger();
    source.totalBytes = json[u"totalBytes"_qs].toInteger();
    source.createdAt = BuildWire::time(json[u"createdAt"_qs], ok).value_or(0);
    source.authorEmail = json[u"authorEmail"_qs].toString();
    source.detection = BuildWire::detection(json[u"detection"_qs], ok);
    source.detectionError = BuildWire::error(json[u"detectionError"_qs], ok);
    if (!ok)
        return BuildWire::unexpected(u"source"_qs);
    return source;
}

Result<SourceBuild> SourceBuild::fromJson(const QJsonObject &json)
{
    if (!json.contains(u"source"_qs)) {
        auto source = RemoteSource::fromJson(json);
        if (!source.ok())
            return source.error();
        return SourceBuild{std::move(source).value(), std::nullopt};
    }
    auto source = RemoteSource::fromJson(json[u"source"_qs].toObject());
    if (!source.ok())
        return source.error();
    SourceBuild answer{std::move(source).value(), std::nullopt};
    if (json[u"build"_qs].isObject()) {
        auto build = RemoteBuild::fromJson(json[u"build"_qs].toObject());
        if (!build.ok())
            return build.error();
        answer.build = std::move(build).value();
    }
    return answer;
}

} // namespace ddd::core::client
