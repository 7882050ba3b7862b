// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/account.h"
#include "core/client/agentstatus.h"
#include "core/client/buildsclient.h"
#include "core/client/callhandle.h"
#include "core/client/leanmanifest.h"
#include "core/client/projectpatch.h"
#include "core/client/remotepage.h"
#include "core/client/remotecertificate.h"
#include "core/client/remoteproject.h"
#include "core/client/remotetoken.h"
#include "core/client/session.h"
#include "core/client/sharelink.h"
#include "core/client/webhooksclient.h"
#include "core/model/activityentry.h"
#include "core/model/activityfilter.h"
#include "core/model/blobprogress.h"
#include "core/model/uploadplan.h"
#include "core/model/version.h"
#include "core/model/versionfile.h"
#include "core/util/result.h"

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QIODevice;
class QNetworkReply;

namespace ddd::core::client {

class ApiTransport;
class ArchiveUploadsClient;
class ReplyDelivery;

// Typed, asynchronous calls to one agent's REST API (docs/api.md), shared by
// the dashboard, the CLI and the tests. Every call takes a `context`: the
// callback runs on the context's thread once the answer is in, and never if
// the context was destroyed first. Callbacks never run inside the call
// itself, so callers may start calls from anywhere. Errors from the agent keep
// their stable code; the client's own are listed in replydecoder.h.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    explicit ApiClient(const QUrl &baseUrl, QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const;
    void setToken(const QString &token);
    bool hasToken() const;
    void setTrustedFingerprint(const QString &sha256);
    void setTransferTimeout(std::chrono::milliseconds timeout);

    CallHandle login(const QString &email, const QString &password, QObject *context, Callback<Session> done);
    CallHandle me(QObject *context, Callback<Account> done);
    // Operators only: the agent and, with a shared database, its cluster.
    CallHandle status(QObject *context, Callback<AgentStatus> done);
    // Creates a scoped API token (needs a login token) and answers its secret,
    // which the agent shows only this once.
    CallHandle createToken(const QString &name, const QStringList &capabilities, QObject *context,
                           Callback<QString> done);
    // The caller's API tokens and their revocation (login tokens only: an
    // API token is refused with auth.forbidden).
    CallHandle listTokens(QObject *context, Callback<QList<RemoteToken>> done);
    CallHandle revokeToken(qint64 tokenId, QObject *context, Callback<void> done);

    // Listings come a page at a time (docs/api.md, Paging): pass the last
    // page's nextCursor in `page` for the next one.
    CallHandle listProjects(const PageOptions &page, QObject *context, Callback<RemotePage<RemoteProject>> done);
    CallHandle createProject(const ProjectPatch &project, QObject *context, Callback<RemoteProject> done);
    CallHandle updateProject(qint64 projectId, const ProjectPatch &changes, QObject *context,
                             Callback<RemoteProject> done);
    CallHandle deleteProject(qint64 projectId, QObject *context, Callback<void> done);
    // The project's automatic certificate (acme.enabled): state, expiry, last error.
    CallHandle projectCertificate(qint64 projectId, QObject *context, Callback<RemoteCertificate> done);
    // A link past the site password for `lifetime` (ShareLink::MinLifetime to
    // MaxLifetime; the agent refuses others with site.invalid_share_lifetime).
    CallHandle createShareLink(qint64 projectId, std::chrono::seconds lifetime, QObject *context,
                               Callback<ShareLink> done);
    // Ends every share link of the project issued so far.
    CallHandle revokeShareLinks(qint64 projectId, QObject *context, Callback<void> done);

    CallHandle listDeploys(qint64 projectId, const PageOptions &page, QObject *context,
                           Callback<RemotePage<model::Version>> done);
    // Without its files: they come from listDeployFiles().
    CallHandle getDeploy(qint64 deployId, QObject *context, Callback<model::Version> done);
    // A page of the version's files by path, under `page.prefix` when given.
    CallHandle listDeployFiles(qint64 deployId, const PageOptions &page, QObject *context,
                               Callback<RemotePage<model::VersionFile>> done);
    // Every file of the version, page after page (see PageWalker): for the
    // diff before a deploy. Ends silently when `context` goes.
    static constexpr int MaxFilesPage = 10000; // the largest page the agent answers (docs/api.md)
    void fetchAllDeployFiles(qint64 deployId, QObject *context, Callback<QList<model::VersionFile>> done,
                             int pageSize = MaxFilesPage);
    CallHandle activate(qint64 deployId, QObject *context, Callback<model::Version> done);
    // Without `deployId`, the version that was live before the current one.
    CallHandle rollback(qint64 projectId, std::optional<qint64> deployId, QObject *context,
                        Callback<model::Version> done);
    CallHandle setPinned(qint64 deployId, bool pinned, QObject *context, Callback<void> done);
    // The project's activity log, newest first, narrowed by `filter`.
    CallHandle listActivity(qint64 projectId, const model::ActivityFilter &filter, const PageOptions &page,
                            QObject *context, Callback<RemotePage<model::ActivityEntry>> done);
    CallHandle deleteDeploy(qint64 deployId, QObject *context, Callback<void> done);

    // Streams the archive from disk; the agent detects zip, tar or tar.gz.
    CallHandle uploadArchive(qint64 projectId, const QString &archivePath, bool activate,
                             ProgressCallback progress, QObject *context, Callback<model::Version> done);
    // The manifest goes gzip-compressed, and against `base` when given
    // (LeanManifest); the agent answers upload.base_not_found for a base it
    // no longer has, and the caller then sends it without.
    CallHandle startIncrementalUpload(qint64 projectId, const QList<model::VersionFile> &manifest,
                                      QObject *context, Callback<model::UploadPlan> done);
    CallHandle startIncrementalUpload(qint64 projectId, const QList<model::VersionFile> &manifest,
                                      const std::optional<LeanManifest::Base> &base, QObject *context,
                                      Callback<model::UploadPlan> done);
    CallHandle blobStatus(const QString &uploadId, const QString &sha256, QObject *context,
                          Callback<model::BlobProgress> done);
    // Sends bytes [offset, size) of one blob read from `source` (seeked here;
    // the caller keeps it open until `done`). offset > 0 adds Content-Range.
    // A whole blob of up to 8 MiB that gzip shrinks by a tenth or more goes
    // compressed (Content-Encoding: gzip); `progress` then counts the
    // compressed bytes.
    CallHandle putBlob(const QString &uploadId, const QString &sha256, QIODevice *source, qint64 offset,
                       qint64 size, ProgressCallback progress, QObject *context, Callback<void> done);
    CallHandle finalize(const QString &uploadId, bool activate, QObject *context, Callback<model::Version> done);

    // Sources, builds and build hooks.
    BuildsClient &builds() { return *m_builds; }
    // Outgoing webhooks and their delivery logs.
    WebhooksClient &webhooks() { return *m_webhooks; }
    // Archive upload sessions (resumable archive deploys; see ArchiveUpload).
    ArchiveUploadsClient &archiveUploads() { return *m_archiveUploads; }

signals:
    // A call was refused because the token expired or was revoked.
    void sessionExpired();

private:
    void noticeExpiry(const Error &error);

    ApiTransport *m_transport;
    std::unique_ptr<ReplyDelivery> m_delivery;
    std::unique_ptr<BuildsClient> m_builds;
    std::unique_ptr<WebhooksClient> m_webhooks;
    std::unique_ptr<ArchiveUploadsClient> m_archiveUploads;
};

} // namespace ddd::core::client
