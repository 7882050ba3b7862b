// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/faultsite.h"

#include "tests/support/zipbuilder.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QThread>

namespace ddd::test {

namespace {

const QString kEmail = u"owner@example.com"_qs;
const QString kPassword = u"correct horse battery"_qs;

} // namespace

const QByteArray FaultSite::kPage = "<html><script src=\"/app.js\"></script>one</html>";
const QByteArray FaultSite::kAsset = "var version = \"one\";\n";

bool FaultSite::setUp(int megabytes, QString *why)
{
    m_disk = std::make_unique<FaultDisk>(megabytes);
    if (!m_disk->mounted())
        return (*why = u"cannot mount an ext4 loop file system (the tests run as root)"_qs), false;
    m_agent = std::make_unique<AgentProcess>(QStringLiteral(DDD_AGENT_BINARY), dataDir());
    if (!m_agent->addUser(kEmail, kPassword) || !m_agent->start())
        return (*why = u"agent did not start: "_qs + m_agent->output()), false;
    m_token = HttpTestClient(m_agent->apiPort())
                  .post(u"/api/v1/auth/login"_qs, {{u"email"_qs, kEmail}, {u"password"_qs, kPassword}})
                  .json().value(u"token"_qs).toString();
    const QJsonObject project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Faults"_qs}}).json();
    m_project = project.value(u"id"_qs).toInteger();
    m_host = project.value(u"stagingHost"_qs).toString().toLatin1();
    // "zero" first, so a rollback has somewhere to go.
    const QByteArray zip = ZipBuilder().file("index.html", kPage).file("app.js", kAsset).build();
    if (deployZip(siteZip("zero")).status != 201 || deployZip(zip).status != 201 || !liveUntouched())
        return (*why = u"first deploy failed"_qs), false;
    return true;
}

void FaultSite::tearDown()
{
    m_agent.reset(); // stops the agent before its disk goes
    m_disk.reset();
}

HttpTestClient FaultSite::api() const
{
    HttpTestClient http(m_agent->apiPort());
    http.setToken(m_token);
    return http;
}

HttpReply FaultSite::deployZip(const QByteArray &archive, bool activate)
{
    return api().send("POST", u"/api/v1/projects/%1/deploys?activate=%2"_qs.arg(m_project).arg(activate ? u"true" : u"false"),
                      archive, {{"Content-Type", "application/zip"}});
}

QByteArray FaultSite::siteZip(const QByteArray &marker)
{
    return ZipBuilder().file("index.html", "<html>" + marker + "</html>").file("app.js", "var v = \"" + marker + "\";").build();
}

QByteArray FaultSite::served(const QString &path) const
{
    return HttpTestClient(m_agent->sitePort()).get(path, m_host).body;
}

bool FaultSite::liveUntouched() const
{
    const HttpReply page = HttpTestClient(m_agent->sitePort()).get(u"/"_qs, m_host);
    const HttpReply asset = HttpTestClient(m_agent->sitePort()).get(u"/app.js"_qs, m_host);
    return page.status == 200 && page.body == kPage && asset.status == 200 && asset.body == kAsset;
}

QStringList FaultSite::stagingLeftovers() const
{
    QStringList entries = QDir(dataDir() + u"/staging"_qs).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    entries.removeAll(u"partial"_qs);
    entries.removeAll(u"archives"_qs); // open archive upload sessions
    return entries;
}

QString FaultSite::stuckVersion() const
{
    for (const QJsonValue &version : api().get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)).items()) {
        const QString status = version.toObject().value(u"status"_qs).toString();
        if (status != u"live" && status != u"retired" && status != u"ready")
            return status;
    }
    return {};
}

QJsonObject FaultSite::waitForBuild(qint64 build) const
{
    QJsonObject json;
    for (QDeadlineTimer deadline(60000); !deadline.hasExpired(); QThread::msleep(100)) {
        json = api().get(u"/api/v1/builds/%1"_qs.arg(build)).json();
        const QString status = json.value(u"status"_qs).toString();
        if (status != u"queued" && status != u"running")
            break;
    }
    return json;
}

bool FaultSite::restartAfterRepair()
{
    m_agent->stop();
    return m_disk->repair() && m_agent->start();
}

bool FaultSite::recovers(QString *why)
{
    if (!liveUntouched())
        return (*why = u"the live site changed"_qs), false;
    for (QDeadlineTimer deadline(10000); !stagingLeftovers().isEmpty() && !deadline.hasExpired();)
        QThread::msleep(50);
    if (!stagingLeftovers().isEmpty())
        return (*why = u"staging left: "_qs + stagingLeftovers().join(u' ')), false;
    if (const QString stuck = stuckVersion(); !stuck.isEmpty())
        return (*why = u"a version is stuck: "_qs + stuck), false;
    if (const HttpReply next = deployZip(siteZip("two")); next.status != 201)
        return (*why = u"the next deploy answered %1"_qs.arg(next.status)), false;
    if (served(u"/"_qs) != "<html>two</html>" || served(u"/app.js"_qs) != "var v = \"two\";")
        return (*why = u"the next deploy is not served"_qs), false;
    return true;
}

} // namespace ddd::test
