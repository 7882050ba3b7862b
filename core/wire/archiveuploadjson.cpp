// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/archiveuploadjson.h"

#include "core/wire/jsoncount.h"
#include "core/wire/jsonfields.h"
#include "core/wire/timestampjson.h"

namespace ddd::core::wire {

QJsonObject archiveUploadToJson(const model::ArchiveUploadStatus &upload)
{
    return QJsonObject{
        {u"id"_qs, upload.id},
        {u"projectId"_qs, upload.projectId},
        {u"size"_qs, upload.size},
        {u"offset"_qs, upload.offset},
        {u"sha256"_qs, upload.sha256.isEmpty() ? QJsonValue() : QJsonValue(upload.sha256)},
        {u"createdAt"_qs, timestampToJson(upload.createdAt)},
        {u"expiresAt"_qs, timestampToJson(upload.expiresAt)},
    };
}

Result<model::ArchiveUploadStatus> archiveUploadFromJson(const QJsonObject &json)
{
    JsonFields fields(json);
    model::ArchiveUploadStatus upload;
    upload.id = fields.string(u"id"_qs);
    upload.projectId = fields.id(u"projectId"_qs);
    upload.size = readCount(json, fields, u"size"_qs);
    upload.offset = readCount(json, fields, u"offset"_qs);
    upload.sha256 = fields.optionalString(u"sha256"_qs).value_or(QString());
    upload.createdAt = fields.timestamp(u"createdAt"_qs);
    upload.expiresAt = fields.timestamp(u"expiresAt"_qs);
    if (upload.offset > upload.size)
        fields.fail(u"offset"_qs);
    if (auto error = fields.error())
        return *error;
    return upload;
}

} // namespace ddd::core::wire
