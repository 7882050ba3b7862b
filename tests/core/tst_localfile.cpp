// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/localfile.h"

#include <QtTest>

#include <sys/stat.h>

using ddd::core::LocalFile;

namespace {

struct stat statOf(const QString &path)
{
    struct stat info = {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestLocalFile final : public QObject
{
    Q_OBJECT

private slots:
    void linkSharesTheInodeOnOneFileSystem()
    {
        QTemporaryDir dir;
        const QString blob = dir.filePath(u"blob"_qs);
        writeFile(blob, "immutable");
        QVERIFY(LocalFile::linkOrCopy(blob, dir.filePath(u"tree-file"_qs)));
        QCOMPARE(statOf(dir.filePath(u"tree-file"_qs)).st_ino, statOf(blob).st_ino);
        QCOMPARE(readFile(dir.filePath(u"tree-file"_qs)), QByteArray("immutable"));
    }

    void refusesAnExistingTargetAndLeavesItAlone()
    {
        QTemporaryDir dir;
        const QString blob = dir.filePath(u"blob"_qs);
        const QString target = dir.filePath(u"taken"_qs);
        writeFile(blob, "new");
        writeFile(target, "old");
        const ddd::core::Status linked = LocalFile::linkOrCopy(blob, target);
        QVERIFY(!linked);
        QCOMPARE(linked.error().code, u"io.error"_qs);
        QCOMPARE(readFile(target), QByteArray("old"));
    }

    void missingSourceIsAnError()
    {
        QTemporaryDir dir;
        const ddd::core::Status linked = LocalFile::linkOrCopy(dir.filePath(u"absent"_qs), dir.filePath(u"to"_qs));
        QVERIFY(!linked);
        QVERIFY(!QFileInfo::exists(dir.filePath(u"to"_qs)));
    }

    // /dev/shm is a tmpfs and the test folder is not: link() says EXDEV and
    // the file is copied, readable by everyone like a blob.
    void copiesAcrossFileSystems()
    {
        QTemporaryDir disk;
        QTemporaryDir memory(u"/dev/shm/ddd-localfile-XXXXXX"_qs);
        QVERIFY(memory.isValid());
        QVERIFY(statOf(disk.path()).st_dev != statOf(memory.path()).st_dev);
        const QString blob = disk.filePath(u"blob"_qs);
        writeFile(blob, QByteArray(100'000, 'x'));
        const QString target = memory.filePath(u"copy"_qs);
        QVERIFY(LocalFile::linkOrCopy(blob, target));
        QVERIFY(statOf(target).st_ino != statOf(blob).st_ino || statOf(target).st_dev != statOf(blob).st_dev);
        QCOMPARE(readFile(target), QByteArray(100'000, 'x'));
        QCOMPARE(statOf(target).st_mode & 0777, mode_t(0644));
    }
};

QTEST_GUILESS_MAIN(TestLocalFile)
#include "tst_localfile.moc"
