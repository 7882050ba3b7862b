// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/callhandle.h"
#include "core/client/remotesource.h"
#include "core/model/archiveuploadstatus.h"
#include "core/model/version.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

class QObject;

namespace ddd::core::client {

class ApiTransport;
class ReplyDelivery;

// The calls of archive upload sessions (docs/api.md, "Archive upload
// sessions"); ArchiveUpload drives them for the CLI and the dashboard.
class ArchiveUploadsClient final
{
public:
    ArchiveUploadsClient(ApiTransport &transport, const ReplyDelivery &delivery);
    ~ArchiveUploadsClient();
    ArchiveUploadsClient(const ArchiveUploadsClient &) = delete;
    ArchiveUploadsClient &operator=(const ArchiveUploadsClient &) = delete;

    // `sha256` lower-case hex, or empty to declare none.
    CallHandle create(qint64 projectId, qint64 size, const QString &sha256, QObject *context,
                      Callback<model::ArchiveUploadStatus> done);
    // The caller's open sessions of the project.
    CallHandle list(qint64 projectId, QObject *context, Callback<QList<model::ArchiveUploadStatus>> done);
    CallHandle status(const QString &id, QObject *context, Callback<model::ArchiveUploadStatus> done);
    // Appends `bytes` at `offset`; the answer says where the session stands.
    CallHandle sendPiece(const QString &id, qint64 offset, const QByteArray &bytes, ProgressCallback progress,
                         QObject *context, Callback<model::ArchiveUploadStatus> done);
    CallHandle complete(const QString &id, bool activate, QObject *context, Callback<model::Version> done);
    // The archive as a build source; a build starts, live when `activate`.
    CallHandle completeSource(const QString &id, bool activate, QObject *context, Callback<SourceBuild> done);
    CallHandle remove(const QString &id, QObject *context, Callback<void> done);

private:
    ApiTransport &m_transport;
    std::unique_ptr<ReplyDelivery> m_delivery;
};

} // namespace ddd::core::client
