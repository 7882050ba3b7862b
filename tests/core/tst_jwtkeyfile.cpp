// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/jwtkeyfile.h"
#include "tests/support/tempdataroot.h"

#include <QtTest>

#include <sys/stat.h>

using namespace ddd::core::auth;

namespace {

mode_t modeOf(const QString &path)
{
    struct stat info {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

void writeFile(const QString &path, const QByteArray &content, QFile::Permissions permissions)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();
    QVERIFY(file.setPermissions(permissions));
}

} // namespace

class TestJwtKeyFile final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsPrivateKeyOnFirstStartAndReusesIt()
    {
        ddd::test::TempDataRoot root;
        const auto created = JwtKeyFile::loadOrCreate(root.path());
        QVERIFY(created.ok());
        QCOMPARE(created->size(), JwtKeyFile::kKeyBytes);
        QVERIFY(*created != QByteArray(JwtKeyFile::kKeyBytes, '\0'));
        QCOMPARE(modeOf(JwtKeyFile::keysDir(root.path())), mode_t(0700));
        QCOMPARE(modeOf(JwtKeyFile::keyPath(root.path())), mode_t(0600));
        QVERIFY(!QFile::exists(JwtKeyFile::keyPath(root.path()) + u".tmp"_qs));
        const auto loaded = JwtKeyFile::loadOrCreate(root.path());
        QVERIFY(loaded.ok());
        QCOMPARE(*loaded, *created);
    }

    void tightensAnExistingKeysDirectory()
    {
        ddd::test::TempDataRoot root;
        QVERIFY(QDir(root.path()).mkdir(u"keys"_qs));
        QVERIFY(QFile::setPermissions(JwtKeyFile::keysDir(root.path()), QFile::Permissions(0x7755)));
        QVERIFY(JwtKeyFile::loadOrCreate(root.path()).ok());
        QCOMPARE(modeOf(JwtKeyFile::keysDir(root.path())), mode_t(0700));
    }

    void refusesUnusableKeyFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("permissions");
        QTest::addColumn<QString>("code");
        const int ownerOnly = int(QFile::ReadOwner | QFile::WriteOwner);
        QTest::newRow("31 bytes") << QByteArray(31, 'k') << ownerOnly << u"auth.key_invalid"_qs;
        QTest::newRow("empty") << QByteArray() << ownerOnly << u"auth.key_invalid"_qs;
        QTest::newRow("too large") << QByteArray(JwtKeyFile::kMaxKeyBytes + 1, 'k') << ownerOnly << u"auth.key_invalid"_qs;
        QTest::newRow("group readable") << QByteArray(32, 'k') << int(ownerOnly | QFile::ReadGroup) << u"auth.key_permissions"_qs;
        QTest::newRow("world readable") << QByteArray(32, 'k') << int(ownerOnly | QFile::ReadOther) << u"auth.key_permissions"_qs;
    }

    void refusesUnusableKeyFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, permissions);
        QFETCH(QString, code);
        ddd::test::TempDataRoot root;
        QVERIFY(QDir(root.path()).mkdir(u"keys"_qs));
        writeFile(JwtKeyFile::keyPath(root.path()), content, QFile::Permissions(permissions));
        const auto key = JwtKeyFile::loadOrCreate(root.path());
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, code);
        // The refused file is left for the operator to inspect, not replaced.
        QFile file(JwtKeyFile::keyPath(root.path()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    }

    void acceptsLongerKeys()
    {
        ddd::test::TempDataRoot root;
        QVERIFY(QDir(root.path()).mkdir(u"keys"_qs));
        writeFile(JwtKeyFile::keyPath(root.path()), QByteArray(64, 'z'), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(*JwtKeyFile::loadOrCreate(root.path()), QByteArray(64, 'z'));
    }

    void refusesSymlinkedKeyFile()
    {
        ddd::test::TempDataRoot root;
        QVERIFY(QDir(root.path()).mkdir(u"keys"_qs));
        writeFile(root.file(u"elsewhere"_qs), QByteArray(32, 'k'), QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(QFile::link(root.file(u"elsewhere"_qs), JwtKeyFile::keyPath(root.path())));
        const auto key = JwtKeyFile::loadOrCreate(root.path());
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, u"auth.key_io"_qs);
    }
};

QTEST_GUILESS_MAIN(TestJwtKeyFile)
#include "tst_jwtkeyfile.moc"
