// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/archiveuploadsclient.h"

#include "core/client/apitransport.h"
#include "core/client/replydelivery.h"
#include "core/wire/archiveuploadjson.h"
#include "core/wire/versionjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

namespace ddd::core::client {

namespace {

using model::ArchiveUploadStatus;

QString sessionPath(const QString &id, const QString &tail = {})
{
    return u"/api/v1/archive-uploads/"_qs + QString::fromLatin1(QUrl::toPercentEncoding(id)) + tail;
}

Result<ArchiveUploadStatus> decodeStatus(const QJsonValue &json)
{
    return wire::archiveUploadFromJson(json.toObject());
}

} // namespace

ArchiveUploadsClient::ArchiveUploadsClient(ApiTransport &transport, const ReplyDelivery &delivery)
    : m_transport(transport), m_delivery(std::make_unique<ReplyDelivery>(delivery))
{
}

ArchiveUploadsClient::~ArchiveUploadsClient() = default;

CallHandle ArchiveUploadsClient::create(qint64 projectId, qint64 size, const QString &sha256, QObject *context,
                                        Callback<ArchiveUploadStatus> done)
{
    QJsonObject body{{u"size"_qs, size}};
    if (!sha256.isEmpty())
        body.insert(u"sha256"_qs, sha256);
    return m_delivery->deliver<ArchiveUploadStatus>(
        m_transport.sendJson("POST", ApiTransport::idPath("projects", projectId, "/archive-uploads"), body), context,
        std::move(done), decodeStatus);
}

CallHandle ArchiveUploadsClient::list(qint64 projectId, QObject *context, Callback<QList<ArchiveUploadStatus>> done)
{
    return m_delivery->deliver<QList<ArchiveUploadStatus>>(
        m_transport.sendJson("GET", ApiTransport::idPath("projects", projectId, "/archive-uploads")), context,
        std::move(done), [](const QJsonValue &json) {
            return ReplyDelivery::decodeList<ArchiveUploadStatus>(json, u"uploads"_qs, wire::archiveUploadFromJson);
        });
}

CallHandle ArchiveUploadsClient::status(const QString &id, QObject *context, Callback<ArchiveUploadStatus> done)
{
    return m_delivery->deliver<ArchiveUploadStatus>(m_transport.sendJson("GET", sessionPath(id)), context,
                                                    std::move(done), decodeStatus);
}

CallHandle ArchiveUploadsClient::sendPiece(const QString &id, qint64 offset, const QByteArray &bytes,
                                           ProgressCallback progress, QObject *context,
                                           Callback<ArchiveUploadStatus> done)
{
    const ApiTransport::Headers headers{{"Content-Type", "application/offset+octet-stream"},
                                        {"Upload-Offset", QByteArray::number(offset)}};
    QNetworkReply *reply = m_transport.sendBytes("PATCH", sessionPath(id), bytes, headers);
    if (progress)
        QObject::connect(reply, &QNetworkReply::uploadProgress, context, [progress](qint64 sent, qint64 total) {
            if (total > 0)
                progress(sent, total);
        });
    return m_delivery->deliver<ArchiveUploadStatus>(reply, context, std::move(done), decodeStatus);
}

CallHandle ArchiveUploadsClient::complete(const QString &id, bool activate, QObject *context,
                                          Callback<model::Version> done)
{
    const QJsonObject body{{u"activate"_qs, activate}};
    return m_delivery->deliver<model::Version>(
        m_transport.sendJson("POST", sessionPath(id, u"/complete"_qs), body), context, std::move(done),
        [](const QJsonValue &json) { return wire::versionFromJson(json.toObject()); });
}

CallHandle ArchiveUploadsClient::completeSource(const QString &id, bool activate, QObject *context,
                                                Callback<SourceBuild> done)
{
    const QJsonObject body{{u"activate"_qs, activate}, {u"build"_qs, true}};
    return m_delivery->deliver<SourceBuild>(
        m_transport.sendJson("POST", sessionPath(id, u"/complete"_qs), body), context, std::move(done),
        [](const QJsonValue &json) { return SourceBuild::fromJson(json.toObject()); });
}

CallHandle ArchiveUploadsClient::remove(const QString &id, QObject *context, Callback<void> done)
{
    return m_delivery->deliverStatus(m_transport.sendJson("DELETE", sessionPath(id)), context, std::move(done));
}

} // namespace ddd::core::client
