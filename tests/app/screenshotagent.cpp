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

// The marketing site builds with Hugo and also from its Git repository.
QJsonObject buildSettingsJson(qint64 id)
{
    const bool marketing = id == 7;
    const QJsonObject git{{u"url"_qs, marketing ? u"https://git.example.com/shop/marketing-site.git"_qs : QString()},
                          {u"branch"_qs, u"main"_qs}};
    return QJsonObject{{u"generator"_qs, marketing ? u"hugo"_qs : u"auto"_qs}, {u"npmScript"_qs, u"build"_qs},
                       {u"outputDir"_qs, QString()}, {u"publishAutomatically"_qs, marketing}, {u"git"_qs, git}};
}

QJsonObject projectJson(qint64 id, const QString &name, const QString &domain, const QString &slug)
{
    const QJsonObject settings{{u"spaMode"_qs, id == 3}, {u"optOutMinify"_qs, false},
                               {u"buildFlags"_qs, QJsonArray()}, {u"sitePassword"_qs, sitePasswordJson(id)},
                               {u"build"_qs, buildSettingsJson(id)}};
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

struct BuildRow
{
    qint64 id;
    qint64 number;
    const char *status;
    const char *trigger;
    const char *generator;
    qint64 durationMs; // 0: still running
    qint64 versionId;  // 0: none
    const char *error;
};

// Unix ms: #1 on 20 Nov, #3 made v3 on 25 Nov, #4 runs on 26 Nov 2026.
qint64 buildCreatedAt(qint64 buildId)
{
    switch (buildId) {
    case 28: return qint64(1795167600000);
    case 29: return qint64(1795518300000);
    case 30: return qint64(1795624080000);
    case 31: return qint64(1795702800000);
    default: return qint64(1795703400000);
    }
}

QJsonObject buildJson(const BuildRow &row)
{
    const QString generator = QString::fromLatin1(row.generator);
    const QJsonObject detection{
        {u"generator"_qs, generator},
        {u"siteRoot"_qs, QString()},
        {u"command"_qs, generator == u"hugo" ? u"hugo --minify -d /out"_qs : u"jekyll build --safe -d /out"_qs},
        {u"outputDir"_qs, generator == u"hugo" ? u"public"_qs : u"_site"_qs},
        {u"toolchain"_qs, generator == u"hugo" ? u"hugo 0.111.3"_qs : u"jekyll 4.3.1"_qs}};
    const qint64 created = buildCreatedAt(row.id);
    const auto orNull = [](qint64 value) { return value ? QJsonValue(value) : QJsonValue(QJsonValue::Null); };
    return QJsonObject{
        {u"id"_qs, row.id}, {u"projectId"_qs, 7}, {u"number"_qs, row.number},
        {u"status"_qs, QString::fromLatin1(row.status)}, {u"trigger"_qs, QString::fromLatin1(row.trigger)},
        {u"sourceId"_qs, 100 + row.number}, {u"activate"_qs, true}, {u"detection"_qs, detection},
        {u"phases"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"build"_qs}, {u"durationMs"_qs, row.durationMs},
                                              {u"exitCode"_qs, row.durationMs ? QJsonValue(row.error ? 1 : 0) : QJsonValue()}}}},
        {u"error"_qs, row.error ? QJsonValue(QJsonObject{{u"code"_qs, QString::fromLatin1(row.error)},
                                                         {u"message"_qs, u"hugo exited with status 1"_qs},
                                                         {u"details"_qs, QJsonObject()}})
                                : QJsonValue(QJsonValue::Null)},
        {u"versionId"_qs, orNull(row.versionId)}, {u"createdAt"_qs, created}, {u"startedAt"_qs, created + 800},
        {u"finishedAt"_qs, orNull(row.durationMs ? created + 800 + row.durationMs : 0)},
        {u"durationMs"_qs, orNull(row.durationMs)}, {u"authorEmail"_qs, ScreenshotAgent::email()},
        {u"logBytes"_qs, 2048}};
}

const QStringList HugoLog{
    u"$ hugo --minify -d /out"_qs,
    u"Start building sites … "_qs,
    u"hugo v0.111.3+extended linux/amd64 BuildDate=2023-03-16T08:41:31Z VendorInfo=debian:0.111.3-1"_qs,
    u"WARN 2026/12/01 14:20:03 found no layout file for \"json\" for kind \"home\""_qs,
    u""_qs,
    u"                   | EN"_qs,
    u"-------------------+------"_qs,
    u"  Pages            |  48"_qs,
    u"  Paginator pages  |   2"_qs,
    u"  Non-page files   |  12"_qs,
    u"  Static files     |  31"_qs,
    u"  Processed images |   6"_qs,
    u"  Aliases          |   3"_qs,
    u"  Sitemaps         |   1"_qs,
    u"  Cleaned          |   0"_qs,
    u""_qs,
    u"Total in 1840 ms"_qs,
    u"minify: 94 files, 412 KB -> 338 KB"_qs,
};

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson() : QJsonDocument(value.toObject()).toJson();
}

// The agent's paged listings answer one page: this data fits on the first.
QByteArray page(const QJsonArray &items)
{
    return compact(QJsonObject{{u"items"_qs, items}, {u"nextCursor"_qs, QJsonValue::Null}});
}

} // namespace

ScreenshotAgent::ScreenshotAgent()
{
    const QJsonObject account{{u"id"_qs, 1}, {u"email"_qs, email()}, {u"role"_qs, u"operator"_qs},
                              {u"createdAt"_qs, u"2026-10-01T08:00:00.000Z"_qs}};
    m_server.on("GET", u"/api/v1/me"_qs, Response::json(200, compact(account)));
    addProjects();
    addVersions();
    addBuilds();
    const QJsonObject session{{u"token"_qs, token()}, {u"expiresAt"_qs, u"2027-01-01T00:00:00.000Z"_qs},
                              {u"user"_qs, account}};
    m_server.on("POST", u"/api/v1/auth/login"_qs, Response::json(200, compact(session)));
    m_server.on("POST", u"/api/v1/tokens"_qs, Response::json(201, compact(QJsonObject{{u"secret"_qs, token()}})));
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
    m_server.on("GET", u"/api/v1/projects"_qs, Response::json(200, page(projects)));
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
        m_server.on("GET", QStringLiteral("/api/v1/projects/%1/deploys").arg(projectId), Response::json(200, page(versions)));
    }
    core::model::Version live = liveVersion();
    QJsonArray files;
    for (const core::model::VersionFile &file : std::as_const(live.files))
        files.append(core::wire::versionFileToJson(file));
    live.files.clear(); // the agent lists them apart, page by page
    m_server.on("GET", u"/api/v1/deploys/42"_qs, Response::json(200, compact(core::wire::versionToJson(live))));
    m_server.on("GET", u"/api/v1/deploys/42/files"_qs, Response::json(200, page(files)));
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

void ScreenshotAgent::addBuilds()
{
    const QList<BuildRow> rows{
        {RunningBuildId, 4, "running", "upload", "hugo", 0, 0, nullptr},
        {FinishedBuildId, 3, "succeeded", "hook", "hugo", 38200, 42, nullptr},
        {29, 2, "failed", "rebuild", "hugo", 2100, 0, "build.failed"},
        {28, 1, "cancelled", "upload", "jekyll", 9400, 0, nullptr},
    };
    QJsonArray builds;
    for (const BuildRow &row : rows) {
        builds.append(buildJson(row));
        m_server.on("GET", QStringLiteral("/api/v1/builds/%1").arg(row.id), Response::json(200, compact(buildJson(row))));
    }
    m_server.on("GET", u"/api/v1/projects/7/builds"_qs, Response::json(200, page(builds)));
    for (qint64 project : {3, 9, 11, 12})
        m_server.on("GET", QStringLiteral("/api/v1/projects/%1/builds").arg(project), Response::json(200, page({})));
    // The running build has printed its first lines; the test pushes the rest.
    m_server.on("GET", logStreamPath(RunningBuildId), Response::eventStream(lineEvents(HugoLog.mid(0, 11))));
    m_server.on("GET", logStreamPath(FinishedBuildId),
                Response::eventStream(lineEvents(HugoLog) + endEvent(FinishedBuildId, u"succeeded"_qs, 42)));
    m_server.on("GET", logStreamPath(29),
                Response::eventStream(lineEvents({HugoLog[0], HugoLog[1], u"Error: module \"ananke\" not found"_qs})
                                      + endEvent(29, u"failed"_qs, 0)));
    m_server.on("GET", logStreamPath(28), Response::eventStream(lineEvents(HugoLog.mid(0, 2)) + endEvent(28, u"cancelled"_qs, 0)));
    m_server.on("POST", QStringLiteral("/api/v1/builds/%1/cancel").arg(RunningBuildId),
                Response::json(200, compact(buildJson({RunningBuildId, 4, "cancelled", "upload", "hugo", 5200, 0, nullptr}))));
    m_server.on("POST", u"/api/v1/projects/7/builds"_qs,
                Response::json(202, compact(buildJson({NewBuildId, 5, "queued", "rebuild", "hugo", 0, 0, nullptr}))));
    m_server.on("GET", logStreamPath(NewBuildId), Response::eventStream(lineEvents(HugoLog.mid(0, 3))));
    addBuildHooks();
    m_server.on("POST", u"/api/v1/deploys/42/activate"_qs, Response::json(200, compact(core::wire::versionToJson(liveVersion()))));
}

void ScreenshotAgent::addBuildHooks()
{
    const QJsonObject cms{{u"id"_qs, 5}, {u"name"_qs, u"Netlify CMS"_qs}, {u"createdAt"_qs, qint64(1764000000000)},
                          {u"lastUsedAt"_qs, qint64(1764590000000)}};
    m_server.on("GET", u"/api/v1/projects/7/build-hooks"_qs, Response::json(200, compact(QJsonArray{cms})));
    for (qint64 project : {3, 9, 11, 12})
        m_server.on("GET", QStringLiteral("/api/v1/projects/%1/build-hooks").arg(project), Response::json(200, "[]"));
    const QJsonObject created{{u"id"_qs, 6}, {u"name"_qs, u"CI"_qs},
                              {u"url"_qs, u"https://deploy.example.com/api/v1/hooks/bh_4f9c2a7d1e8b6035"_qs},
                              {u"createdAt"_qs, qint64(1764600000000)}, {u"lastUsedAt"_qs, QJsonValue::Null}};
    m_server.on("POST", u"/api/v1/projects/7/build-hooks"_qs, Response::json(201, compact(created)));
    m_server.on("DELETE", u"/api/v1/build-hooks/5"_qs, Response::json(204, {}));
}

void ScreenshotAgent::acceptSourceUpload(const QStringList &sha256s)
{
    const QJsonObject plan{{u"uploadId"_qs, u"s-77"_qs}, {u"missing"_qs, QJsonArray::fromStringList(sha256s)},
                           {u"diff"_qs, QJsonObject{{u"added"_qs, 2}, {u"changed"_qs, 0}, {u"removed"_qs, 0},
                                                    {u"bytesAdded"_qs, 200}, {u"bytesRemoved"_qs, 0}}},
                           {u"bytesToSend"_qs, 200}};
    m_server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, compact(plan)));
    for (const QString &hash : sha256s)
        m_server.on("PUT", u"/api/v1/uploads/s-77/blobs/"_qs + hash, Response::json(204, {}));
    const QJsonObject source{{u"id"_qs, 105}, {u"projectId"_qs, 7}, {u"number"_qs, 5}, {u"fileCount"_qs, sha256s.size()},
                             {u"totalBytes"_qs, 200}, {u"createdAt"_qs, qint64(1764600000000)}, {u"authorEmail"_qs, email()},
                             {u"detection"_qs, QJsonValue::Null}, {u"detectionError"_qs, QJsonValue::Null}};
    const QJsonObject answer{{u"source"_qs, source},
                             {u"build"_qs, buildJson({NewBuildId, 5, "queued", "upload", "hugo", 0, 0, nullptr})}};
    m_server.on("POST", u"/api/v1/uploads/s-77/finalize"_qs, Response::json(201, compact(answer)));
}

QString ScreenshotAgent::logStreamPath(qint64 buildId)
{
    return QStringLiteral("/api/v1/builds/%1/log/stream").arg(buildId);
}

QByteArray ScreenshotAgent::lineEvents(const QStringList &lines)
{
    QByteArray events;
    for (const QString &line : lines)
        events += "event: line\ndata: " + line.toUtf8() + "\n\n";
    return events;
}

QByteArray ScreenshotAgent::endEvent(qint64 buildId, const QString &status, qint64 versionId)
{
    const BuildRow row{buildId, buildId - 27, "", "upload", "hugo", 41000, versionId, nullptr};
    QJsonObject build = buildJson(row);
    build.insert(u"status"_qs, status);
    if (buildId == FinishedBuildId)
        build = buildJson({FinishedBuildId, 3, "succeeded", "hook", "hugo", 38200, 42, nullptr});
    return "event: end\ndata: " + QJsonDocument(build).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace ddd::test
