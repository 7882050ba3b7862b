// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The ACME HTTP-01 stage of the site pipeline: it answers from lego's webroot
// for any host, before host resolution and site protection, and refuses
// every token outside base64url before touching the file system.
#include "agent/site/acmechallengestage.h"
#include "tests/support/sitebench.h"

#include <QtTest>

using namespace ddd;
using agent::http::Response;
using test::SiteBench;

namespace {

const QByteArray kToken = "Xy-9_tok3n";
const QByteArray kAnswer = "Xy-9_tok3n.thumbprint";

} // namespace

class TestAcmeChallenge final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_webroot;
    std::unique_ptr<SiteBench> m_bench;

    QString challengeDir() const { return m_webroot.filePath(u".well-known/acme-challenge"_qs); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QDir().mkpath(challengeDir()));
        QFile answer(challengeDir() + u'/' + QString::fromLatin1(kToken));
        QVERIFY(answer.open(QIODevice::WriteOnly));
        answer.write(kAnswer);
        answer.close();
        // A secret beside the webroot, and a symlink pointing at it.
        QFile secret(m_webroot.filePath(u"secret"_qs));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("private");
        secret.close();
        QVERIFY(QFile::link(secret.fileName(), challengeDir() + u"/linked"_qs));

        agent::site::SitePipeline::Options options;
        options.acmeWebroot = m_webroot.path();
        // Every host asks for a password: challenges are answered all the same.
        m_bench = std::make_unique<SiteBench>(std::move(options), core::auth::SiteAccess::Options{true});
        m_bench->sites().reset({m_bench->site(1, u"alpha"_qs).domain(u"www.alpha.test"_qs).version(1)
                                    .file(u"index.html"_qs, "home").build()});
    }

    void answersForAnyHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("a project's domain, protected") << u"www.alpha.test"_qs;
        QTest::newRow("a host no site serves yet") << u"new.example.test"_qs;
    }

    void answersForAnyHost()
    {
        QFETCH(QString, host);
        const Response response = m_bench->get(host, "/.well-known/acme-challenge/" + kToken);
        QCOMPARE(response.status, 200);
        QCOMPARE(SiteBench::body(response), kAnswer);
        QCOMPARE(response.headers.value("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(response.headers.value("Cache-Control"), QByteArray("no-store"));
    }

    void headAnswersWithoutBody()
    {
        const Response response = m_bench->call("HEAD", u"www.alpha.test"_qs, "/.well-known/acme-challenge/" + kToken);
        QCOMPARE(response.status, 200);
        QVERIFY(response.headOnly);
    }

    // The rest of the site still asks for the password.
    void otherPathsStayProtected()
    {
        QCOMPARE(m_bench->get(u"www.alpha.test"_qs, "/").status, 401);
        QCOMPARE(m_bench->get(u"www.alpha.test"_qs, "/.well-known/acme-challengeX").status, 401);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown token") << QByteArray("/.well-known/acme-challenge/unknown") << 404 << u"acme.unknown_token"_qs;
        QTest::newRow("symlink") << QByteArray("/.well-known/acme-challenge/linked") << 404 << u"acme.unknown_token"_qs;
        QTest::newRow("empty") << QByteArray("/.well-known/acme-challenge/") << 404 << u"acme.bad_token"_qs;
        QTest::newRow("dot dot") << QByteArray("/.well-known/acme-challenge/../secret") << 404 << u"acme.bad_token"_qs;
        QTest::newRow("encoded dot dot") << QByteArray("/.well-known/acme-challenge/%2e%2e%2fsecret") << 404
                                         << u"acme.bad_token"_qs;
        QTest::newRow("subdirectory") << QByteArray("/.well-known/acme-challenge/a/b") << 404 << u"acme.bad_token"_qs;
        QTest::newRow("dot") << QByteArray("/.well-known/acme-challenge/a.b") << 404 << u"acme.bad_token"_qs;
        QTest::newRow("base64 padding") << QByteArray("/.well-known/acme-challenge/ab==") << 404 << u"acme.bad_token"_qs;
        QTest::newRow("too long") << "/.well-known/acme-challenge/" + QByteArray(257, 'a') << 404 << u"acme.bad_token"_qs;
    }

    void refusals()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Response response = m_bench->get(u"www.alpha.test"_qs, target);
        QCOMPARE(response.status, status);
        QCOMPARE(response.errorCode, code);
        QVERIFY(!SiteBench::body(response).contains("private"));
    }

    void queryIsIgnored()
    {
        QCOMPARE(m_bench->get(u"x.test"_qs, "/.well-known/acme-challenge/" + kToken + "?x=1").status, 200);
    }

    void otherMethodsAreRefused()
    {
        QCOMPARE(m_bench->call("POST", u"x.test"_qs, "/.well-known/acme-challenge/" + kToken).status, 405);
    }

    // Without acme.enabled there is no stage: the site's own file, if any, answers.
    void absentWhenDisabled()
    {
        SiteBench plain;
        plain.sites().reset({plain.site(1, u"alpha"_qs).domain(u"www.alpha.test"_qs).version(1)
                                 .file(u".well-known/acme-challenge/"_qs + QString::fromLatin1(kToken), "site file").build()});
        const Response response = plain.get(u"www.alpha.test"_qs, "/.well-known/acme-challenge/" + kToken);
        QCOMPARE(response.status, 200);
        QCOMPARE(SiteBench::body(response), QByteArray("site file"));
    }
};

QTEST_GUILESS_MAIN(TestAcmeChallenge)
#include "tst_acmechallenge.moc"
