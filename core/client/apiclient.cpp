// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/apiclient.h"

#include "core/client/apitransport.h"
#include "core/client/archiveuploadsclient.h"
#include "core/client/pagewalker.h"
#include "core/client/replydelivery.h"
#include "core/wire/activityjson.h"
#include "core/wire/uploadjson.h"
#include "core/util/gzipcompressor.h"
#include "core/wire/versionjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>

namespace ddd::core::client {

namespace {

using model::Version;

Result<Version> decodeVersion(const QJsonValue &body)
{
    return wire::versionFromJson(body.toObject());
}

Result<RemoteProject> decodeProject(const QJsonValue &body)
{
    return RemoteProject::fromJson(body.toObject());
}

// The agent detects the format from the content; the type only has to be honest.
QByteArray archiveContentType(QFile &file)
{
    const QByteArray magic = file.peek(4);
    if (magic.startsWith("PK"))
        return QByteArrayLiteral("application/zip");
    if (magic.startsWith("\x1f\x8b"))
        return QByteArrayLiteral("application/gzip");
    return QByteArrayLiteral("application/x-tar");
}

// Qt reports (0, 0) once a reply has finished; callers only want real progress.
void forwardProgress(QNetworkReply *reply, QObject *context, ProgressCallback progress)
{
    if (!progress)
        return;
    QObject::connect(reply, &QNetworkReply::uploadProgress, context, [progress](qint64 sent, qint64 total) {
        if (total > 0)
            progress(sent, total);
    });
}

QUrlQuery pageQuery(const PageOptions &page)
{
    QUrlQuery query;
    if (page.limit > 0)
        query.addQueryItem(u"limit"_qs, QString::number(page.limit));
    // Cursors are base64url and prefixes paths: percent-encode what a query may not carry as it is.
    if (!page.cursor.isEmpty())
        query.addQueryItem(u"cursor"_qs, QString::fromLatin1(QUrl::toPercentEncoding(page.cursor)));
    if (!page.prefix.isEmpty())
        query.addQueryItem(u"prefix"_qs, QString::fromLatin1(QUrl::toPercentEncoding(page.prefix)));
    return query;
}

QString blobPath(const QString &uploadId, const QString &sha256)
{
    return ApiTransport::uploadPath(uploadId, u"/blobs/"_qs + QString::fromLatin1(QUrl::toPercentEncoding(sha256)));
}

} // namespace

ApiClient::ApiClient(const QUrl &baseUrl, QObject *parent)
    : QObject(parent),
      m_transport(new ApiTransport(baseUrl, this)),
      // The client may go before a reply's context does; then nobody hears of an expiry.
      m_delivery(std::make_unique<ReplyDelivery>([self = QPointer<ApiClient>(this)](const Error &error) {
          if (self)
              self->noticeExpiry(error);
      })),
      m_builds(std::make_unique<BuildsClient>(*m_transport, *m_delivery)),
      m_webhooks(std::make_unique<WebhooksClient>(*m_transport, *m_delivery)),
      m_archiveUploads(std::make_unique<ArchiveUploadsClient>(*m_transport, *m_delivery))
{
}

ApiClient::~ApiClient() = default;

QUrl ApiClient::baseUrl() const { return m_transport->baseUrl(); }
void ApiClient::setToken(const QString &token) { m_transport->setToken(token); }
bool ApiClient::hasToken() const { return m_transport->hasToken(); }
void ApiClient::setTrustedFingerprint(const QString &sha256) { m_transport->setTrustedFingerprint(sha256); }
void ApiClient::setTransferTimeout(std::chrono::milliseconds timeout) { m_transport->setTransferTimeout(timeout); }

CallHandle ApiClient::login(const QString &email, const QString &password, QObject *context, Callback<Session> done)
{
    const QJsonObject body{{u"email"_qs, email}, {u"password"_qs, password}};
    return m_delivery->deliver<Session>(m_transport->sendJson("POST", u"/api/v1/auth/login"_qs, body), context, std::move(done),
                            [](const QJsonValue &json) { return Session::fromJson(json.toObject()); });
}

CallHandle ApiClient::me(QObject *context, Callback<Account> done)
{
    return m_delivery->deliver<Account>(m_transport->sendJson("GET", u"/api/v1/me"_qs), context, std::move(done),
                            [](const QJsonValue &json) { return Account::fromJson(json.toObject()); });
}

CallHandle ApiClient::status(QObject *context, Callback<AgentStatus> done)
{
    return m_delivery->deliver<AgentStatus>(m_transport->sendJson("GET", u"/api/v1/status"_qs), context, std::move(done),
                                            [](const QJsonValue &json) { return AgentStatus::fromJson(json.toObject()); });
}

CallHandle ApiClient::createToken(const QString &name, const QStringList &capabilities, QObject *context,
                                  Callback<QString> done)
{
    const QJsonObject body{{u"name"_qs, name}, {u"capabilities"_qs, QJsonArray::fromStringList(capabilities)}};
    return m_delivery->deliver<QString>(m_transport->sendJson("POST", u"/api/v1/tokens"_qs, body), context, std::move(done),
                            [](const QJsonValue &json) -> Result<QString> {
                                const QString secret = json[u"secret"_qs].toString();
                                if (secret.isEmpty())
                                    return ReplyDelivery::unexpected(u"secret"_qs);
                                return secret;
                            });
}

CallHandle ApiClient::listTokens(QObject *context, Callback<QList<RemoteToken>> done)
{
    return m_delivery->deliver<QList<RemoteToken>>(
        m_transport->sendJson("GET", u"/api/v1/tokens"_qs), context, std::move(done),
        [](const QJsonValue &json) { return ReplyDelivery::decodeList<RemoteToken>(json, u"tokens"_qs, RemoteToken::fromJson); });
}

CallHandle ApiClient::revokeToken(qint64 tokenId, QObject *context, Callback<void> done)
{
    return m_delivery->deliverStatus(m_transport->sendJson("DELETE", ApiTransport::idPath("tokens", tokenId)), context,
                                     std::move(done));
}

CallHandle ApiClient::listProjects(const PageOptions &page, QObject *context, Callback<RemotePage<RemoteProject>> done)
{
    return m_delivery->deliver<RemotePage<RemoteProject>>(
        m_transport->sendJson("GET", u"/api/v1/projects"_qs, {}, pageQuery(page)), context, std::move(done),
        [](const QJsonValue &json) { return RemotePage<RemoteProject>::fromJson(json, RemoteProject::fromJson); });
}

CallHandle ApiClient::createProject(const ProjectPatch &project, QObject *context, Callback<RemoteProject> done)
{
    return m_delivery->deliver<RemoteProject>(m_transport->sendJson("POST", u"/api/v1/projects"_qs, project.toJson()), context,
                                  std::move(done), decodeProject);
}

CallHandle ApiClient::updateProject(qint64 projectId, const ProjectPatch &changes, QObject *context,
                                    Callback<RemoteProject> done)
{
    return m_delivery->deliver<RemoteProject>(m_transport->sendJson("PATCH", ApiTransport::idPath("projects", projectId), changes.toJson()),
                                  context, std::move(done), decodeProject);
}

CallHandle ApiClient::deleteProject(qint64 projectId, QObject *context, Callback<void> done)
{
    return m_delivery->deliverStatus(m_transport->sendJson("DELETE", ApiTransport::idPath("projects", projectId)), context, std::move(done));
}

CallHandle ApiClient::createShareLink(qint64 projectId, std::chrono::seconds lifetime, QObject *context,
                                      Callback<ShareLink> done)
{
    const QJsonObject body{{u"expiresInSeconds"_qs, qint64(lifetime.count())}};
    return m_delivery->deliver<ShareLink>(m_transport->sendJson("POST", ApiTransport::idPath("projects", projectId, "/share-links"), body),
                              context, std::move(done),
                              [](const QJsonValue &json) { return ShareLink::fromJson(json.toObject()); });
}

CallHandle ApiClient::revokeShareLinks(qint64 projectId, QObject *context, Callback<void> done)
{
    return m_delivery->deliverStatus(m_transport->sendJson("DELETE", ApiTransport::idPath("projects", projectId, "/share-links")), context,
                         std::move(done));
}

CallHandle ApiClient::listDeploys(qint64 projectId, const PageOptions &page, QObject *context,
                                  Callback<RemotePage<Version>> done)
{
    return m_delivery->deliver<RemotePage<Version>>(
        m_transport->sendJson("GET", ApiTransport::idPath("projects", projectId, "/deploys"), {}, pageQuery(page)),
        context, std::move(done),
        [](const QJsonValue &json) { return RemotePage<Version>::fromJson(json, wire::versionFromJson); });
}

CallHandle ApiClient::listActivity(qint64 projectId, const model::ActivityFilter &filter, const PageOptions &page,
                                   QObject *context, Callback<RemotePage<model::ActivityEntry>> done)
{
    QUrlQuery query = pageQuery(page);
    if (!filter.kind.isEmpty())
        query.addQueryItem(u"kind"_qs, filter.kind);
    if (filter.versionNumber)
        query.addQueryItem(u"version"_qs, QString::number(*filter.versionNumber));
    return m_delivery->deliver<RemotePage<model::ActivityEntry>>(
        m_transport->sendJson("GET", ApiTransport::idPath("projects", projectId, "/activity"), {}, query), context,
        std::move(done), [](const QJsonValue &json) {
            return RemotePage<model::ActivityEntry>::fromJson(json, wire::activityEntryFromJson);
        });
}

CallHandle ApiClient::listDeployFiles(qint64 deployId, const PageOptions &page, QObject *context,
                                      Callback<RemotePage<model::VersionFile>> done)
{
    return m_delivery->deliver<RemotePage<model::VersionFile>>(
        m_transport->sendJson("GET", ApiTransport::idPath("deploys", deployId, "/files"), {}, pageQuery(page)), context,
        std::move(done),
        [](const QJsonValue &json) { return RemotePage<model::VersionFile>::fromJson(json, wire::versionFileFromJson); });
}

void ApiClient::fetchAllDeployFiles(qint64 deployId, QObject *context, Callback<QList<model::VersionFile>> done,
                                    int pageSize)
{
    PageWalker<model::VersionFile>::walk(
        [this, deployId, pageSize, context = QPointer<QObject>(context)](
            const QString &cursor, Callback<RemotePage<model::VersionFile>> page) {
            if (context)
                listDeployFiles(deployId, PageOptions{cursor, pageSize, {}}, context, std::move(page));
        },
        std::move(done));
}

CallHandle ApiClient::projectCertificate(qint64 projectId, QObject *context, Callback<RemoteCertificate> done)
{
    return m_delivery->deliver<RemoteCertificate>(
        m_transport->sendJson("GET", ApiTransport::idPath("projects", projectId, "/certificate")), context,
        std::move(done), [](const QJsonValue &json) { return RemoteCertificate::fromJson(json.toObject()); });
}

CallHandle ApiClient::getDeploy(qint64 deployId, QObject *context, Callback<Version> done)
{
    return m_delivery->deliver<Version>(m_transport->sendJson("GET", ApiTransport::idPath("deploys", deployId)), context, std::move(done),
                            decodeVersion);
}

CallHandle ApiClient::activate(qint64 deployId, QObject *context, Callback<Version> done)
{
    return m_delivery->deliver<Version>(m_transport->sendJson("POST", ApiTransport::idPath("deploys", deployId, "/activate")),
                            context, std::move(done), decodeVersion);
}

CallHandle ApiClient::rollback(qint64 projectId, std::optional<qint64> deployId, QObject *context,
                               Callback<Version> done)
{
    QJsonObject body;
    if (deployId)
        body.insert(u"deployId"_qs, *deployId);
    return m_delivery->deliver<Version>(m_transport->sendJson("POST", ApiTransport::idPath("projects", projectId, "/rollback"), body), context,
                            std::move(done), decodeVersion);
}

CallHandle ApiClient::setPinned(qint64 deployId, bool pinned, QObject *context, Callback<void> done)
{
    const QJsonObject body{{u"pinned"_qs, pinned}};
    return m_delivery->deliverStatus(m_transport->sendJson("PATCH", ApiTransport::idPath("deploys", deployId), body), context, std::move(done));
}

CallHandle ApiClient::deleteDeploy(qint64 deployId, QObject *context, Callback<void> done)
{
    return m_delivery->deliverStatus(m_transport->sendJson("DELETE", ApiTransport::idPath("deploys", deployId)), context, std::move(done));
}

CallHandle ApiClient::uploadArchive(qint64 projectId, const QString &archivePath, bool activate,
                                    ProgressCallback progress, QObject *context, Callback<Version> done)
{
    auto *file = new QFile(archivePath);
    if (!file->open(QIODevice::ReadOnly)) {
        ReplyDelivery::failLater(context, std::move(done), Error::make(u"client.file_unreadable"_qs,
                                                                       file->errorString(), {{u"path"_qs, archivePath}}));
        delete file;
        return {};
    }
    const ApiTransport::Headers headers{{"Content-Type", archiveContentType(*file)},
                                        {"Content-Length", QByteArray::number(file->size())}};
    QUrlQuery query;
    if (activate)
        query.addQueryItem(u"activate"_qs, u"true"_qs);
    QNetworkReply *reply =
        m_transport->sendDevice("POST", ApiTransport::idPath("projects", projectId, "/deploys"), file, headers, query);
    file->setParent(reply);
    forwardProgress(reply, context, std::move(progress));
    return m_delivery->deliver<Version>(reply, context, std::move(done), decodeVersion);
}

CallHandle ApiClient::startIncrementalUpload(qint64 projectId, const QList<model::VersionFile> &manifest,
                                             QObject *context, Callback<model::UploadPlan> done)
{
    return startIncrementalUpload(projectId, manifest, std::nullopt, context, std::move(done));
}

CallHandle ApiClient::startIncrementalUpload(qint64 projectId, const QList<model::VersionFile> &manifest,
                                             const std::optional<LeanManifest::Base> &base, QObject *context,
                                             Callback<model::UploadPlan> done)
{
    ApiTransport::Headers headers{{"Content-Type", "application/json"}};
    QByteArray body = LeanManifest::body(manifest, base);
    if (body.isEmpty())
        body = LeanManifest::json(manifest, base); // zlib failed: plain JSON is still understood
    else
        headers.append(std::pair<QByteArray, QByteArray>("Content-Encoding", "gzip"));
    return m_delivery->deliver<model::UploadPlan>(
        m_transport->sendBytes("POST", ApiTransport::idPath("projects", projectId, "/uploads"), body, headers),
        context, std::move(done), [](const QJsonValue &json) { return wire::uploadPlanFromJson(json.toObject()); });
}

CallHandle ApiClient::blobStatus(const QString &uploadId, const QString &sha256, QObject *context,
                                 Callback<model::BlobProgress> done)
{
    return m_delivery->deliver<model::BlobProgress>(
        m_transport->sendJson("GET", blobPath(uploadId, sha256)), context, std::move(done),
        [](const QJsonValue &json) { return wire::blobProgressFromJson(json.toObject()); });
}

namespace {

// Small enough to read into memory and compress in one go; larger blobs
// stream from disk and resume mid-file as they are.
constexpr qint64 kMaxCompressedBlobBytes = 8 << 20;

// A whole blob, gzip-compressed when that saves a tenth or more (text,
// markup, scripts; not images or fonts, which are compressed already).
QByteArray wholeBlobBody(QIODevice &source, ApiTransport::Headers &headers)
{
    const QByteArray plain = source.readAll();
    const QByteArray compressed = GzipCompressor::compress(plain);
    if (compressed.isEmpty() || compressed.size() > plain.size() - plain.size() / 10)
        return plain;
    for (auto &header : headers)
        if (header.first == "Content-Length")
            header.second = QByteArray::number(compressed.size());
    headers.append(std::pair<QByteArray, QByteArray>("Content-Encoding", "gzip"));
    return compressed;
}

} // namespace

CallHandle ApiClient::putBlob(const QString &uploadId, const QString &sha256, QIODevice *source, qint64 offset,
                              qint64 size, ProgressCallback progress, QObject *context, Callback<void> done)
{
    ApiTransport::Headers headers{{"Content-Type", "application/octet-stream"},
                                  {"Content-Length", QByteArray::number(size - offset)}};
    if (offset > 0)
        headers.append({"Content-Range", QStringLiteral("bytes %1-%2/%3").arg(offset).arg(size - 1).arg(size).toLatin1()});
    QNetworkReply *reply = nullptr;
    if (size == offset) {
        reply = m_transport->sendBytes("PUT", blobPath(uploadId, sha256), QByteArray(), headers);
    } else if (offset == 0 && size <= kMaxCompressedBlobBytes && source->seek(0)) {
        reply = m_transport->sendBytes("PUT", blobPath(uploadId, sha256), wholeBlobBody(*source, headers), headers);
    } else if (!source->seek(offset)) {
        ReplyDelivery::failLater(context, std::move(done), Error::make(u"client.file_unreadable"_qs,
                                                                       source->errorString(), {{u"sha256"_qs, sha256}}));
        return {};
    } else {
        reply = m_transport->sendDevice("PUT", blobPath(uploadId, sha256), source, headers);
    }
    forwardProgress(reply, context, std::move(progress));
    return m_delivery->deliverStatus(reply, context, std::move(done));
}

CallHandle ApiClient::finalize(const QString &uploadId, bool activate, QObject *context, Callback<Version> done)
{
    const QJsonObject body{{u"activate"_qs, activate}};
    const QString path = ApiTransport::uploadPath(uploadId, u"/finalize"_qs);
    return m_delivery->deliver<Version>(m_transport->sendJson("POST", path, body), context, std::move(done), decodeVersion);
}

void ApiClient::noticeExpiry(const Error &error)
{
    if (error.code == u"auth.invalid_token" || error.code == u"auth.unauthenticated")
        emit sessionExpired();
}

} // namespace ddd::core::client
