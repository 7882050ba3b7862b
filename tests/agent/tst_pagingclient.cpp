// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The client library's paged calls against the real agent: pages and their
// cursors, the walk over every file of a version, and refusals keeping their
// codes.
#include "core/client/apiclient.h"
#include "tests/support/agentfixture.h"
#include "tests/support/zipbuilder.h"

#include <QtTest>

using namespace ddd::core;
using namespace ddd::core::client;
using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::ZipBuilder;

namespace {

const QString kPassword = u"correct horse battery"_qs;

template<typename T>
struct Outcome
{
    std::optional<Result<T>> result;
    Callback<T> callback()
    {
        return [this](Result<T> value) { result = std::move(value); };
    }
};

} // namespace

class TestPagingClient final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    std::unique_ptr<ApiClient> m_client;
    qint64 m_project = 0;
    qint64 m_version = 0;
    QStringList m_paths;

    HttpTestClient api(const QString &token)
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(token);
        return http;
    }

    template<typename T>
    T await(Outcome<T> &outcome)
    {
        [&] { QTRY_VERIFY(outcome.result.has_value()); }();
        if (!outcome.result || !outcome.result->ok())
            return T();
        return std::move(*outcome.result).value();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        const QString token = m_agent->login(u"owner@example.com"_qs, kPassword);
        m_project = api(token).post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Site"_qs}}).json().value(u"id"_qs).toInteger();
        ZipBuilder zip;
        for (int i = 0; i < 25; ++i) {
            m_paths << u"page-%1.html"_qs.arg(i, 2, 10, QChar(u'0'));
            zip.file(m_paths.last().toUtf8(), QByteArray::number(i));
        }
        for (int round = 0; round < 3; ++round) {
            const HttpReply created = api(token).send("POST", u"/api/v1/projects/%1/deploys"_qs.arg(m_project),
                                                      zip.build(), {{"Content-Type", "application/zip"}});
            QCOMPARE(created.status, 201);
            m_version = created.json().value(u"id"_qs).toInteger();
        }
        m_client = std::make_unique<ApiClient>(QUrl(u"http://127.0.0.1:%1"_qs.arg(m_agent->apiPort())));
        m_client->setToken(token);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_agent.reset();
    }

    void versionsComePageByPage()
    {
        Outcome<RemotePage<model::Version>> first;
        m_client->listDeploys(m_project, {{}, 2, {}}, this, first.callback());
        const auto page = await(first);
        QCOMPARE(page.items.size(), 2);
        QCOMPARE(page.items.first().number, 3);
        QVERIFY(page.hasMore());
        QVERIFY(page.items.first().files.isEmpty());
        Outcome<RemotePage<model::Version>> second;
        m_client->listDeploys(m_project, {page.nextCursor, 2, {}}, this, second.callback());
        const auto rest = await(second);
        QCOMPARE(rest.items.size(), 1);
        QCOMPARE(rest.items.first().number, 1);
        QVERIFY(!rest.hasMore());
    }

    void projectsComeAsAPage()
    {
        Outcome<RemotePage<RemoteProject>> projects;
        m_client->listProjects({}, this, projects.callback());
        const auto page = await(projects);
        QCOMPARE(page.items.size(), 1);
        QCOMPARE(page.items.first().id, m_project);
        QVERIFY(!page.hasMore());
    }

    void filesPageUnderAPrefix()
    {
        Outcome<RemotePage<model::VersionFile>> files;
        m_client->listDeployFiles(m_version, {{}, 0, u"page-1"_qs}, this, files.callback());
        const auto page = await(files);
        QCOMPARE(page.items.size(), 10);
        QCOMPARE(page.items.first().path, u"page-10.html"_qs);
        QCOMPARE(page.items.first().size, 2);
        QVERIFY(!page.hasMore());
    }

    void walkingCollectsEveryFileInOrder()
    {
        Outcome<QList<model::VersionFile>> all;
        m_client->fetchAllDeployFiles(m_version, this, all.callback(), 7); // four pages: 7, 7, 7, 4
        QStringList paths;
        for (const model::VersionFile &file : await(all))
            paths << file.path;
        QCOMPARE(paths, m_paths);
    }

    void refusalsKeepTheirCodes()
    {
        Outcome<RemotePage<model::VersionFile>> badLimit;
        m_client->listDeployFiles(m_version, {{}, 10001, {}}, this, badLimit.callback());
        await(badLimit);
        QCOMPARE(badLimit.result->error().code, u"request.invalid_limit"_qs);
        Outcome<RemotePage<model::Version>> badCursor;
        m_client->listDeploys(m_project, {u"not-a-cursor"_qs, 0, {}}, this, badCursor.callback());
        await(badCursor);
        QCOMPARE(badCursor.result->error().code, u"request.invalid_cursor"_qs);
        Outcome<QList<model::VersionFile>> missing;
        m_client->fetchAllDeployFiles(m_version + 1000, this, missing.callback());
        await(missing);
        QCOMPARE(missing.result->error().code, u"deploy.not_found"_qs);
    }
};

QTEST_GUILESS_MAIN(TestPagingClient)
#include "tst_pagingclient.moc"
