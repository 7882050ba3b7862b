// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/siteinspector.h"
#include "tests/support/tempdataroot.h"
#include "tests/support/tarbuilder.h"
#include "tests/support/zipbuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QtTest>

using namespace ddd::app;
using ddd::core::model::VersionFile;
using Level = StatusPalette::Level;

namespace {

const std::atomic_bool NotCancelled{false};

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QStringList codes(const SiteInspection &inspection, Level level)
{
    QStringList found;
    for (const SiteInspection::Finding &finding : inspection.findings)
        if (finding.level == level)
            found.append(finding.code);
    return found;
}

} // namespace

class TestSiteInspector final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void cleanFolderBecomesAManifestDiffedAgainstTheLiveVersion()
    {
        ddd::test::TempDataRoot root;
        write(root.file(u"site/index.html"_qs), "<h1>new</h1>");
        write(root.file(u"site/css/site.css"_qs), "body{}");
        write(root.file(u"site/about.html"_qs), "about");
        const QList<VersionFile> live{{u"index.html"_qs, sha256("<h1>old</h1>"), 12},
                                      {u"about.html"_qs, sha256("about"), 5},
                                      {u"old.html"_qs, sha256("gone"), 4}};
        const SiteInspection inspection = SiteInspector::inspect(root.file(u"site"_qs), live, NotCancelled);
        QVERIFY(!inspection.blocked());
        QVERIFY(!inspection.isArchive);
        QCOMPARE(inspection.files.size(), 3);
        QCOMPARE(inspection.totalBytes, 12 + 6 + 5);
        QCOMPARE(inspection.localPaths.value(sha256("body{}")), root.file(u"site/css/site.css"_qs));
        QCOMPARE(inspection.added.size(), 1);
        QCOMPARE(inspection.added.first().path, u"css/site.css"_qs);
        QCOMPARE(inspection.changed.size(), 1);
        QCOMPARE(inspection.changed.first().sizeBefore, 12);
        QCOMPARE(inspection.removed.first().path, u"old.html"_qs);
        QCOMPARE(codes(inspection, Level::Good).size(), 1);
        QVERIFY(codes(inspection, Level::Warning).isEmpty());
    }

    void agentRulesBlockTheDeploy_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("code");
        QTest::newRow("link") << u"link"_qs << u"archive.link_entry"_qs;
        QTest::newRow("case collision") << u"case"_qs << u"archive.case_collision"_qs;
        QTest::newRow("nothing to deploy") << u"empty"_qs << u"archive.empty"_qs;
    }

    void agentRulesBlockTheDeploy()
    {
        QFETCH(QString, problem);
        QFETCH(QString, code);
        ddd::test::TempDataRoot root;
        const QString site = root.file(u"site"_qs);
        QVERIFY(QDir().mkpath(site));
        if (problem != u"empty")
            write(site + u"/index.html"_qs, "<h1>hi</h1>");
        if (problem == u"link")
            QVERIFY(QFile::link(u"/etc/hostname"_qs, site + u"/hostname"_qs));
        if (problem == u"case")
            write(site + u"/INDEX.html"_qs, "<h1>HI</h1>");
        const SiteInspection inspection = SiteInspector::inspect(site, {}, NotCancelled);
        QVERIFY(inspection.blocked());
        QCOMPARE(codes(inspection, Level::Problem), QStringList{code});
        QVERIFY(inspection.files.isEmpty());
        QVERIFY(codes(inspection, Level::Good).isEmpty());
    }

    void adviceWarnsWithoutBlocking()
    {
        ddd::test::TempDataRoot root;
        write(root.file(u"site/docs/page.html"_qs), "page");
        write(root.file(u"site/.htaccess"_qs), "Deny from all");
        write(root.file(u"site/.well-known/security.txt"_qs), "Contact: me");
        const SiteInspection inspection = SiteInspector::inspect(root.file(u"site"_qs), {}, NotCancelled);
        QVERIFY(!inspection.blocked());
        QCOMPARE(codes(inspection, Level::Warning), (QStringList{u"preflight.no_index"_qs, u"preflight.hidden_files"_qs}));
        for (const SiteInspection::Finding &finding : inspection.findings)
            if (finding.code == u"preflight.hidden_files")
                QVERIFY(finding.text.contains(u".htaccess"_qs) && !finding.text.contains(u"security.txt"_qs));
    }

    // .dddignore and the built-in defaults keep secrets home (issue 10): the
    // report lists them as left out, and they are not in the manifest.
    void leftOutFilesStayHomeAndAreReported()
    {
        ddd::test::TempDataRoot root;
        write(root.file(u"site/index.html"_qs), "<h1>hi</h1>");
        write(root.file(u"site/.env.local"_qs), "SECRET=1");
        write(root.file(u"site/.git/HEAD"_qs), "ref: refs/heads/main");
        write(root.file(u"site/notes/todo.txt"_qs), "private");
        write(root.file(u"site/.dddignore"_qs), "notes/\n");
        const SiteInspection inspection = SiteInspector::inspect(root.file(u"site"_qs), {}, NotCancelled);
        QVERIFY(!inspection.blocked());
        QCOMPARE(inspection.files.size(), 1);
        QStringList leftOut = inspection.leftOut;
        leftOut.sort();
        QCOMPARE(leftOut, (QStringList{u".dddignore"_qs, u".env.local"_qs, u".git/"_qs, u"notes/"_qs}));
        QCOMPARE(codes(inspection, Level::Good), (QStringList{u"preflight.left_out"_qs, QString()}));
        QVERIFY(codes(inspection, Level::Warning).isEmpty()); // no hidden-file warning: nothing hidden travels
        for (const SiteInspection::Finding &finding : inspection.findings)
            if (finding.code == u"preflight.left_out")
                QVERIFY(finding.text.contains(u".env.local"_qs));
    }

    // Every problem of a folder at once, in the user's terms: both files of a
    // collision, a name as it is on disk, no advice to copy the file a link
    // points to (it may be a system file).
    void everyProblemAtOnceInTheUsersTerms()
    {
        ddd::test::TempDataRoot root;
        write(root.file(u"site/index.html"_qs), "i");
        write(root.file(u"site/Logo.png"_qs), "L");
        write(root.file(u"site/logo.png"_qs), "l");
        write(root.file(u"site/a\\b.html"_qs), "b");
        QVERIFY(QFile::link(u"/etc/hostname"_qs, root.file(u"site/hostname"_qs)));
        const SiteInspection inspection = SiteInspector::inspect(root.file(u"site"_qs), {}, NotCancelled);
        QCOMPARE(codes(inspection, Level::Problem),
                 (QStringList{u"archive.bad_name"_qs, u"archive.link_entry"_qs, u"archive.case_collision"_qs}));
        QVERIFY(codes(inspection, Level::Good).isEmpty());
        const QString badName = inspection.findings.at(0).text;
        QVERIFY2(badName.contains(u"a\\b.html"_qs) && !badName.contains(u"\\x"_qs), qPrintable(badName));
        const QString link = inspection.findings.at(1).text;
        QVERIFY2(!link.contains(u"copy"_qs), qPrintable(link));
        const QString collision = inspection.findings.at(2).text;
        QVERIFY2(collision.contains(u"logo.png"_qs) && collision.contains(u"Logo.png"_qs), qPrintable(collision));
    }

    // After amber warnings the green summary does not claim "no problem".
    void theSummaryAgreesWithTheWarnings()
    {
        ddd::test::TempDataRoot root;
        write(root.file(u"site/page.html"_qs), "no index here");
        const SiteInspection warned = SiteInspector::inspect(root.file(u"site"_qs), {}, NotCancelled);
        QCOMPARE(codes(warned, Level::Warning), QStringList{u"preflight.no_index"_qs});
        const QString summary = warned.findings.last().text;
        QCOMPARE(warned.findings.last().level, Level::Good);
        QVERIFY2(!summary.contains(u"no problem"_qs) && summary.contains(u"1 warning"_qs), qPrintable(summary));
        write(root.file(u"site/index.html"_qs), "now there is");
        const SiteInspection clean = SiteInspector::inspect(root.file(u"site"_qs), {}, NotCancelled);
        QVERIFY(clean.findings.last().text.contains(u"found no problem"_qs));
    }

    void archivesAreReadByTheAgentsReaders()
    {
        ddd::test::TempDataRoot root;
        write(root.file(u"site.zip"_qs), ddd::test::ZipBuilder().file("index.html", "<h1>zip</h1>").file("a/b.css", "x{}").build());
        const SiteInspection zip = SiteInspector::inspect(root.file(u"site.zip"_qs), {}, NotCancelled);
        QVERIFY(zip.isArchive);
        QVERIFY(!zip.blocked());
        QCOMPARE(zip.files.size(), 2);
        QVERIFY(zip.localPaths.isEmpty()); // an archive travels whole
        QCOMPARE(zip.added.size(), 2);

        write(root.file(u"evil.tar"_qs), ddd::test::TarBuilder().file("../escape.html", "x").build());
        const SiteInspection tar = SiteInspector::inspect(root.file(u"evil.tar"_qs), {}, NotCancelled);
        QCOMPARE(codes(tar, Level::Problem), QStringList{u"archive.path_traversal"_qs});
        QVERIFY(tar.findings.first().text.contains(u"escape.html"_qs));
    }

    void cancelledCheckProducesNoManifest()
    {
        ddd::test::TempDataRoot root;
        write(root.file(u"site/index.html"_qs), "<h1>hi</h1>");
        const std::atomic_bool cancelled{true};
        const SiteInspection inspection = SiteInspector::inspect(root.file(u"site"_qs), {}, cancelled);
        QVERIFY(inspection.files.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSiteInspector)
#include "tst_siteinspector.moc"
