// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/archivereader.h"
#include "tests/support/archivecases.h"
#include "tests/support/deflate.h"
#include "tests/support/recordingsink.h"
#include "tests/support/tarbuilder.h"
#include "tests/support/tempdataroot.h"
#include "tests/support/zipbuilder.h"

#include "core/util/safepath.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

using namespace ddd::core::archive;
using ddd::test::ArchiveCases;
using ddd::test::Deflate;
using ddd::test::RecordingSink;
using ddd::test::TarBuilder;
using ddd::test::ZipBuilder;

class TestArchiveReader final : public QObject
{
    Q_OBJECT

    QList<ddd::test::ArchiveCase> m_hazards;

    static QString writeUpload(const ddd::test::TempDataRoot &root, const QByteArray &bytes)
    {
        const QString path = root.file(u"upload.bin"_qs);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write the upload");
        return path;
    }

    // The files and directories of every legitimate control archive.
    static QMap<QString, QByteArray> controlFiles()
    {
        return {{u"index.html"_qs, "<h1>hi</h1>"},
                {u"a..b.txt"_qs, "dots inside a name"},
                {u"ünïcode.html"_qs, "unicode"},
                {u"nested/dir/deep/file.txt"_qs, QByteArray(70000, 'n')},
                {u".well-known/security.txt"_qs, "Contact: x"}};
    }

    static QByteArray controlTar()
    {
        return TarBuilder()
            .directory("./")
            .file("./index.html", "<h1>hi</h1>")
            .file("a..b.txt", "dots inside a name")
            .file("ünïcode.html", "unicode")
            .directory("nested/")
            .file("nested/dir/deep/file.txt", QByteArray(70000, 'n'))
            .directory("empty/")
            .file(".well-known/security.txt", "Contact: x")
            .build();
    }

    static QByteArray controlZip()
    {
        return ZipBuilder()
            .file("./index.html", "<h1>hi</h1>")
            .file("a..b.txt", "dots inside a name", false)
            .file("ünïcode.html", "unicode")
            .directory("nested/")
            .file("nested/dir/deep/file.txt", QByteArray(70000, 'n'))
            .directory("empty/")
            .file(".well-known/security.txt", "Contact: x")
            .build();
    }

    static void run(const QStringList &program, const QString &directory)
    {
        QProcess process;
        process.setWorkingDirectory(directory);
        process.start(program.first(), program.mid(1));
        QVERIFY2(process.waitForFinished(60000), qPrintable(program.join(u' ')));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_hazards = ArchiveCases::hazards();
    }

    void refusesHazard_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_hazards.size(); ++i)
            QTest::newRow(m_hazards.at(i).name.constData()) << i;
    }

    void refusesHazard()
    {
        QFETCH(int, index);
        const ddd::test::ArchiveCase &hazard = m_hazards.at(index);
        ddd::test::TempDataRoot root;
        RecordingSink sink;
        const auto status = ArchiveReader(writeUpload(root, hazard.bytes), ArchiveCases::limits()).read(sink);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, hazard.code);
        const QString entry = status.error().details.value(u"entry"_qs).toString();
        QVERIFY2(entry.contains(hazard.entry), qPrintable(entry));
        if (!hazard.entry.isEmpty())
            QVERIFY2(status.error().message.contains(hazard.entry), qPrintable(status.error().message));
        QCOMPARE(status.error().details.value(u"limit"_qs).toString(), hazard.limit);
        // No budget is ever exceeded by what reaches the sink.
        QVERIFY(sink.bytesWritten <= ArchiveCases::limits().maxTotalBytes);
    }

    void acceptsLegitimateArchives_data()
    {
        QTest::addColumn<QByteArray>("archive");
        QTest::newRow("tar") << controlTar();
        QTest::newRow("tar.gz") << Deflate::gzip(controlTar());
        QTest::newRow("concatenated gzip members") << Deflate::gzip(controlTar().left(1024)) + Deflate::gzip(controlTar().mid(1024));
        QTest::newRow("zip") << controlZip();
    }

    void acceptsLegitimateArchives()
    {
        QFETCH(QByteArray, archive);
        ddd::test::TempDataRoot root;
        RecordingSink sink;
        const auto status = ArchiveReader(writeUpload(root, archive), ArchiveCases::limits()).read(sink);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QCOMPARE(sink.files, controlFiles());
        QVERIFY(sink.directories.contains(u"empty"_qs));
        QVERIFY(sink.directories.contains(u"nested"_qs));
    }

    // Archives written by the real tools, with their own header habits (GNU
    // long names, pax records, "./" prefixes, zip extra fields).
    void acceptsArchivesFromRealTools_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("output");
        QTest::newRow("GNU tar, gnu format")
            << QStringList{u"tar"_qs, u"--format=gnu"_qs, u"-czf"_qs, u"../out.tgz"_qs, u"."_qs} << u"out.tgz"_qs;
        QTest::newRow("GNU tar, pax format")
            << QStringList{u"tar"_qs, u"--format=pax"_qs, u"-cf"_qs, u"../out.tar"_qs, u"."_qs} << u"out.tar"_qs;
        QTest::newRow("bsdtar, zip")
            << QStringList{u"bsdtar"_qs, u"--format"_qs, u"zip"_qs, u"-cf"_qs, u"../out.zip"_qs, u"."_qs}
            << u"out.zip"_qs;
    }

    void acceptsArchivesFromRealTools()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, output);
        ddd::test::TempDataRoot root;
        const QString site = root.file(u"site"_qs);
        const QString longName = u"long/"_qs + QString(150, u'l') + u"/ünïcode-"_qs + QString(120, u'x') + u".html"_qs;
        QMap<QString, QByteArray> expected{{u"index.html"_qs, "hello"}, {u"a..b.txt"_qs, "dots"},
                                           {longName, QByteArray(5000, 'z')}};
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY(QDir().mkpath(QFileInfo(site + u'/' + it.key()).path()));
            QFile file(site + u'/' + it.key());
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(it.value()) == it.value().size());
        }
        QVERIFY(QDir().mkpath(site + u"/empty"_qs));
        run(command, site);
        if (QTest::currentTestFailed())
            return;
        RecordingSink sink;
        const auto status = ArchiveReader(root.file(output), ArchiveCases::limits()).read(sink);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QCOMPARE(sink.files, expected);
        QVERIFY(sink.directories.contains(u"empty"_qs));
    }

    // GNU tar's sparse formats: old-style headers continued in extension
    // blocks, and the pax-based 1.0 format with its map inside the data.
    void acceptsSparseFilesFromGnuTar_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("gnu") << u"--format=gnu"_qs;
        QTest::newRow("pax") << u"--format=pax"_qs;
    }

    void acceptsSparseFilesFromGnuTar()
    {
        QFETCH(QString, format);
        ddd::test::TempDataRoot root;
        const QString site = root.file(u"site"_qs);
        QVERIFY(QDir().mkpath(site));
        QFile sparse(site + u"/sparse.bin"_qs);
        QVERIFY(sparse.open(QIODevice::WriteOnly));
        for (int segment = 0; segment < 12; ++segment) // more segments than one GNU header holds
            QVERIFY(sparse.seek(segment * 65536) && sparse.write("data") == 4);
        sparse.close();
        QFile after(site + u"/after.html"_qs);
        QVERIFY(after.open(QIODevice::WriteOnly) && after.write("after") == 5);
        after.close();
        run({u"tar"_qs, format, u"--sparse"_qs, u"-cf"_qs, u"../out.tar"_qs, u"sparse.bin"_qs, u"after.html"_qs}, site);
        if (QTest::currentTestFailed())
            return;
        sparse.open(QIODevice::ReadOnly);
        RecordingSink sink;
        const auto status = ArchiveReader(root.file(u"out.tar"_qs), ArchiveLimits()).read(sink);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QCOMPARE(sink.files.value(u"sparse.bin"_qs), sparse.readAll());
        QCOMPARE(sink.files.value(u"after.html"_qs), QByteArray("after"));
    }

    void detectsFormatByContent_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("format");
        QTest::newRow("zip") << ZipBuilder().file("a", "b").build() << int(ArchiveReader::Format::Zip);
        QTest::newRow("tar") << TarBuilder().file("a", "b").build() << int(ArchiveReader::Format::Tar);
        QTest::newRow("tar.gz") << Deflate::gzip(TarBuilder().file("a", "b").build())
                                << int(ArchiveReader::Format::GzipTar);
    }

    void detectsFormatByContent()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, format);
        ddd::test::TempDataRoot root;
        const auto detected = ArchiveReader::detectFormat(writeUpload(root, bytes));
        QVERIFY(detected.ok());
        QCOMPARE(int(*detected), format);
    }

    // Property over damaged archives: reading never crashes, and whatever is
    // accepted only ever delivers normalised paths within the budgets.
    void survivesMutatedArchives_data()
    {
        QTest::addColumn<QByteArray>("archive");
        QTest::newRow("tar") << controlTar();
        QTest::newRow("tar.gz") << Deflate::gzip(controlTar());
        QTest::newRow("zip") << controlZip();
    }

    void survivesMutatedArchives()
    {
        QFETCH(QByteArray, archive);
        ddd::test::TempDataRoot root;
        QRandomGenerator random(20260603);
        int accepted = 0;
        for (int i = 0; i < 300; ++i) {
            QByteArray mutated = archive;
            for (int flips = random.bounded(1, 4); flips > 0; --flips)
                mutated[random.bounded(mutated.size())] = char(random.bounded(256));
            RecordingSink sink;
            if (!ArchiveReader(writeUpload(root, mutated), ArchiveCases::limits()).read(sink).ok())
                continue;
            ++accepted;
            QVERIFY(sink.bytesWritten <= ArchiveCases::limits().maxTotalBytes);
            for (const QString &path : sink.order) {
                const auto again = ddd::core::SafePath::fromArchiveEntry(path.toUtf8());
                QVERIFY2(again.ok() && *again == path, qPrintable(path));
            }
        }
        QVERIFY(accepted < 300); // the mutations must actually be noticed
    }

    void reportsAnUnreadableUpload()
    {
        ddd::test::TempDataRoot root;
        RecordingSink sink;
        const auto status = ArchiveReader(root.file(u"missing.zip"_qs), ArchiveLimits()).read(sink);
        QCOMPARE(status.error().code, u"io.error"_qs);
    }

    // A header that lies about the size is caught at the size it declared,
    // not after the 64 MiB it carries.
    void stopsALyingEntryAtItsDeclaredSize()
    {
        ddd::test::TempDataRoot root;
        ZipBuilder zip;
        zip.add({"lie.bin", QByteArray(64 * 1024 * 1024, 'a'), true, 0100644, {}, 1000});
        RecordingSink sink;
        const auto status = ArchiveReader(writeUpload(root, zip.build()), ArchiveLimits()).read(sink);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"archive.corrupt"_qs);
        QVERIFY(sink.bytesWritten <= 1000);
    }

    // The ratio budget stops a bomb as soon as it is breached.
    void stopsARatioBombAtTheBudget()
    {
        ddd::test::TempDataRoot root;
        const QByteArray bomb = ZipBuilder().file("zeros.bin", QByteArray(50 * 1024 * 1024, '\0')).build();
        ArchiveLimits limits;
        limits.maxRatio = 100;
        RecordingSink sink;
        const auto status = ArchiveReader(writeUpload(root, bomb), limits).read(sink);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"archive.too_large"_qs);
        QCOMPARE(status.error().details.value(u"limit"_qs).toString(), u"ratio"_qs);
        QVERIFY(sink.bytesWritten <= qMax(limits.ratioFloorBytes, limits.maxRatio * bomb.size()));
    }
};

QTEST_GUILESS_MAIN(TestArchiveReader)
#include "tst_archivereader.moc"
