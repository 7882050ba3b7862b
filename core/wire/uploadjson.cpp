// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/uploadjson.h"

#include "core/wire/jsoncount.h"
#include "core/wire/versionjson.h"

#include <QJsonArray>

namespace ddd::core::wire {

namespace {

// Upload ids are opaque to clients: the agent may answer a number or a string.
QString opaqueId(const QJsonObject &json, JsonFields &fields, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (value.isString() && !value.toString().isEmpty())
        return value.toString();
    if (value.isDouble() && value.toInteger(0) > 0)
        return QString::number(value.toInteger());
    fields.fail(key);
    return {};
}

} // namespace

QJsonObject uploadPlanToJson(const model::UploadPlan &plan)
{
    return QJsonObject{
        {u"uploadId"_qs, plan.uploadId},
        {u"missing"_qs, QJsonArray::fromStringList(plan.missing)},
        {u"diff"_qs, diffSummaryToJson(plan.diff)},
        {u"bytesToSend"_qs, plan.bytesToSend},
    };
}

Result<model::UploadPlan> uploadPlanFromJson(const QJsonObject &json)
{
    JsonFields fields(json);
    model::UploadPlan plan;
    plan.uploadId = opaqueId(json, fields, u"uploadId"_qs);
    for (const QJsonValue &hash : fields.array(u"missing"_qs)) {
        if (!hash.isString())
            fields.fail(u"missing"_qs);
        plan.missing.append(hash.toString());
    }
    if (auto diff = diffSummaryFromJson(fields.object(u"diff"_qs)); diff.ok())
        plan.diff = *diff;
    else
        fields.fail(u"diff"_qs);
    plan.bytesToSend = readCount(json, fields, u"bytesToSend"_qs);
    if (auto error = fields.error())
        return *error;
    return plan;
}

QJsonObject blobProgressToJson(const model::BlobProgress &progress)
{
    return QJsonObject{
        {u"sha256"_qs, progress.sha256},
        {u"size"_qs, progress.size},
        {u"received"_qs, progress.received},
        {u"complete"_qs, progress.complete},
    };
}

Result<model::BlobProgress> blobProgressFromJson(const QJsonObject &json)
{
    JsonFields fields(json);
    model::BlobProgress progress;
    progress.sha256 = fields.string(u"sha256"_qs);
    progress.size = readCount(json, fields, u"size"_qs);
    progress.received = readCount(json, fields, u"received"_qs);
    progress.complete = fields.boolean(u"complete"_qs);
    if (progress.received > progress.size)
        fields.fail(u"received"_qs);
    if (auto error = fields.error())
        return *error;
    return progress;
}

} // namespace ddd::core::wire
