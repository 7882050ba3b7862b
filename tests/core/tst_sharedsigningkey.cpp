// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/jwtkeyfile.h"
#include "core/auth/sharedsigningkey.h"
#include "core/storage/database.h"
#include "core/storage/secretstore.h"
#include "tests/support/tempdatabase.h"
#include "tests/support/tempdataroot.h"

#include <QtTest>

using namespace ddd::core;
using auth::SharedSigningKey;
using ddd::test::TempDatabase;

// One session-token key for every agent sharing a database
// (SharedSigningKey over SecretStore), on SQLite and as
// tst_sharedsigningkey_postgres on PostgreSQL.
class TestSharedSigningKey final : public QObject
{
    Q_OBJECT

private slots:
    // The writer stores the key of its keys/jwt.key, so sessions signed
    // before stay valid; every later agent reads that one.
    void theWritersKeyFileBecomesEveryonesKey()
    {
        TempDatabase database;
        storage::SecretStore secrets(database.provider());
        ddd::test::TempDataRoot writerRoot, otherRoot;
        const Result<QByteArray> local = auth::JwtKeyFile::loadOrCreate(writerRoot.path());
        QVERIFY(local);
        QCOMPARE(SharedSigningKey::forFollower(secrets).error().code, u"auth.key_missing"_qs);

        QCOMPARE(SharedSigningKey::forWriter(secrets, writerRoot.path()).value(), *local);
        QCOMPARE(SharedSigningKey::forFollower(secrets).value(), *local);
        // Another writer later, with a key file of its own: the database's wins.
        QCOMPARE(SharedSigningKey::forWriter(secrets, otherRoot.path()).value(), *local);
        QVERIFY(auth::JwtKeyFile::loadOrCreate(otherRoot.path()).value() != *local);
    }

    void firstStoredValueIsKept()
    {
        TempDatabase database;
        storage::SecretStore secrets(database.provider());
        QCOMPARE(secrets.keepFirst(u"k"_qs, QByteArray(32, 'a')).value(), QByteArray(32, 'a'));
        QCOMPARE(secrets.keepFirst(u"k"_qs, QByteArray(32, 'b')).value(), QByteArray(32, 'a'));
        QVERIFY(!secrets.find(u"other"_qs).value().has_value());
    }

    void aStoredKeyOfTheWrongSizeIsRefused()
    {
        TempDatabase database;
        storage::SecretStore secrets(database.provider());
        QVERIFY(secrets.keepFirst(u"session_token_key"_qs, QByteArray(8, 'x')));
        const Result<QByteArray> refused = SharedSigningKey::forFollower(secrets);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"auth.key_invalid"_qs);
        ddd::test::TempDataRoot root;
        QCOMPARE(SharedSigningKey::forWriter(secrets, root.path()).error().code, u"auth.key_invalid"_qs);
    }
};

QTEST_GUILESS_MAIN(TestSharedSigningKey)
#include "tst_sharedsigningkey.moc"
