// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/agentfixture.h"

#include "agent/agent.h"
#include "tests/support/testdatabases.h"

#include <QDir>
#include <QtTest>

namespace ddd::test {

AgentFixture::AgentFixture()
{
    config.dataDir = m_root.path();
    config.apiPort = 0;
    config.sitePort = 0;
    config.siteHttpsPort = 0;
    config.workerThreads = 4;
}

AgentFixture::~AgentFixture()
{
    stop();
}

bool AgentFixture::start()
{
    // A test's `_postgres` variant: the agent keeps its metadata there.
    if (TestDatabases::usePostgres() && config.databaseUrl.isEmpty())
        config.databaseUrl = TestDatabases::postgresUrl(config.dataDir + u"/agent.db"_qs);
    m_agent = std::make_unique<agent::Agent>(config, clock);
    if (buildEngine)
        m_agent->replaceBuildEngine(buildEngine);
    if (accessLogWriter)
        m_agent->replaceAccessLogWriter(accessLogWriter);
    if (auto s = m_agent->open(); !s) {
        qWarning().noquote() << "agent open failed:" << s.error().message;
        return false;
    }
    if (auto s = m_agent->start(); !s) {
        qWarning().noquote() << "agent start failed:" << s.error().message;
        return false;
    }
    return true;
}

void AgentFixture::stop()
{
    if (m_agent)
        m_agent->stop();
    m_agent.reset();
}

quint16 AgentFixture::apiPort() const
{
    return m_agent ? m_agent->apiPort() : 0;
}

quint16 AgentFixture::sitePort() const
{
    return m_agent ? m_agent->sitePort() : 0;
}

quint16 AgentFixture::siteHttpsPort() const
{
    return m_agent ? m_agent->siteHttpsPort() : 0;
}

bool AgentFixture::addUser(const QString &email, const QString &password, const QString &role)
{
    auto status = m_agent->addUser(email, password, role);
    if (!status)
        qWarning().noquote() << "addUser failed:" << status.error().code;
    return status.ok();
}

QString AgentFixture::login(const QString &email, const QString &password)
{
    HttpTestClient http(apiPort());
    const HttpReply reply = http.post(u"/api/v1/auth/login"_qs, {{u"email"_qs, email}, {u"password"_qs, password}});
    return reply.json().value(u"token"_qs).toString();
}

QStringList AgentFixture::stagingLeftovers() const
{
    QStringList entries =
        QDir(dataDir() + u"/staging"_qs).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    entries.removeAll(u"partial"_qs);
    entries.removeAll(u"archives"_qs); // open archive upload sessions, not leftovers
    entries.removeIf([](const QString &entry) { return entry.startsWith(u"variant-"_qs); });
    return entries;
}

QStringList AgentFixture::uploadAndBuildLeftovers() const
{
    QStringList found;
    for (const QString &entry : stagingLeftovers())
        found << u"staging/"_qs + entry;
    for (const QString &entry : QDir(dataDir() + u"/work"_qs).entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
        found << u"work/"_qs + entry;
    return found;
}

} // namespace ddd::test
