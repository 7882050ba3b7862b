// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/preflight.h"
#include "tests/support/tarbuilder.h"
#include "tests/support/tempdataroot.h"
#include "tests/support/zipbuilder.h"

#include <QDir>
#include <QtTest>

using namespace ddd::core::archive;

class TestPreflight final : public QObject
{
    Q_OBJECT

    static void writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        if (!QDir().mkpath(QFileInfo(path).path()) || !file.open(QIODevice::WriteOnly)
            || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
    }

    static QStringList codes(const Preflight::Report &report)
    {
        QStringList out;
        for (const Preflight::Finding &finding : report.findings)
            out << finding.code;
        return out;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void passesACleanFolder()
    {
        ddd::test::TempDataRoot root;
        writeFile(root.file(u"site/index.html"_qs), "<h1>hi</h1>");
        writeFile(root.file(u"site/css/app.css"_qs), "body{}");
        const auto report = Preflight::scanDirectory(root.file(u"site"_qs), {}, 1024);
        QVERIFY(report.wouldBeAccepted());
        QVERIFY(report.findings.isEmpty());
        QCOMPARE(report.fileCount, qint64(2));
        QCOMPARE(report.totalBytes, qint64(17));
    }

    void warnsAboutAMissingIndexAndLargeFiles()
    {
        ddd::test::TempDataRoot root;
        writeFile(root.file(u"site/video.mp4"_qs), QByteArray(2000, 'v'));
        writeFile(root.file(u"site/page.html"_qs), "x");
        const auto report = Preflight::scanDirectory(root.file(u"site"_qs), {}, 1024);
        QVERIFY(report.wouldBeAccepted());
        QCOMPARE(codes(report), (QStringList{u"preflight.large_file"_qs, u"preflight.no_index"_qs}));
        QCOMPARE(report.findings.first().path, u"video.mp4"_qs);
        QCOMPARE(report.findings.first().severity, Preflight::Severity::Warning);
    }

    void reportsWhatTheAgentWouldRefuse()
    {
        ddd::test::TempDataRoot root;
        QFile zip(root.file(u"site.zip"_qs));
        QVERIFY(zip.open(QIODevice::WriteOnly));
        zip.write(ddd::test::ZipBuilder().file("index.html", "a").file("INDEX.html", "b").build());
        zip.close();
        const auto report = Preflight::scanArchive(zip.fileName(), {}, 1024);
        QVERIFY(!report.wouldBeAccepted());
        QCOMPARE(codes(report), QStringList{u"archive.case_collision"_qs});
        QCOMPARE(report.findings.first().path, u"INDEX.html"_qs);
        QCOMPARE(report.findings.first().severity, Preflight::Severity::Error);
    }

    // A folder lists every refused entry in one pass, naming both files of a
    // collision and each name as the file system spells it; the rest of the
    // folder is still read.
    void listsEveryProblemOfAFolderAtOnce()
    {
        ddd::test::TempDataRoot root;
        writeFile(root.file(u"site/index.html"_qs), "a");
        writeFile(root.file(u"site/Logo.png"_qs), "b");
        writeFile(root.file(u"site/logo.png"_qs), "c");
        writeFile(root.file(u"site/back\\slash.html"_qs), "d");
        QVERIFY(QFile::link(u"/etc/hostname"_qs, root.file(u"site/hostname"_qs)));
        writeFile(root.file(u"site/z/last.html"_qs), "e");
        const auto report = Preflight::scanDirectory(root.file(u"site"_qs), {}, 1024);
        QVERIFY(!report.wouldBeAccepted());
        QCOMPARE(codes(report), (QStringList{u"archive.bad_name"_qs, u"archive.link_entry"_qs,
                                             u"archive.case_collision"_qs}));
        QCOMPARE(report.findings.at(0).path, u"back\\slash.html"_qs);
        QCOMPARE(report.findings.at(1).path, u"hostname"_qs);
        const Preflight::Finding &collision = report.findings.at(2);
        QCOMPARE(collision.path, u"logo.png"_qs);
        QCOMPARE(collision.details.value(u"collidesWith"_qs).toString(), u"Logo.png"_qs);
    }

    // Zip and tar alike: every refused entry in one pass, both files of each
    // collision named, and the rest of the archive still read.
    void listsEveryProblemOfAnArchiveAtOnce_data()
    {
        QTest::addColumn<bool>("tar");
        QTest::newRow("zip") << false;
        QTest::newRow("tar") << true;
    }

    void listsEveryProblemOfAnArchiveAtOnce()
    {
        QFETCH(bool, tar);
        ddd::test::TempDataRoot root;
        const QList<std::pair<QByteArray, QByteArray>> files{
            {"a.html", "a"}, {"A.html", "b"}, {"b.html", "c"}, {"B.html", "d"}, {"../up.html", "e"}, {"z.html", "f"}};
        QFile archive(root.file(tar ? u"site.tar"_qs : u"site.zip"_qs));
        QVERIFY(archive.open(QIODevice::WriteOnly));
        ddd::test::ZipBuilder zip;
        ddd::test::TarBuilder tarball;
        for (const auto &[name, content] : files) {
            zip.file(name, content);
            tarball.file(name, content);
        }
        archive.write(tar ? tarball.build() : zip.build());
        archive.close();
        const auto report = Preflight::scanArchive(archive.fileName(), {}, 1024);
        QVERIFY(!report.wouldBeAccepted());
        QCOMPARE(codes(report), (QStringList{u"archive.case_collision"_qs, u"archive.case_collision"_qs,
                                             u"archive.path_traversal"_qs}));
        QCOMPARE(report.findings.at(0).path, u"A.html"_qs);
        QCOMPARE(report.findings.at(0).details.value(u"collidesWith"_qs).toString(), u"a.html"_qs);
        QCOMPARE(report.findings.at(1).path, u"B.html"_qs);
        QCOMPARE(report.findings.at(1).details.value(u"collidesWith"_qs).toString(), u"b.html"_qs);
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
