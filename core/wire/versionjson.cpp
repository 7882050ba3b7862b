// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/versionjson.h"

#include "core/wire/jsoncount.h"
#include "core/wire/timestampjson.h"

namespace ddd::core::wire {

namespace {

std::optional<qint64> optionalTimestamp(const QJsonObject &json, JsonFields &fields, const QString &key)
{
    if (json.value(key).isNull())
        return std::nullopt;
    return fields.timestamp(key);
}

// Absent (an older agent) or null: no value.
std::optional<qint64> optionalId(const QJsonObject &json, JsonFields &fields, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    return fields.id(key);
}

QJsonValue idOrNull(const std::optional<qint64> &id)
{
    return id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null);
}

void readAuthor(const QJsonObject &json, JsonFields &fields, model::Version &version)
{
    if (json.value(u"author"_qs).isNull())
        return;
    JsonFields author = fields.nested(u"author"_qs);
    version.authorId = author.id(u"id"_qs);
    version.authorEmail = author.string(u"email"_qs);
    fields.adopt(author);
}

void readError(const QJsonObject &json, JsonFields &fields, model::Version &version)
{
    const QJsonValue error = json.value(u"error"_qs);
    if (error.isNull() || error.isUndefined())
        return;
    JsonFields body = fields.nested(u"error"_qs);
    version.error = Error::make(body.string(u"code"_qs), body.string(u"message"_qs));
    fields.adopt(body);
}

void readStatusAndSource(JsonFields &fields, model::Version &version)
{
    const auto status = model::versionStatusFromName(fields.string(u"status"_qs));
    if (!status)
        fields.fail(u"status"_qs);
    version.status = status.value_or(model::VersionStatus::Failed);
    const auto source = model::versionSourceFromName(fields.string(u"source"_qs));
    if (!source)
        fields.fail(u"source"_qs);
    version.source = source.value_or(model::VersionSource::Archive);
}

void readFiles(const QJsonObject &json, JsonFields &fields, model::Version &version)
{
    if (!json.contains(u"files"_qs))
        return;
    for (const QJsonValue &entry : fields.array(u"files"_qs)) {
        auto file = versionFileFromJson(entry.toObject());
        if (!entry.isObject() || !file.ok()) {
            fields.fail(u"files"_qs);
            return;
        }
        version.files.append(*file);
    }
}

// Only a web address is accepted: the dashboard opens it in a browser.
void readPreviewUrl(const QJsonObject &json, JsonFields &fields, model::Version &version)
{
    if (!json.contains(u"previewUrl"_qs))
        return;
    const QUrl url(fields.string(u"previewUrl"_qs), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_qs && url.scheme() != u"https"_qs))
        return fields.fail(u"previewUrl"_qs);
    version.previewUrl = url;
}

} // namespace

QJsonObject versionToJson(const model::Version &version)
{
    QJsonObject json{
        {u"id"_qs, version.id},
        {u"projectId"_qs, version.projectId},
        {u"number"_qs, version.number},
        {u"status"_qs, model::versionStatusName(version.status)},
        {u"source"_qs, model::versionSourceName(version.source)},
        {u"fileCount"_qs, version.fileCount},
        {u"totalBytes"_qs, version.totalBytes},
        {u"uniqueBytes"_qs, version.uniqueBytes},
        {u"pinned"_qs, version.pinned},
        {u"author"_qs, version.authorId ? QJsonValue(QJsonObject{{u"id"_qs, *version.authorId},
                                                                 {u"email"_qs, version.authorEmail}})
                                        : QJsonValue(QJsonValue::Null)},
        {u"createdAt"_qs, timestampToJson(version.createdAt)},
        {u"activatedAt"_qs, version.activatedAt ? QJsonValue(timestampToJson(*version.activatedAt))
                                                : QJsonValue(QJsonValue::Null)},
        {u"diff"_qs, diffSummaryToJson(version.diff)},
        {u"error"_qs, version.error ? QJsonValue(QJsonObject{{u"code"_qs, version.error->code},
                                                             {u"message"_qs, version.error->message}})
                                    : QJsonValue(QJsonValue::Null)},
        {u"buildId"_qs, idOrNull(version.buildId)},
        {u"sourceId"_qs, idOrNull(version.sourceId)},
    };
    if (!version.files.isEmpty()) {
        QJsonArray files;
        for (const model::VersionFile &file : version.files)
            files.append(versionFileToJson(file));
        json.insert(u"files"_qs, files);
    }
    return json;
}

Result<model::Version> versionFromJson(const QJsonObject &json)
{
    JsonFields fields(json);
    model::Version version;
    version.id = fields.id(u"id"_qs);
    version.projectId = fields.id(u"projectId"_qs);
    version.number = fields.id(u"number"_qs);
    readStatusAndSource(fields, version);
    version.fileCount = readCount(json, fields, u"fileCount"_qs);
    version.totalBytes = readCount(json, fields, u"totalBytes"_qs);
    version.uniqueBytes = readCount(json, fields, u"uniqueBytes"_qs);
    version.pinned = fields.boolean(u"pinned"_qs);
    readAuthor(json, fields, version);
    version.createdAt = fields.timestamp(u"createdAt"_qs);
    version.activatedAt = optionalTimestamp(json, fields, u"activatedAt"_qs);
    if (auto diff = diffSummaryFromJson(fields.object(u"diff"_qs)); diff.ok())
        version.diff = *diff;
    else
        fields.fail(u"diff"_qs);
    readError(json, fields, version);
    version.buildId = optionalId(json, fields, u"buildId"_qs);
    version.sourceId = optionalId(json, fields, u"sourceId"_qs);
    readFiles(json, fields, version);
    readPreviewUrl(json, fields, version);
    if (auto error = fields.error())
        return *error;
    return version;
}

Result<QList<model::Version>> versionsFromJson(const QJsonArray &json)
{
    QList<model::Version> versions;
    for (const QJsonValue &entry : json) {
        auto version = versionFromJson(entry.toObject());
        if (!version.ok())
            return version.error();
        versions.append(std::move(version).value());
    }
    return versions;
}

QJsonObject diffSummaryToJson(const model::DiffSummary &diff)
{
    return QJsonObject{
        {u"added"_qs, diff.added},
        {u"changed"_qs, diff.changed},
        {u"removed"_qs, diff.removed},
        {u"bytesAdded"_qs, diff.bytesAdded},
        {u"bytesRemoved"_qs, diff.bytesRemoved},
    };
}

Result<model::DiffSummary> diffSummaryFromJson(const QJsonObject &json)
{
    JsonFields fields(json, u"diff."_qs);
    model::DiffSummary diff;
    diff.added = readCount(json, fields, u"added"_qs);
    diff.changed = readCount(json, fields, u"changed"_qs);
    diff.removed = readCount(json, fields, u"removed"_qs);
    diff.bytesAdded = readCount(json, fields, u"bytesAdded"_qs);
    diff.bytesRemoved = readCount(json, fields, u"bytesRemoved"_qs);
    if (auto error = fields.error())
        return *error;
    return diff;
}

QJsonObject versionFileToJson(const model::VersionFile &file)
{
    return QJsonObject{{u"path"_qs, file.path}, {u"sha256"_qs, file.sha256}, {u"size"_qs, file.size}};
}

Result<model::VersionFile> versionFileFromJson(const QJsonObject &json)
{
    JsonFields fields(json, u"files."_qs);
    model::VersionFile file;
    file.path = fields.string(u"path"_qs);
    file.sha256 = fields.string(u"sha256"_qs);
    file.size = readCount(json, fields, u"size"_qs);
    if (auto error = fields.error())
        return *error;
    return file;
}

QJsonObject manifestToJson(const QList<model::VersionFile> &files)
{
    QJsonArray array;
    for (const model::VersionFile &file : files)
        array.append(versionFileToJson(file));
    return QJsonObject{{u"files"_qs, array}};
}

} // namespace ddd::core::wire
