// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/crashagent.h"

#include "tests/support/zipbuilder.h"

#include <QRegularExpression>

namespace ddd::test {

namespace {

const QString kEmail = u"owner@example.com"_qs;
const QString kPassword = u"correct horse battery"_qs;

// Repetitive filler: large enough that the precompressor makes variants of
// every page, so compress.variants_committed is met by every deploy.
QByteArray filler()
{
    return QByteArray("<p>filler text that compresses well</p>\n").repeated(60);
}

} // namespace

CrashAgent::CrashAgent(QString dataDir, QStringList arguments)
    : m_dataDir(dataDir), m_arguments(std::move(arguments)), m_process(QStringLiteral(DDD_AGENT_BINARY), dataDir)
{
}

bool CrashAgent::start(const QString &crashPoint)
{
    if (!m_userAdded && !(m_userAdded = m_process.addUser(kEmail, kPassword)))
        return false;
    if (!m_process.start(crashPoint, m_arguments))
        return false;
    HttpTestClient http(m_process.apiPort());
    m_token = http.post(u"/api/v1/auth/login"_qs, {{u"email"_qs, kEmail}, {u"password"_qs, kPassword}})
                  .json().value(u"token"_qs).toString();
    return !m_token.isEmpty();
}

HttpTestClient CrashAgent::api() const
{
    HttpTestClient http(m_process.apiPort());
    http.setToken(m_token);
    return http;
}

qint64 CrashAgent::createProject(const QString &name, QByteArray *host, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(u"name"_qs, name);
    const HttpReply created = api().post(u"/api/v1/projects"_qs, body);
    if (host)
        *host = created.json().value(u"stagingHost"_qs).toString().toLatin1();
    return created.json().value(u"id"_qs).toInteger();
}

HttpReply CrashAgent::deploy(qint64 project, int n, bool activate)
{
    return api().send("POST", u"/api/v1/projects/%1/deploys%2"_qs.arg(project).arg(activate ? u"?activate=true"_qs : QString()),
                      siteArchive(n), {{"Content-Type", "application/zip"}});
}

HttpReply CrashAgent::buildSource(qint64 project, int n)
{
    return api().send("POST", u"/api/v1/projects/%1/sources?build=1&activate=1"_qs.arg(project), siteArchive(n),
                      {{"Content-Type", "application/zip"}});
}

HttpReply CrashAgent::rollback(qint64 project)
{
    return api().post(u"/api/v1/projects/%1/rollback"_qs.arg(project), {});
}

qint64 CrashAgent::liveVersionId(qint64 project) const
{
    for (const QJsonValue &version : api().get(u"/api/v1/projects/%1/deploys"_qs.arg(project)).items())
        if (version.toObject().value(u"status"_qs).toString() == u"live")
            return version.toObject().value(u"id"_qs).toInteger();
    return 0;
}

int CrashAgent::servedVersion(const QByteArray &host) const
{
    HttpTestClient http(m_process.sitePort());
    const HttpReply index = http.get(u"/"_qs, host);
    if (index.status == 404)
        return 0;
    static const QRegularExpression marker(u"^<h1>version (\\d+)</h1>"_qs);
    const auto match = marker.match(QString::fromUtf8(index.body));
    const int n = match.hasMatch() ? match.captured(1).toInt() : -1;
    if (n <= 0 || index.body != pageBody(-1, n) || index.header("X-Version") != QByteArray::number(n))
        return -1;
    for (int i = 0; i < kPages; ++i)
        if (http.get(u"/pages/p%1.html"_qs.arg(i), host).body != pageBody(i, n))
            return -1;
    return n;
}

// Page -1 is index.html.
QByteArray CrashAgent::pageBody(int page, int n)
{
    const QByteArray version = QByteArray::number(n);
    if (page < 0)
        return "<h1>version " + version + "</h1>\n" + filler();
    return "<h1>page " + QByteArray::number(page) + " of version " + version + "</h1>\n" + filler();
}

QByteArray CrashAgent::siteArchive(int n)
{
    ZipBuilder zip;
    zip.file("index.html", pageBody(-1, n));
    for (int i = 0; i < kPages; ++i)
        zip.file("pages/p" + QByteArray::number(i) + ".html", pageBody(i, n));
    // Rules go live with their version: checked at ingest, compiled at activation.
    zip.file("_headers", "/*\n  X-Version: " + QByteArray::number(n) + "\n");
    zip.file("_redirects", "/old /pages/p0.html 301\n");
    return zip.build();
}

} // namespace ddd::test
