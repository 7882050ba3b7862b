// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/app/screenshotagent.h"

#include "core/wire/versionjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ddd::test {

namespace {

using Response = StubHttpServer::Response;

QString siteUrl(const QString &host)
{
    return u"http://"_qs + host + u":8081/"_qs;
}

// Marketing site: a password on staging and previews only, one alias;
// Blog redesign: a password everywhere.
QJsonObject sitePasswordJson(qint64 id)
{
    const bool enabled = id == 7 || id == 9;
    return QJsonObject{{u"enabled"_qs, enabled},
                       {u"users"_qs, enabled ? QJsonArray{QJsonObject{{u"username"_qs, u"preview"_qs}}} : QJsonArray()},
                       {u"scope"_qs, id == 7 ? u"staging"_qs : u"all"_qs},
                       {u"forced"_qs, false}};
}

QJsonObject projectJson(qint64 id, const QString &name, const QString &domain, const QString &slug)
{
    const QJsonObject settings{{u"spaMode"_qs, id == 3}, {u"optOutMinify"_qs, false},
                               {u"buildFlags"_qs, QJsonArray()}, {u"sitePassword"_qs, sitePasswordJson(id)}};
    const QString staging = slug + u".localhost"_qs;
    const QJsonObject urls{{u"production"_qs, domain.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(siteUrl(domain))},
                           {u"staging"_qs, siteUrl(staging)}};
    return QJsonObject{{u"id"_qs, id}, {u"name"_qs, name},
                       {u"domain"_qs, domain.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(domain)},
                       {u"aliases"_qs, id == 7 ? QJsonArray{u"example.com"_qs} : QJsonArray()},
                       {u"slug"_qs, slug}, {u"stagingHost"_qs, staging}, {u"urls"_qs, urls}, {u"settings"_qs, settings},
                       {u"createdAt"_qs, u"2026-10-01T09:00:00.000Z"_qs},
                       {u"updatedAt"_qs, u"2026-11-25T16:30:00.000Z"_qs}};
}

struct VersionRow
{
    qint64 id;
    qint64 number;
    const char *status;
    const char *source;
    qint64 files;
    qint64 bytes;
    qint64 unique;
    bool pinned;
    const char *created;
    const char *error;
};

QString slugOf(qint64 projectId)
{
    switch (projectId) {
    case 7: return u"k3v9q2m7x1ab"_qs;
    case 3: return u"p0q8w2e4r6ty"_qs;
    case 9: return u"z8x7c6v5b4nm"_qs;
    case 11: return u"q1w2e3r4t5y6"_qs;
    default: return u"m9n8b7v6c5x4"_qs;
    }
}

QJsonObject versionJson(qint64 projectId, const VersionRow &row)
{
    const bool wasLive = QByteArray(row.status) == "live" || QByteArray(row.status) == "retired";
    const bool kept = wasLive || QByteArray(row.status) == "ready";
    QJsonObject json{
        {u"id"_qs, row.id}, {u"projectId"_qs, projectId}, {u"number"_qs, row.number},
        {u"status"_qs, QString::fromLatin1(row.status)}, {u"source"_qs, QString::fromLatin1(row.source)},
        {u"fileCount"_qs, row.files}, {u"totalBytes"_qs, row.bytes}, {u"uniqueBytes"_qs, row.unique},
        {u"pinned"_qs, row.pinned},
        {u"author"_qs, QJsonObject{{u"id"_qs, 1}, {u"email"_qs, ScreenshotAgent::email()}}},
        {u"createdAt"_qs, QString::fromLatin1(row.created)},
        {u"activatedAt"_qs, wasLive ? QJsonValue(QString::fromLatin1(row.created)) : QJsonValue(QJsonValue::Null)},
        {u"diff"_qs, QJsonObject{{u"added"_qs, 2}, {u"changed"_qs, 3}, {u"removed"_qs, 1},
                                 {u"bytesAdded"_qs, row.unique}, {u"bytesRemoved"_qs, 4096}}},
        {u"error"_qs, QJsonValue(QJsonValue::Null)},
    };
    if (kept) // what the agent's API adds for versions that can be previewed
        json.insert(u"previewUrl"_qs, siteUrl(QString::number(row.number) + u"--"_qs + slugOf(projectId) + u".localhost"_qs));
    if (row.error)
        json.insert(u"error"_qs, QJsonObject{{u"code"_qs, QString::fromLatin1(row.error)},
                                             {u"message"_qs, u"Entry \"Index.html\" differs from \"index.html\" only in case"_qs}});
    return json;
}

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson() : QJsonDocument(value.toObject()).toJson();
}

} // namespace

ScreenshotAgent::ScreenshotAgent()
{
    const QJsonObject account{{u"id"_qs, 1}, {u"email"_qs, email()}, {u"role"_qs, u"operator"_qs},
                              {u"createdAt"_qs, u"2026-10-01T08:00:00.000Z"_qs}};
    m_server.on("GET", u"/api/v1/me"_qs, Response::json(200, compact(account)));
    addProjects();
    addVersions();
}

bool ScreenshotAgent::listen()
{
    return m_server.listen();
}

QString ScreenshotAgent::email()
{
    return u"maria@example.com"_qs;
}

QString ScreenshotAgent::token()
{
    return u"ddd_screenshot_token"_qs;
}

core::client::RemoteProject ScreenshotAgent::project()
{
    return *core::client::RemoteProject::fromJson(projectJson(7, u"Marketing site"_qs, u"www.example.com"_qs, u"k3v9q2m7x1ab"_qs));
}

core::model::Version ScreenshotAgent::liveVersion()
{
    core::model::Version live = *core::wire::versionFromJson(
        versionJson(7, {42, 3, "live", "incremental", 4, 182133, 20480, false, "2026-11-25T16:30:00.000Z", nullptr}));
    live.files = {{u"index.html"_qs, QString(64, u'a'), 2100},
                  {u"css/site.css"_qs, QString(64, u'b'), 5400},
                  {u"about.html"_qs, QString(64, u'c'), 3300},
                  {u"img/hero.svg"_qs, QString(64, u'd'), 171333}};
    return live;
}

void ScreenshotAgent::addProjects()
{
    const QJsonArray projects{
        projectJson(7, u"Marketing site"_qs, u"www.example.com"_qs, u"k3v9q2m7x1ab"_qs),
        projectJson(3, u"Documentation"_qs, u"docs.example.com"_qs, u"p0q8w2e4r6ty"_qs),
        projectJson(9, u"Blog redesign"_qs, u"blog.example.com"_qs, u"z8x7c6v5b4nm"_qs),
        projectJson(11, u"Spring campaign"_qs, QString(), u"q1w2e3r4t5y6"_qs),
        projectJson(12, u"Prototype"_qs, QString(), u"m9n8b7v6c5x4"_qs),
    };
    m_server.on("GET", u"/api/v1/projects"_qs, Response::json(200, compact(projects)));
    const QJsonObject link{{u"token"_qs, u"eyJwIjo3LCJnIjoxfQ.c2lnbmF0dXJl"_qs},
                           {u"url"_qs, siteUrl(u"k3v9q2m7x1ab.localhost"_qs) + u"?ddd_share=eyJwIjo3LCJnIjoxfQ.c2lnbmF0dXJl"_qs},
                           {u"expiresAt"_qs, u"2026-12-03T14:30:00.000Z"_qs}};
    m_server.on("POST", u"/api/v1/projects/7/share-links"_qs, Response::json(201, compact(link)));
}

void ScreenshotAgent::addVersions()
{
    const QList<std::pair<qint64, QList<VersionRow>>> history = {
        {7, {{42, 3, "live", "incremental", 4, 182133, 20480, false, "2026-11-25T16:30:00.000Z", nullptr},
             {41, 2, "retired", "archive", 4, 165120, 12288, true, "2026-11-18T10:05:00.000Z", nullptr},
             {40, 1, "retired", "archive", 3, 150002, 150002, false, "2026-11-02T14:45:00.000Z", nullptr}}},
        {3, {{31, 12, "live", "incremental", 214, 8412000, 96000, false, "2026-11-24T08:12:00.000Z", nullptr},
             {30, 11, "retired", "incremental", 212, 8390100, 41000, false, "2026-11-20T17:40:00.000Z", nullptr}}},
        {9, {{51, 1, "ready", "archive", 37, 1204000, 1204000, false, "2026-11-26T09:15:00.000Z", nullptr}}},
        {11, {{61, 2, "failed", "archive", 0, 0, 0, false, "2026-11-26T11:02:00.000Z", "archive.case_collision"},
              {60, 1, "live", "archive", 9, 640000, 640000, false, "2026-11-21T12:00:00.000Z", nullptr}}},
        {12, {}},
    };
    for (const auto &[projectId, rows] : history) {
        QJsonArray versions;
        for (const VersionRow &row : rows)
            versions.append(versionJson(projectId, row));
        m_server.on("GET", QStringLiteral("/api/v1/projects/%1/deploys").arg(projectId), Response::json(200, compact(versions)));
    }
    m_server.on("GET", u"/api/v1/deploys/42"_qs, Response::json(200, compact(core::wire::versionToJson(liveVersion()))));
}

void ScreenshotAgent::acceptUpload(const QStringList &sha256s)
{
    const QJsonObject plan{{u"uploadId"_qs, u"u-41f2"_qs}, {u"missing"_qs, QJsonArray::fromStringList(sha256s)},
                           {u"diff"_qs, QJsonObject{{u"added"_qs, 1}, {u"changed"_qs, 3}, {u"removed"_qs, 1},
                                                    {u"bytesAdded"_qs, 18200}, {u"bytesRemoved"_qs, 3300}}},
                           {u"bytesToSend"_qs, 18200}};
    m_server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, compact(plan)));
    for (const QString &hash : sha256s)
        m_server.on("PUT", u"/api/v1/uploads/u-41f2/blobs/"_qs + hash, Response::json(204, {}));
    const QJsonObject done =
        versionJson(7, {43, 4, "live", "incremental", 5, 198300, 18200, false, "2026-11-26T14:30:00.000Z", nullptr});
    m_server.on("POST", u"/api/v1/uploads/u-41f2/finalize"_qs, Response::json(201, compact(done)));
}

} // namespace ddd::test
