// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/app/screenshotscene.h"

#include "core/build/buildlogsink.h"
#include "core/build/buildoutcome.h"
#include "core/build/buildrequest.h"
#include "core/wire/versionjson.h"
#include "tests/support/zipbuilder.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

namespace ddd::test {

namespace {

const QString Password = u"a long passphrase for screenshots"_qs;
constexpr qint64 Minute = 60'000;

QByteArray site(const QByteArray &headline)
{
    return ZipBuilder()
        .file("index.html", "<!doctype html><title>" + headline + "</title><h1>" + headline + "</h1>")
        .file("css/site.css", "body{font-family:sans-serif;margin:0 auto;max-width:60em}")
        .file("img/hero.svg", QByteArray(18000, ' ') + "<svg/>")
        .build();
}

// Stands in for BuildEngine: logs like Hugo and publishes the source's public/ folder.
core::build::BuildService::Engine hugoStandIn()
{
    return [](const core::build::BuildRequest &request, core::build::BuildLogSink &log,
              std::stop_token) -> core::Result<core::build::BuildOutcome> {
        log.note("== build: hugo --minify -d /out");
        log.output("Start building sites …");
        log.output("hugo v0.111.3+extended linux/amd64 BuildDate=2023-03-20");
        log.output("                   | EN");
        log.output("-------------------+-----");
        log.output("  Pages            | 12");
        log.output("  Static files     |  4");
        log.output("Total in 412 ms");
        core::build::Detection detection;
        detection.generator = core::build::Generator::Hugo;
        detection.command = u"hugo --minify -d /out"_qs;
        detection.outputDir = u"public"_qs;
        detection.toolchain = u"hugo 0.111.3"_qs;
        return core::build::BuildOutcome{detection, {{u"build"_qs, 412, 0}}, request.sourceDirectory + u"/public"_qs};
    };
}

} // namespace

bool ScreenshotScene::start()
{
    m_agent.config.sitePort = 0;
    m_agent.buildEngine = hugoStandIn();
    m_agent.config.webhooksAllowPrivateTargets = true;
    if (!m_receiver.listen() || !m_agent.start() || !m_agent.addUser(email(), Password))
        return false;
    m_token = m_agent.login(email(), Password);
    for (const QString &name : {u"Blog"_qs, u"Docs"_qs})
        api().post(u"/api/v1/projects"_qs, {{u"name"_qs, name}});
    m_project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Marketing site"_qs},
                                                    {u"domain"_qs, u"www.example.com"_qs}})
                    .json().value(u"id"_qs).toInteger();
    qint64 first = 0;
    bool ok = m_project > 0 && addWebhook();
    ok = ok && deploy(site("Winter sale"), u"?activate=true"_qs, &first);
    advance(26 * 60 * Minute);
    ok = deploy(site("Spring preview"), u"?activate=true"_qs) && ok;
    advance(40 * Minute);
    ok = api().post(u"/api/v1/projects/%1/rollback"_qs.arg(m_project), QJsonObject()).status == 200 && ok;
    ok = api().patch(u"/api/v1/deploys/%1"_qs.arg(first), {{u"pinned"_qs, true}}).status == 200 && ok;
    advance(3 * 60 * Minute);
    // Refused: two names that are one file on macOS and Windows.
    deploy(ZipBuilder().file("index.html", "a").file("Index.html", "b").build(), {});
    advance(15 * Minute);
    // The staging site behind a password, as before a launch (and so share links can be shown).
    const QJsonObject protection{{u"enabled"_qs, true},
                                 {u"users"_qs, QJsonArray{QJsonObject{{u"username"_qs, u"preview"_qs},
                                                                      {u"password"_qs, u"spring-2027"_qs}}}},
                                 {u"scope"_qs, u"staging"_qs}};
    ok = api().patch(u"/api/v1/projects/%1"_qs.arg(m_project),
                     {{u"settings"_qs, QJsonObject{{u"spaMode"_qs, true}, {u"sitePassword"_qs, protection}}}})
             .status == 200 && ok;
    advance(5 * Minute);
    ok = api().post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"CI deploys"_qs},
                                           {u"capabilities"_qs, QJsonArray{u"deploy"_qs, u"read"_qs}},
                                           {u"projectId"_qs, m_project}}).status == 201 && ok;
    advance(2 * 60 * Minute);
    ok = buildFromSource() && ok;
    advance(30 * Minute);
    m_receiver.queueStatuses({503}); // the newest event waits for its retry
    return ok && deploy(site("Spring sale"), u"?activate=true"_qs);
}

// A chat bot's receiver, subscribed to what goes live and to builds.
bool ScreenshotScene::addWebhook()
{
    const QJsonObject body{{u"url"_qs, m_receiver.url(u"/hooks/ddd"_qs)},
                           {u"events"_qs, QJsonArray{u"version.activated"_qs, u"version.rolled_back"_qs,
                                                    u"build.finished"_qs}}};
    return api().post(u"/api/v1/projects/%1/webhooks"_qs.arg(m_project), body).status == 201;
}

QUrl ScreenshotScene::apiUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_qs.arg(m_agent.apiPort()));
}

QUrl ScreenshotScene::sitesUrl() const
{
    return QUrl(u"http://localhost:%1"_qs.arg(m_agent.sitePort()));
}

std::optional<core::client::RemoteProject> ScreenshotScene::project()
{
    auto project = core::client::RemoteProject::fromJson(api().get(u"/api/v1/projects/%1"_qs.arg(m_project)).json());
    return project ? std::optional(*project) : std::nullopt;
}

std::optional<core::model::Version> ScreenshotScene::liveVersion()
{
    const HttpReply versions = api().get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project));
    for (const QJsonValue &item : versions.items())
        if (item.toObject().value(u"status"_qs).toString() == u"live")
            if (auto version = core::wire::versionFromJson(item.toObject()))
                return *version;
    return std::nullopt;
}

// Time passes between the events; a new login keeps the session token (one hour) valid.
void ScreenshotScene::advance(qint64 ms)
{
    m_agent.clock.advanceMs(ms);
    m_token = m_agent.login(email(), Password);
}

HttpTestClient ScreenshotScene::api() const
{
    HttpTestClient http(m_agent.apiPort());
    http.setToken(m_token);
    return http;
}

bool ScreenshotScene::deploy(const QByteArray &zip, const QString &query, qint64 *id)
{
    const HttpReply reply = api().send("POST", u"/api/v1/projects/%1/deploys%2"_qs.arg(m_project).arg(query), zip,
                                       {{"Content-Type", "application/zip"}});
    if (id)
        *id = reply.json().value(u"id"_qs).toInteger();
    return reply.status == 201;
}

// A Hugo source whose public/ folder the stand-in engine publishes.
bool ScreenshotScene::buildFromSource()
{
    const QByteArray source = ZipBuilder()
                                  .file("hugo.toml", "baseURL = 'https://www.example.com/'\ntitle = 'Spring sale'\n")
                                  .file("content/_index.md", "---\ntitle: Spring sale\n---\n")
                                  .file("public/index.html", "<!doctype html><h1>Spring sale (built)</h1>")
                                  .build();
    const HttpReply upload = api().send("POST", u"/api/v1/projects/%1/sources?build=1&activate=1"_qs.arg(m_project),
                                        source, {{"Content-Type", "application/zip"}});
    const qint64 build = upload.json().value(u"build"_qs).toObject().value(u"id"_qs).toInteger();
    const QDeadlineTimer deadline(20'000);
    while (build > 0 && !deadline.hasExpired()) {
        if (api().get(u"/api/v1/builds/%1"_qs.arg(build)).json().value(u"status"_qs).toString() == u"succeeded")
            return true;
        QThread::msleep(20);
    }
    return false;
}

} // namespace ddd::test
