// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/uploadscontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/api/siteurls.h"
#include "agent/api/sourcescontroller.h"
#include "agent/http/errorresponse.h"
#include "core/deploy/deploymentservice.h"
#include "core/upload/inflatingupload.h"
#include "core/util/gzipinflater.h"
#include "core/wire/uploadjson.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace ddd::agent::api {

namespace {

using core::Error;

// What a gzip-encoded manifest may decode to: the cap a plain one has
// (Router::Limits::maxManifestBytes), so compression never admits more.
constexpr qint64 kMaxDecodedManifestBytes = qint64(64) << 20;

// The manifest as sent, or decoded when it came with Content-Encoding: gzip.
core::Result<QByteArray> manifestBody(const http::Request &request)
{
    const QByteArray encoding = request.headers.value("Content-Encoding");
    if (core::Status known = core::GzipInflater::checkEncoding(encoding); !known)
        return known.error();
    if (!core::GzipInflater::isGzip(encoding))
        return request.body;
    return core::GzipInflater::inflate(request.body, kMaxDecodedManifestBytes);
}

// "bytes <first>-<last>/<size>": the offset a resumed PUT starts at. No
// header means the whole blob from offset 0.
core::Result<qint64> rangeStart(const http::Request &request)
{
    const QByteArray header = request.headers.value("Content-Range");
    if (header.isEmpty())
        return qint64(0);
    static const QRegularExpression pattern(u"^bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})$"_qs);
    const auto match = pattern.match(QString::fromLatin1(header));
    if (!match.hasMatch() || match.captured(1).toLongLong() > match.captured(2).toLongLong())
        return Error::make(u"request.invalid_field"_qs, u"Content-Range must read 'bytes first-last/size'"_qs,
                           QJsonObject{{u"field"_qs, u"Content-Range"_qs}});
    return match.captured(1).toLongLong();
}

http::Response progressResponse(const core::Result<core::model::BlobProgress> &progress)
{
    return progress ? http::Response::json(200, core::wire::blobProgressToJson(*progress))
                    : http::errorResponse(progress.error());
}

} // namespace

UploadsController::UploadsController(core::deploy::DeploymentService &deploys, const SiteUrls &urls,
                                     const SourcesController &sources)
    : m_deploys(deploys), m_urls(urls), m_sources(sources)
{
}

http::Response UploadsController::start(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    auto manifest = manifestBody(call.request);
    if (!manifest)
        return http::errorResponse(manifest.error());
    // "kind" is read leniently here; the manifest parser reads "files" strictly.
    const QJsonValue kind = QJsonDocument::fromJson(*manifest).object().value(u"kind"_qs);
    if (!kind.isUndefined() && kind != QJsonValue(u"source"_qs) && kind != QJsonValue(u"version"_qs))
        return http::errorResponse(Error::make(u"request.invalid_field"_qs, u"'kind' must be \"version\" or \"source\""_qs,
                                               QJsonObject{{u"field"_qs, u"kind"_qs}}));
    auto plan = m_deploys.startUpload(call.identity(), *projectId, *manifest, kind == QJsonValue(u"source"_qs));
    return plan ? http::Response::json(201, core::wire::uploadPlanToJson(*plan)) : http::errorResponse(plan.error());
}

http::Response UploadsController::blobStatus(Call &call) const
{
    return progressResponse(m_deploys.blobStatus(call.identity(), call.param(u"id"_qs), call.param(u"sha256"_qs)));
}

// The session, the blob and the offset are checked before the body is read.
core::Result<OpenedUpload> UploadsController::openBlob(Call &call) const
{
    auto offset = rangeStart(call.request);
    if (!offset)
        return offset.error();
    const QByteArray encoding = call.request.headers.value("Content-Encoding");
    if (core::Status known = core::GzipInflater::checkEncoding(encoding); !known)
        return known.error();
    auto upload = m_deploys.openBlobUpload(call.identity(), call.param(u"id"_qs), call.param(u"sha256"_qs), *offset);
    if (!upload)
        return upload.error();
    if (!core::GzipInflater::isGzip(encoding))
        return OpenedUpload::of(std::move(*upload), &progressResponse);
    // The blob's declared size bounds what its upload accepts (blob.too_large),
    // so a compression bomb stops there.
    using Inflating = core::upload::InflatingUpload<core::model::BlobProgress>;
    return OpenedUpload::of(std::unique_ptr<core::upload::Upload<core::model::BlobProgress>>(
                                std::make_unique<Inflating>(std::move(*upload))),
                            &progressResponse);
}

http::Response UploadsController::finalize(Call &call) const
{
    auto source = m_deploys.isSourceUpload(call.identity(), call.param(u"id"_qs));
    if (!source)
        return http::errorResponse(source.error());
    auto body = JsonBody::parse(call.request, *source ? QStringList{u"build"_qs, u"activate"_qs} : QStringList{u"activate"_qs});
    if (!body)
        return http::errorResponse(body.error());
    if (*source)
        return m_sources.finalizeUpload(call, *body);
    const QJsonValue activate = body->value(u"activate"_qs);
    if (!activate.isUndefined() && !activate.isBool())
        return http::errorResponse(Error::make(u"request.invalid_field"_qs, u"'activate' must be true or false"_qs,
                                               QJsonObject{{u"field"_qs, u"activate"_qs}}));
    auto version = m_deploys.finalizeUpload(call.identity(), call.param(u"id"_qs), activate.toBool(false));
    return version ? http::Response::json(201, m_urls.versionJson(*version)) : http::errorResponse(version.error());
}

} // namespace ddd::agent::api
