// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/archiveuploadscontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/api/siteurls.h"
#include "agent/http/errorresponse.h"
#include "core/build/sourceuploads.h"
#include "core/deploy/deploymentservice.h"
#include "core/wire/archiveuploadjson.h"
#include "core/wire/buildjson.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace ddd::agent::api {

namespace {

using core::Error;
using core::model::ArchiveUploadStatus;

Error invalidField(const QString &field, const QString &message)
{
    return Error::make(u"request.invalid_field"_qs, message, QJsonObject{{u"field"_qs, field}});
}

http::Response statusResponse(int status, const core::Result<ArchiveUploadStatus> &upload)
{
    if (!upload)
        return http::errorResponse(upload.error());
    http::Response response = http::Response::json(status, core::wire::archiveUploadToJson(*upload));
    response.headers.set("Upload-Offset", QByteArray::number(upload->offset));
    response.headers.set("Upload-Length", QByteArray::number(upload->size));
    return response;
}

// `Upload-Offset: N`, or `Content-Range: bytes N-M/T` as for blobs.
core::Result<qint64> pieceOffset(const http::Request &request)
{
    static const QRegularExpression number(u"^\\d{1,18}$"_qs);
    static const QRegularExpression range(u"^bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)$"_qs);
    const QString offset = QString::fromLatin1(request.headers.value("Upload-Offset")).trimmed();
    if (!offset.isEmpty()) {
        if (!number.match(offset).hasMatch())
            return invalidField(u"Upload-Offset"_qs, u"Upload-Offset must be a byte count"_qs);
        return offset.toLongLong();
    }
    const auto match = range.match(QString::fromLatin1(request.headers.value("Content-Range")));
    if (!match.hasMatch() || match.captured(1).toLongLong() > match.captured(2).toLongLong())
        return invalidField(u"Upload-Offset"_qs, u"Name the piece's offset in Upload-Offset (or Content-Range)"_qs);
    return match.captured(1).toLongLong();
}

core::Result<bool> flag(const QJsonObject &body, const QString &key)
{
    const QJsonValue value = body.value(key);
    if (!value.isUndefined() && !value.isBool())
        return invalidField(key, u"'"_qs + key + u"' must be true or false"_qs);
    return value.toBool(false);
}

} // namespace

ArchiveUploadsController::ArchiveUploadsController(core::deploy::DeploymentService &deploys,
                                                   core::build::SourceUploads &sources, const SiteUrls &urls)
    : m_deploys(deploys), m_sources(sources), m_urls(urls)
{
}

http::Response ArchiveUploadsController::create(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    auto body = JsonBody::parse(call.request, {u"size"_qs, u"sha256"_qs});
    if (!body)
        return http::errorResponse(body.error());
    const QJsonValue size = body->value(u"size"_qs);
    if (!size.isDouble() || size.toDouble() < 0 || size.toDouble() != double(size.toInteger(-1)))
        return http::errorResponse(invalidField(u"size"_qs, u"'size' must be the archive's length in bytes"_qs));
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_qs);
    const QJsonValue sha256 = body->value(u"sha256"_qs);
    if (!sha256.isUndefined() && !sha256.isNull() && !hex.match(sha256.toString()).hasMatch())
        return http::errorResponse(invalidField(u"sha256"_qs, u"'sha256' must be 64 lower-case hex digits"_qs));
    auto upload = m_deploys.archiveUploads().create(call.identity(), *projectId, size.toInteger(), sha256.toString());
    http::Response response = statusResponse(201, upload);
    if (upload)
        response.headers.set("Location", "/api/v1/archive-uploads/" + upload->id.toLatin1());
    return response;
}

http::Response ArchiveUploadsController::list(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    auto uploads = m_deploys.archiveUploads().list(call.identity(), *projectId);
    if (!uploads)
        return http::errorResponse(uploads.error());
    QJsonArray items;
    for (const ArchiveUploadStatus &upload : std::as_const(*uploads))
        items.append(core::wire::archiveUploadToJson(upload));
    return http::Response::json(200, QJsonObject{{u"uploads"_qs, items}});
}

http::Response ArchiveUploadsController::get(Call &call) const
{
    return statusResponse(200, m_deploys.archiveUploads().status(call.identity(), call.param(u"id"_qs)));
}

core::Result<OpenedUpload> ArchiveUploadsController::openChunk(Call &call) const
{
    auto offset = pieceOffset(call.request);
    if (!offset)
        return offset.error();
    auto upload = m_deploys.archiveUploads().openChunk(call.identity(), call.param(u"id"_qs), *offset);
    if (!upload)
        return upload.error();
    return OpenedUpload::of(std::move(*upload),
                            [](const core::Result<ArchiveUploadStatus> &status) { return statusResponse(200, status); });
}

// The archive goes to the upload the one-shot route would have opened (no
// declared length: the file moves, it needs no new room); the session ends
// whether that upload takes it or refuses it.
template<typename T, typename Answer>
http::Response ArchiveUploadsController::deliver(core::Result<std::unique_ptr<core::upload::Upload<T>>> upload,
                                                 const core::deploy::ArchiveUploads::Ready &ready, Answer answer) const
{
    if (!upload) // refused before taking anything (capability, project): the session stays
        return http::errorResponse(upload.error());
    const core::Status taken = (*upload)->takeFile(ready.path);
    if (core::Status ended = m_deploys.archiveUploads().finished(ready); !ended)
        qWarning("Archive upload %s not removed: %s", qPrintable(ready.row.id), qPrintable(ended.error().message));
    if (!taken) {
        (*upload)->abort();
        return http::errorResponse(taken.error());
    }
    if (core::Status finished = (*upload)->finish(); !finished) {
        (*upload)->abort();
        return http::errorResponse(finished.error());
    }
    return answer((*upload)->complete());
}

http::Response ArchiveUploadsController::complete(Call &call) const
{
    auto body = JsonBody::parse(call.request, {u"activate"_qs, u"build"_qs});
    if (!body)
        return http::errorResponse(body.error());
    auto activate = flag(*body, u"activate"_qs);
    auto build = flag(*body, u"build"_qs);
    if (!activate || !build)
        return http::errorResponse(!activate ? activate.error() : build.error());
    auto ready = m_deploys.archiveUploads().take(call.identity(), call.param(u"id"_qs));
    if (!ready)
        return http::errorResponse(ready.error());
    const qint64 projectId = ready->row.projectId;
    if (!*build)
        return deliver(m_deploys.openArchive(call.identity(), projectId, *activate), *ready,
                       [this](const core::Result<core::model::Version> &version) {
                           return version ? http::Response::json(201, m_urls.versionJson(*version))
                                          : http::errorResponse(version.error());
                       });
    // As POST /api/v1/projects/{id}/sources?build=1[&activate=1].
    using core::build::SourceUploads;
    const SourceUploads::Options options{true, *activate ? std::optional<bool>(true) : std::nullopt};
    return deliver(m_sources.openArchive(call.identity(), projectId, options, std::nullopt), *ready,
                   [](const core::Result<SourceUploads::Arrival> &arrival) {
                       if (!arrival)
                           return http::errorResponse(arrival.error());
                       QJsonObject json{{u"source"_qs, core::wire::sourceToJson(arrival->source)}};
                       if (arrival->build)
                           json.insert(u"build"_qs, core::wire::buildToJson(*arrival->build));
                       return http::Response::json(201, json);
                   });
}

http::Response ArchiveUploadsController::remove(Call &call) const
{
    core::Status removed = m_deploys.archiveUploads().discard(call.identity(), call.param(u"id"_qs));
    return removed ? http::Response::noContent() : http::errorResponse(removed.error());
}

} // namespace ddd::agent::api
