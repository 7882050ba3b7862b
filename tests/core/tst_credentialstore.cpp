// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/credentials/credentialstore.h"
#include "core/credentials/filesecretbackend.h"
#include "tests/support/tempdataroot.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <optional>

using namespace ddd::core::credentials;
using ddd::core::Result;
using ddd::core::Status;

namespace {

// A keychain whose availability the test decides.
class FakeKeychain final : public SecretBackend
{
public:
    Outcome mode = Outcome::Ok; // Ok: works; Unavailable or Failed: every call answers that
    QHash<QString, QString> secrets;

    void read(const QString &key, Done done) override
    {
        if (mode != Outcome::Ok)
            return done({mode, {}, u"no secret service"_qs});
        if (!secrets.contains(key))
            return done({Outcome::NotFound, {}, {}});
        done({Outcome::Ok, secrets.value(key), {}});
    }
    void write(const QString &key, const QString &secret, Done done) override
    {
        if (mode != Outcome::Ok)
            return done({mode, {}, u"no secret service"_qs});
        secrets.insert(key, secret);
        done({Outcome::Ok, {}, {}});
    }
    void remove(const QString &key, Done done) override
    {
        if (mode != Outcome::Ok)
            return done({mode, {}, u"no secret service"_qs});
        done({secrets.remove(key) ? Outcome::Ok : Outcome::NotFound, {}, {}});
    }
};

struct Fixture
{
    ddd::test::TempDataRoot root;
    FakeKeychain *keychain = new FakeKeychain;
    QString file = root.file(u"config/ddd/credentials.json"_qs);
    CredentialStore store{std::unique_ptr<SecretBackend>(keychain), std::make_unique<FileSecretBackend>(file)};

    Status write(const QString &key, const QString &secret, QObject *context)
    {
        std::optional<Status> status;
        store.write(key, secret, context, [&status](Status s) { status.emplace(s); });
        if (!QTest::qWaitFor([&status] { return status.has_value(); }))
            return ddd::core::Error::make(u"test.timeout"_qs, u"no answer"_qs);
        return *status;
    }
    Result<QString> read(const QString &key, QObject *context)
    {
        std::optional<Result<QString>> secret;
        store.read(key, context, [&secret](Result<QString> r) { secret.emplace(r); });
        if (!QTest::qWaitFor([&secret] { return secret.has_value(); }))
            return ddd::core::Error::make(u"test.timeout"_qs, u"no answer"_qs);
        return *secret;
    }
    QJsonObject fileContents() const
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    }
};

} // namespace

class TestCredentialStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keychainKeepsTokensOutOfFiles()
    {
        Fixture f;
        QSignalSpy fallback(&f.store, &CredentialStore::fallbackActivated);
        QVERIFY(f.write(u"agent/1"_qs, u"ddd_secret"_qs, this).ok());
        QCOMPARE(f.keychain->secrets.value(u"agent/1"_qs), u"ddd_secret"_qs);
        QCOMPARE(*f.read(u"agent/1"_qs, this), u"ddd_secret"_qs);
        QVERIFY(!QFile::exists(f.file));
        QVERIFY(fallback.isEmpty());
        QVERIFY(!f.store.usingFallback());
    }

    void missingKeychainFallsBackToAnOwnerOnlyFileAndSaysSo()
    {
        Fixture f;
        f.keychain->mode = SecretBackend::Outcome::Unavailable;
        QSignalSpy fallback(&f.store, &CredentialStore::fallbackActivated);
        QVERIFY(f.write(u"agent/1"_qs, u"ddd_secret"_qs, this).ok());
        QVERIFY(f.write(u"agent/2"_qs, u"ddd_other"_qs, this).ok());
        QCOMPARE(fallback.size(), 1);
        QCOMPARE(fallback.first().first().toString(), u"no secret service"_qs);
        QVERIFY(f.store.usingFallback());
        QCOMPARE(QFile::permissions(f.file) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(QFile::permissions(QFileInfo(f.file).absolutePath())
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther),
                 QFileDevice::Permissions());
        QCOMPARE(*f.read(u"agent/1"_qs, this), u"ddd_secret"_qs);
        QCOMPARE(f.fileContents().size(), 2);
    }

    void refusedKeychainIsAnErrorNotAFallback()
    {
        Fixture f;
        f.keychain->mode = SecretBackend::Outcome::Failed;
        const Status status = f.write(u"agent/1"_qs, u"ddd_secret"_qs, this);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"credentials.failed"_qs);
        QVERIFY(!QFile::exists(f.file));
        QVERIFY(!f.store.usingFallback());
    }

    void tokenFromTheFileMovesIntoTheKeychainWhenItIsBack()
    {
        Fixture f;
        FileSecretBackend earlier(f.file);
        earlier.write(u"agent/1"_qs, u"ddd_secret"_qs, [](SecretBackend::Answer a) { QCOMPARE(a.outcome, SecretBackend::Outcome::Ok); });
        QCOMPARE(*f.read(u"agent/1"_qs, this), u"ddd_secret"_qs);
        QCOMPARE(f.keychain->secrets.value(u"agent/1"_qs), u"ddd_secret"_qs);
        QVERIFY(!f.fileContents().contains(u"agent/1"_qs));
    }

    void nothingStoredReadsAsEmpty()
    {
        Fixture f;
        QCOMPARE(*f.read(u"agent/9"_qs, this), QString());
    }

    void removeClearsBothStores()
    {
        Fixture f;
        QVERIFY(f.write(u"agent/1"_qs, u"in keychain"_qs, this).ok());
        FileSecretBackend(f.file).write(u"agent/1"_qs, u"stale copy"_qs, [](SecretBackend::Answer) {});
        std::optional<Status> removed;
        f.store.remove(u"agent/1"_qs, this, [&removed](Status s) { removed.emplace(s); });
        QTRY_VERIFY(removed);
        QVERIFY(removed->ok());
        QVERIFY(f.keychain->secrets.isEmpty());
        QVERIFY(!f.fileContents().contains(u"agent/1"_qs));
    }

    void loosenedFileIsTightenedBeforeUse()
    {
        Fixture f;
        f.keychain->mode = SecretBackend::Outcome::Unavailable;
        QVERIFY(f.write(u"agent/1"_qs, u"ddd_secret"_qs, this).ok());
        QVERIFY(QFile::setPermissions(f.file, QFile::permissions(f.file) | QFileDevice::ReadOther | QFileDevice::ReadGroup));
        QCOMPARE(*f.read(u"agent/1"_qs, this), u"ddd_secret"_qs);
        QCOMPARE(QFile::permissions(f.file) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    }

    void damagedFileIsReportedNotOverwritten()
    {
        Fixture f;
        f.keychain->mode = SecretBackend::Outcome::Unavailable;
        QVERIFY(QDir().mkpath(QFileInfo(f.file).absolutePath()));
        QFile damaged(f.file);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{not json");
        damaged.close();
        const Status status = f.write(u"agent/1"_qs, u"ddd_secret"_qs, this);
        QCOMPARE(status.error().code, u"credentials.failed"_qs);
        QVERIFY(damaged.open(QIODevice::ReadOnly));
        QCOMPARE(damaged.readAll(), QByteArray("{not json"));
    }

    void deadContextHearsNothing()
    {
        Fixture f;
        bool called = false;
        auto *context = new QObject;
        f.store.write(u"agent/1"_qs, u"x"_qs, context, [&called](Status) { called = true; });
        delete context;
        QVERIFY(f.write(u"agent/2"_qs, u"y"_qs, this).ok()); // lets queued answers run
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
