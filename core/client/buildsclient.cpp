// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/buildsclient.h"

#include "core/client/apitransport.h"
#include "core/client/buildlogstream.h"
#include "core/client/replydelivery.h"
#include "core/wire/uploadjson.h"
#include "core/wire/versionjson.h"

#include <QJsonObject>

namespace ddd::core::client {

namespace {

Result<RemoteBuild> decodeBuild(const QJsonValue &body)
{
    return RemoteBuild::fromJson(body.toObject());
}

} // namespace

BuildsClient::BuildsClient(ApiTransport &transport, const ReplyDelivery &delivery)
    : m_transport(transport), m_delivery(std::make_unique<ReplyDelivery>(delivery))
{
}

BuildsClient::~BuildsClient() = default;

CallHandle BuildsClient::startSourceUpload(qint64 projectId, const QList<model::VersionFile> &manifest,
                                           QObject *context, Callback<model::UploadPlan> done)
{
    QJsonObject body = wire::manifestToJson(manifest);
    body.insert(u"kind"_qs, u"source"_qs);
    return m_delivery->deliver<model::UploadPlan>(
        m_transport.sendJson("POST", ApiTransport::idPath("projects", projectId, "/uploads"), body), context,
        std::move(done), [](const QJsonValue &json) { return wire::uploadPlanFromJson(json.toObject()); });
}

CallHandle BuildsClient::finalizeSource(const QString &uploadId, bool build, bool activate, QObject *context,
                                        Callback<SourceBuild> done)
{
    const QJsonObject body{{u"build"_qs, build}, {u"activate"_qs, activate}};
    return m_delivery->deliver<SourceBuild>(
        m_transport.sendJson("POST", ApiTransport::uploadPath(uploadId, u"/finalize"_qs), body), context,
        std::move(done), [](const QJsonValue &json) { return SourceBuild::fromJson(json.toObject()); });
}

CallHandle BuildsClient::startBuild(qint64 projectId, std::optional<qint64> sourceId, std::optional<bool> activate,
                                    QObject *context, Callback<RemoteBuild> done)
{
    QJsonObject body;
    if (sourceId)
        body.insert(u"sourceId"_qs, *sourceId);
    if (activate)
        body.insert(u"activate"_qs, *activate);
    return m_delivery->deliver<RemoteBuild>(
        m_transport.sendJson("POST", ApiTransport::idPath("projects", projectId, "/builds"), body), context,
        std::move(done), decodeBuild);
}

CallHandle BuildsClient::startGitBuild(qint64 projectId, std::optional<bool> activate, QObject *context,
                                       Callback<RemoteBuild> done)
{
    QJsonObject body{{u"from"_qs, u"git"_qs}};
    if (activate)
        body.insert(u"activate"_qs, *activate);
    return m_delivery->deliver<RemoteBuild>(
        m_transport.sendJson("POST", ApiTransport::idPath("projects", projectId, "/builds"), body), context,
        std::move(done), decodeBuild);
}

CallHandle BuildsClient::listBuilds(qint64 projectId, QObject *context, Callback<QList<RemoteBuild>> done)
{
    return m_delivery->deliver<QList<RemoteBuild>>(
        m_transport.sendJson("GET", ApiTransport::idPath("projects", projectId, "/builds")), context, std::move(done),
        [](const QJsonValue &json) {
            return ReplyDelivery::decodeList<RemoteBuild>(json, u"items"_qs, RemoteBuild::fromJson);
        });
}

CallHandle BuildsClient::getBuild(qint64 buildId, QObject *context, Callback<RemoteBuild> done)
{
    return m_delivery->deliver<RemoteBuild>(m_transport.sendJson("GET", ApiTransport::idPath("builds", buildId)),
                                            context, std::move(done), decodeBuild);
}

CallHandle BuildsClient::buildLog(qint64 buildId, std::optional<int> tail, QObject *context, Callback<QString> done)
{
    QUrlQuery query;
    if (tail)
        query.addQueryItem(u"tail"_qs, QString::number(*tail));
    return m_delivery->deliverText(m_transport.sendJson("GET", ApiTransport::idPath("builds", buildId, "/log"), {}, query),
                                   context, std::move(done));
}

CallHandle BuildsClient::cancelBuild(qint64 buildId, QObject *context, Callback<RemoteBuild> done)
{
    return m_delivery->deliver<RemoteBuild>(
        m_transport.sendJson("POST", ApiTransport::idPath("builds", buildId, "/cancel")), context, std::move(done),
        decodeBuild);
}

BuildLogStream *BuildsClient::streamBuildLog(qint64 buildId, QObject *parent)
{
    auto *stream =
        new BuildLogStream(m_transport.openStream(ApiTransport::idPath("builds", buildId, "/log/stream")), parent);
    QObject::connect(stream, &BuildLogStream::ended, stream, [delivery = *m_delivery](const Result<RemoteBuild> &build) {
        if (!build.ok())
            delivery.notice(build.error());
    });
    return stream;
}

CallHandle BuildsClient::createBuildHook(qint64 projectId, const QString &name, QObject *context,
                                         Callback<BuildHook> done)
{
    return m_delivery->deliver<BuildHook>(
        m_transport.sendJson("POST", ApiTransport::idPath("projects", projectId, "/build-hooks"),
                             QJsonObject{{u"name"_qs, name}}),
        context, std::move(done), [](const QJsonValue &json) { return BuildHook::fromJson(json.toObject()); });
}

CallHandle BuildsClient::listBuildHooks(qint64 projectId, QObject *context, Callback<QList<BuildHook>> done)
{
    return m_delivery->deliver<QList<BuildHook>>(
        m_transport.sendJson("GET", ApiTransport::idPath("projects", projectId, "/build-hooks")), context,
        std::move(done), [](const QJsonValue &json) {
            return ReplyDelivery::decodeList<BuildHook>(json, u"hooks"_qs, BuildHook::fromJson);
        });
}

CallHandle BuildsClient::revokeBuildHook(qint64 hookId, QObject *context, Callback<void> done)
{
    return m_delivery->deliverStatus(m_transport.sendJson("DELETE", ApiTransport::idPath("build-hooks", hookId)),
                                     context, std::move(done));
}

} // namespace ddd::core::client
