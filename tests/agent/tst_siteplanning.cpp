// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/sitebench.h"

#include <QtTest>

using namespace ddd;
using test::SiteBench;

// Which thread answers a site request: the pipeline plans on the I/O thread
// and keeps the answer there unless a stage may block for this request. A
// password that must be hashed (argon2) moves it to a worker; the same
// credentials once remembered, a missing password or an unprotected site
// do not.
class TestSitePlanning final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SiteBench> m_bench;

    agent::http::RequestPlan plan(agent::http::Request &request) { return m_bench->pipeline().plan(request); }

    static agent::http::Request get(const QString &host, const QByteArray &authorization = {})
    {
        agent::http::Request request;
        request.method = "GET";
        request.target = "/";
        request.path = u"/"_qs;
        request.host = host;
        request.clientAddress = u"192.0.2.1"_qs;
        if (!authorization.isEmpty())
            request.headers.add("Authorization", "Basic " + authorization.toBase64());
        return request;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_bench = std::make_unique<SiteBench>();
        m_bench->sites().reset({
            m_bench->site(1, u"open"_qs).file(u"index.html"_qs, "open home").build(),
            m_bench->site(2, u"closed"_qs)
                .protection(m_bench->access().protection({{u"ann"_qs, u"secret-word"_qs}}))
                .file(u"index.html"_qs, "closed home")
                .build(),
        });
    }

    void unprotectedSitesAreAnsweredInline()
    {
        agent::http::Request request = get(u"open.localhost"_qs);
        agent::http::RequestPlan planned = plan(request);
        QVERIFY(planned.inlineSafe);
        QCOMPARE(planned.respond(request).status, 200);
    }

    void onlyAHashToComputeGoesToAWorker()
    {
        agent::http::Request anonymous = get(u"closed.localhost"_qs);
        agent::http::RequestPlan refused = plan(anonymous);
        QVERIFY(refused.inlineSafe); // 401 at once: nothing to hash
        QCOMPARE(refused.respond(anonymous).status, 401);

        agent::http::Request first = get(u"closed.localhost"_qs, "ann:secret-word");
        agent::http::RequestPlan hashing = plan(first);
        QVERIFY(!hashing.inlineSafe);
        const agent::http::Response opened = hashing.respond(first);
        QCOMPARE(opened.status, 200);
        QCOMPARE(SiteBench::body(opened), QByteArray("closed home"));

        agent::http::Request again = get(u"closed.localhost"_qs, "ann:secret-word");
        agent::http::RequestPlan remembered = plan(again);
        QVERIFY(remembered.inlineSafe);
        QCOMPARE(remembered.respond(again).status, 200);

        agent::http::Request wrong = get(u"closed.localhost"_qs, "ann:wrong-word");
        agent::http::RequestPlan checking = plan(wrong);
        QVERIFY(!checking.inlineSafe);
        QCOMPARE(checking.respond(wrong).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestSitePlanning)
#include "tst_siteplanning.moc"
