// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/gitsource.h"

#include <QTest>

using ddd::core::build::GitSource;

// Which repository addresses and branch names a project may build from.
class TestGitSource : public QObject
{
    Q_OBJECT

private slots:
    void acceptsPublicRepositories_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("branch");
        QTest::newRow("https") << u"https://example.org/team/site.git"_qs << u"main"_qs;
        QTest::newRow("http with port") << u"http://127.0.0.1:9418/site"_qs << u"release/2026-12"_qs;
        QTest::newRow("git daemon") << u"git://git.example.org/site.git"_qs << u"gh-pages"_qs;
        QTest::newRow("dotted branch") << u"https://example.org/s"_qs << u"v1.2_x"_qs;
    }
    void acceptsPublicRepositories()
    {
        QFETCH(QString, url);
        QFETCH(QString, branch);
        const auto valid = GitSource::validate(url, branch);
        QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().message));
    }

    void refusesUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("ssh") << u"ssh://git@example.org/site.git"_qs;
        QTest::newRow("scp form") << u"git@example.org:team/site.git"_qs;
        QTest::newRow("file") << u"file:///etc"_qs;
        QTest::newRow("ext runs commands") << u"ext::sh -c touch% /tmp/x"_qs;
        QTest::newRow("local path") << u"/srv/repo.git"_qs;
        QTest::newRow("credentials") << u"https://user:secret@example.org/site.git"_qs;
        QTest::newRow("token as user") << u"https://ghp_abc@example.org/site.git"_qs;
        QTest::newRow("option-like") << u"--upload-pack=touch /tmp/x"_qs;
        QTest::newRow("empty") << QString();
        QTest::newRow("too long") << (u"https://example.org/"_qs + QString(2100, u'a'));
    }
    void refusesUrls()
    {
        QFETCH(QString, url);
        const auto valid = GitSource::validate(url, u"main"_qs);
        QVERIFY(!valid.ok());
        QCOMPARE(valid.error().code, u"build.invalid_git_url"_qs);
        QVERIFY(!valid.error().details.value(u"reason"_qs).toString().isEmpty());
    }

    void refusesBranches_data()
    {
        QTest::addColumn<QString>("branch");
        QTest::newRow("option") << u"--upload-pack=x"_qs;
        QTest::newRow("dash") << u"-x"_qs;
        QTest::newRow("dot dot") << u"a..b"_qs;
        QTest::newRow("hidden component") << u"a/.b"_qs;
        QTest::newRow("leading slash") << u"/main"_qs;
        QTest::newRow("trailing slash") << u"main/"_qs;
        QTest::newRow("lock") << u"main.lock"_qs;
        QTest::newRow("space") << u"my branch"_qs;
        QTest::newRow("shell") << u"main;reboot"_qs;
        QTest::newRow("empty") << QString();
    }
    void refusesBranches()
    {
        QFETCH(QString, branch);
        const auto valid = GitSource::validate(u"https://example.org/site.git"_qs, branch);
        QVERIFY(!valid.ok());
        QCOMPARE(valid.error().code, u"build.invalid_git_branch"_qs);
    }
};

QTEST_GUILESS_MAIN(TestGitSource)
#include "tst_gitsource.moc"
