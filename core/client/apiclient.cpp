// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/apiclient.h"

#include "core/client/apitransport.h"
#include "core/client/buildlogstream.h"
#include "core/client/replydecoder.h"
#include "core/wire/uploadjson.h"
#include "core/wire/versionjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace ddd::core::client {

namespace {

using model::Version;

Error unexpected(const QString &what)
{
    return Error::make(u"wire.unexpected_json"_qs, u"Unexpected JSON from the agent: "_qs + what,
                       QJsonObject{{u"field"_qs, what}});
}

// Lists arrive as a bare array or wrapped as {"<key>": [...]}; accept both.
Result<QJsonArray> listFrom(const QJsonValue &body, const QString &key)
{
    if (body.isArray())
        return body.toArray();
    if (body[key].isArray())
        return body[key].toArray();
    return unexpected(key);
}

template<typename T>
Result<QList<T>> decodeList(const QJsonValue &body, const QString &key,
                            const std::function<Result<T>(const QJsonObject &)> &decodeOne)
{
    auto array = listFrom(body, key);
    if (!array.ok())
        return array.error();
    QList<T> items;
    for (const QJsonValue &entry : *array) {
        if (!entry.isObject())
            return unexpected(key);
        auto item = decodeOne(entry.toObject());
        if (!item.ok())
            return item.error();
        items.append(std::move(item).value());
    }
    return items;
}

Result<Version> decodeVersion(const QJsonValue &body)
{
    return wire::versionFromJson(body.toObject());
}

Result<RemoteProject> decodeProject(const QJsonValue &body)
{
    return RemoteProject::fromJson(body.toObject());
}

Result<RemoteBuild> decodeBuild(const QJsonValue &body)
{
    return RemoteBuild::fromJson(body.toObject());
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

QString idPath(const char *collection, qint64 id, const char *tail = "")
{
    return QStringLiteral("/api/v1/%1/%2%3").arg(QLatin1String(collection)).arg(id).arg(QLatin1String(tail));
}

QString blobPath(const QString &uploadId, const QString &sha256)
{
    return u"/api/v1/uploads/"_qs + QString::fromLatin1(QUrl::toPercentEncoding(uploadId)) + u"/blobs/"_qs
        + QString::fromLatin1(QUrl::toPercentEncoding(sha256));
}

} // namespace

ApiClient::ApiClient(const QUrl &baseUrl, QObject *parent)
    : QObject(parent), m_transport(new ApiTransport(baseUrl, this))
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
    return deliver<Session>(m_transport->sendJson("POST", u"/api/v1/auth/login"_qs, body), context, std::move(done),
                            [](const QJsonValue &json) { return Session::fromJson(json.toObject()); });
}

CallHandle ApiClient::me(QObject *context, Callback<Account> done)
{
    return deliver<Account>(m_transport->sendJson("GET", u"/api/v1/me"_qs), context, std::move(done),
                            [](const QJsonValue &json) { return Account::fromJson(json.toObject()); });
}

CallHandle ApiClient::createToken(const QString &name, const QStringList &capabilities, QObject *context,
                                  Callback<QString> done)
{
    const QJsonObject body{{u"name"_qs, name}, {u"capabilities"_qs, QJsonArray::fromStringList(capabilities)}};
    return deliver<QString>(m_transport->sendJson("POST", u"/api/v1/tokens"_qs, body), context, std::move(done),
                            [](const QJsonValue &json) -> Result<QString> {
                                const QString secret = json[u"secret"_qs].toString();
                                if (secret.isEmpty())
                                    return unexpected(u"secret"_qs);
                                return secret;
                            });
}

CallHandle ApiClient::listProjects(QObject *context, Callback<QList<RemoteProject>> done)
{
    return deliver<QList<RemoteProject>>(
        m_transport->sendJson("GET", u"/api/v1/projects"_qs), context, std::move(done),
        [](const QJsonValue &json) { return decodeList<RemoteProject>(json, u"projects"_qs, RemoteProject::fromJson); });
}

CallHandle ApiClient::createProject(const ProjectPatch &project, QObject *context, Callback<RemoteProject> done)
{
    return deliver<RemoteProject>(m_transport->sendJson("POST", u"/api/v1/projects"_qs, project.toJson()), context,
                                  std::move(done), decodeProject);
}

CallHandle ApiClient::updateProject(qint64 projectId, const ProjectPatch &changes, QObject *context,
                                    Callback<RemoteProject> done)
{
    return deliver<RemoteProject>(m_transport->sendJson("PATCH", idPath("projects", projectId), changes.toJson()),
                                  context, std::move(done), decodeProject);
}

CallHandle ApiClient::deleteProject(qint64 projectId, QObject *context, Callback<void> done)
{
    return deliverStatus(m_transport->sendJson("DELETE", idPath("projects", projectId)), context, std::move(done));
}

CallHandle ApiClient::createShareLink(qint64 projectId, std::chrono::seconds lifetime, QObject *context,
                                      Callback<ShareLink> done)
{
    const QJsonObject body{{u"expiresInSeconds"_qs, qint64(lifetime.count())}};
    return deliver<ShareLink>(m_transport->sendJson("POST", idPath("projects", projectId, "/share-links"), body),
                              context, std::move(done),
                              [](const QJsonValue &json) { return ShareLink::fromJson(json.toObject()); });
}

CallHandle ApiClient::revokeShareLinks(qint64 projectId, QObject *context, Callback<void> done)
{
    return deliverStatus(m_transport->sendJson("DELETE", idPath("projects", projectId, "/share-links")), context,
                         std::move(done));
}

CallHandle ApiClient::listDeploys(qint64 projectId, QObject *context, Callback<QList<Version>> done)
{
    return deliver<QList<Version>>(
        m_transport->sendJson("GET", idPath("projects", projectId, "/deploys")), context, std::move(done),
        [](const QJsonValue &json) { return decodeList<Version>(json, u"deploys"_qs, wire::versionFromJson); });
}

CallHandle ApiClient::getDeploy(qint64 deployId, QObject *context, Callback<Version> done)
{
    return deliver<Version>(m_transport->sendJson("GET", idPath("deploys", deployId)), context, std::move(done),
                            decodeVersion);
}

CallHandle ApiClient::activate(qint64 deployId, QObject *context, Callback<Version> done)
{
    return deliver<Version>(m_transport->sendJson("POST", idPath("deploys", deployId, "/activate")),
                            context, std::move(done), decodeVersion);
}

CallHandle ApiClient::rollback(qint64 projectId, std::optional<qint64> deployId, QObject *context,
                               Callback<Version> done)
{
    QJsonObject body;
    if (deployId)
        body.insert(u"deployId"_qs, *deployId);
    return deliver<Version>(m_transport->sendJson("POST", idPath("projects", projectId, "/rollback"), body), context,
                            std::move(done), decodeVersion);
}

CallHandle ApiClient::setPinned(qint64 deployId, bool pinned, QObject *context, Callback<void> done)
{
    const QJsonObject body{{u"pinned"_qs, pinned}};
    return deliverStatus(m_transport->sendJson("PATCH", idPath("deploys", deployId), body), context, std::move(done));
}

CallHandle ApiClient::deleteDeploy(qint64 deployId, QObject *context, Callback<void> done)
{
    return deliverStatus(m_transport->sendJson("DELETE", idPath("deploys", deployId)), context, std::move(done));
}

CallHandle ApiClient::uploadArchive(qint64 projectId, const QString &archivePath, bool activate,
                                    ProgressCallback progress, QObject *context, Callback<Version> done)
{
    auto *file = new QFile(archivePath);
    if (!file->open(QIODevice::ReadOnly)) {
        failLater(context, std::move(done),
                  Error::make(u"client.file_unreadable"_qs, file->errorString(), {{u"path"_qs, archivePath}}));
        delete file;
        return {};
    }
    const ApiTransport::Headers headers{{"Content-Type", archiveContentType(*file)},
                                        {"Content-Length", QByteArray::number(file->size())}};
    QUrlQuery query;
    if (activate)
        query.addQueryItem(u"activate"_qs, u"true"_qs);
    QNetworkReply *reply =
        m_transport->sendDevice("POST", idPath("projects", projectId, "/deploys"), file, headers, query);
    file->setParent(reply);
    forwardProgress(reply, context, std::move(progress));
    return deliver<Version>(reply, context, std::move(done), decodeVersion);
}

CallHandle ApiClient::startIncrementalUpload(qint64 projectId, const QList<model::VersionFile> &manifest,
                                             QObject *context, Callback<model::UploadPlan> done)
{
    return deliver<model::UploadPlan>(
        m_transport->sendJson("POST", idPath("projects", projectId, "/uploads"), wire::manifestToJson(manifest)),
        context, std::move(done), [](const QJsonValue &json) { return wire::uploadPlanFromJson(json.toObject()); });
}

CallHandle ApiClient::blobStatus(const QString &uploadId, const QString &sha256, QObject *context,
                                 Callback<model::BlobProgress> done)
{
    return deliver<model::BlobProgress>(
        m_transport->sendJson("GET", blobPath(uploadId, sha256)), context, std::move(done),
        [](const QJsonValue &json) { return wire::blobProgressFromJson(json.toObject()); });
}

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
    } else if (!source->seek(offset)) {
        failLater(context, std::move(done),
                  Error::make(u"client.file_unreadable"_qs, source->errorString(), {{u"sha256"_qs, sha256}}));
        return {};
    } else {
        reply = m_transport->sendDevice("PUT", blobPath(uploadId, sha256), source, headers);
    }
    forwardProgress(reply, context, std::move(progress));
    return deliverStatus(reply, context, std::move(done));
}

CallHandle ApiClient::finalize(const QString &uploadId, bool activate, QObject *context, Callback<Version> done)
{
    const QJsonObject body{{u"activate"_qs, activate}};
    const QString path = u"/api/v1/uploads/"_qs + QString::fromLatin1(QUrl::toPercentEncoding(uploadId)) + u"/finalize"_qs;
    return deliver<Version>(m_transport->sendJson("POST", path, body), context, std::move(done), decodeVersion);
}

CallHandle ApiClient::startSourceUpload(qint64 projectId, const QList<model::VersionFile> &manifest,
                                        QObject *context, Callback<model::UploadPlan> done)
{
    QJsonObject body = wire::manifestToJson(manifest);
    body.insert(u"kind"_qs, u"source"_qs);
    return deliver<model::UploadPlan>(
        m_transport->sendJson("POST", idPath("projects", projectId, "/uploads"), body), context, std::move(done),
        [](const QJsonValue &json) { return wire::uploadPlanFromJson(json.toObject()); });
}

CallHandle ApiClient::finalizeSource(const QString &uploadId, bool build, bool activate, QObject *context,
                                     Callback<SourceBuild> done)
{
    const QJsonObject body{{u"build"_qs, build}, {u"activate"_qs, activate}};
    const QString path = u"/api/v1/uploads/"_qs + QString::fromLatin1(QUrl::toPercentEncoding(uploadId)) + u"/finalize"_qs;
    return deliver<SourceBuild>(m_transport->sendJson("POST", path, body), context, std::move(done),
                                [](const QJsonValue &json) { return SourceBuild::fromJson(json.toObject()); });
}

CallHandle ApiClient::startBuild(qint64 projectId, std::optional<qint64> sourceId, std::optional<bool> activate,
                                 QObject *context, Callback<RemoteBuild> done)
{
    QJsonObject body;
    if (sourceId)
        body.insert(u"sourceId"_qs, *sourceId);
    if (activate)
        body.insert(u"activate"_qs, *activate);
    return deliver<RemoteBuild>(m_transport->sendJson("POST", idPath("projects", projectId, "/builds"), body), context,
                                std::move(done), decodeBuild);
}

CallHandle ApiClient::listBuilds(qint64 projectId, QObject *context, Callback<QList<RemoteBuild>> done)
{
    return deliver<QList<RemoteBuild>>(
        m_transport->sendJson("GET", idPath("projects", projectId, "/builds")), context, std::move(done),
        [](const QJsonValue &json) { return decodeList<RemoteBuild>(json, u"builds"_qs, RemoteBuild::fromJson); });
}

CallHandle ApiClient::getBuild(qint64 buildId, QObject *context, Callback<RemoteBuild> done)
{
    return deliver<RemoteBuild>(m_transport->sendJson("GET", idPath("builds", buildId)), context, std::move(done),
                                decodeBuild);
}

CallHandle ApiClient::buildLog(qint64 buildId, std::optional<int> tail, QObject *context, Callback<QString> done)
{
    QUrlQuery query;
    if (tail)
        query.addQueryItem(u"tail"_qs, QString::number(*tail));
    QNetworkReply *reply = m_transport->sendJson("GET", idPath("builds", buildId, "/log"), {}, query);
    QPointer<ApiClient> self(this);
    connect(reply, &QNetworkReply::finished, context, [self, reply, done = std::move(done)] {
        Result<QByteArray> text = ReplyDecoder::decodeBytes(*reply);
        if (!text.ok() && self)
            self->noticeExpiry(text.error());
        done(text.ok() ? Result<QString>(QString::fromUtf8(*text)) : Result<QString>(text.error()));
    });
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return CallHandle(reply);
}

CallHandle ApiClient::cancelBuild(qint64 buildId, QObject *context, Callback<RemoteBuild> done)
{
    return deliver<RemoteBuild>(m_transport->sendJson("POST", idPath("builds", buildId, "/cancel")), context,
                                std::move(done), decodeBuild);
}

BuildLogStream *ApiClient::streamBuildLog(qint64 buildId, QObject *parent)
{
    auto *stream = new BuildLogStream(m_transport->openStream(idPath("builds", buildId, "/log/stream")), parent);
    connect(stream, &BuildLogStream::ended, this, [this](const Result<RemoteBuild> &build) {
        if (!build.ok())
            noticeExpiry(build.error());
    });
    return stream;
}

CallHandle ApiClient::createBuildHook(qint64 projectId, const QString &name, QObject *context, Callback<BuildHook> done)
{
    return deliver<BuildHook>(m_transport->sendJson("POST", idPath("projects", projectId, "/build-hooks"),
                                                    QJsonObject{{u"name"_qs, name}}),
                              context, std::move(done),
                              [](const QJsonValue &json) { return BuildHook::fromJson(json.toObject()); });
}

CallHandle ApiClient::listBuildHooks(qint64 projectId, QObject *context, Callback<QList<BuildHook>> done)
{
    return deliver<QList<BuildHook>>(
        m_transport->sendJson("GET", idPath("projects", projectId, "/build-hooks")), context, std::move(done),
        [](const QJsonValue &json) { return decodeList<BuildHook>(json, u"hooks"_qs, BuildHook::fromJson); });
}

CallHandle ApiClient::revokeBuildHook(qint64 hookId, QObject *context, Callback<void> done)
{
    return deliverStatus(m_transport->sendJson("DELETE", idPath("build-hooks", hookId)), context, std::move(done));
}

template<typename T>
CallHandle ApiClient::deliver(QNetworkReply *reply, QObject *context, Callback<T> done, Decoder<T> decode)
{
    QPointer<ApiClient> self(this);
    connect(reply, &QNetworkReply::finished, context, [self, reply, done = std::move(done), decode = std::move(decode)] {
        Result<QJsonValue> body = ReplyDecoder::decode(*reply);
        if (!body.ok()) {
            if (self)
                self->noticeExpiry(body.error());
            done(body.error());
            return;
        }
        done(decode(*body));
    });
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return CallHandle(reply);
}

CallHandle ApiClient::deliverStatus(QNetworkReply *reply, QObject *context, Callback<void> done)
{
    QPointer<ApiClient> self(this);
    connect(reply, &QNetworkReply::finished, context, [self, reply, done = std::move(done)] {
        Result<QJsonValue> body = ReplyDecoder::decode(*reply);
        if (body.ok()) {
            done(Status());
            return;
        }
        if (self)
            self->noticeExpiry(body.error());
        done(body.error());
    });
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return CallHandle(reply);
}

template<typename T>
void ApiClient::failLater(QObject *context, Callback<T> done, Error error)
{
    QTimer::singleShot(0, context, [done = std::move(done), error = std::move(error)] { done(error); });
}

void ApiClient::noticeExpiry(const Error &error)
{
    if (error.code == u"auth.invalid_token" || error.code == u"auth.unauthenticated")
        emit sessionExpired();
}

} // namespace ddd::core::client
