// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Certificates shared by agents with one database (schema step 22): the
// statuses and pairs the issuing agent records (CertificateTable), the copy
// each site agent keeps on its disk (CertificateSync), the HTTP-01 answers
// of an order in progress (ChallengeTable, ChallengeMirror), and managers
// that order only while allowed to (the issuer lock's hook).
#include "core/acme/certificateimport.h"
#include "core/acme/certificatemanager.h"
#include "core/acme/statusstore.h"
#include "core/acme/certificatesync.h"
#include "core/acme/certificatetable.h"
#include "core/acme/challengemirror.h"
#include "core/acme/challengetable.h"
#include "core/storage/projectstore.h"
#include "tests/support/deployfixture.h"
#include "tests/support/testcertificate.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace ddd;
using core::acme::CertificateStatus;
using core::acme::CertificateSync;
using core::acme::CertificateTable;
using core::acme::ChallengeTable;
using test::DeployFixture;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

CertificateStatus validStatus(qint64 projectId)
{
    CertificateStatus status;
    status.projectId = projectId;
    status.names = {u"www.example.com"_qs};
    status.state = CertificateStatus::State::Valid;
    status.notAfterMs = 1'900'000'000'000;
    status.installedDomain = u"www.example.com"_qs;
    status.installedNames = status.names;
    return status;
}

} // namespace

class TestSharedCertificates final : public QObject
{
    Q_OBJECT

    static QString siteCopy(const QTemporaryDir &dir, const QString &domain, const QString &file)
    {
        return dir.filePath(u"certificates/"_qs + domain + u'/' + file);
    }

private slots:
    void statusesRoundTrip()
    {
        DeployFixture f;
        CertificateTable table(f.provider(), f.clock());
        QCOMPARE(table.status(f.projectId), std::nullopt);
        const CertificateStatus status = validStatus(f.projectId);
        QVERIFY(table.saveStatus(status));
        QCOMPARE(table.status(f.projectId), status);
        CertificateStatus failed = status;
        failed.state = CertificateStatus::State::Failed;
        failed.failures = 2;
        failed.lastError = u"connection refused"_qs;
        QVERIFY(table.saveStatus(failed));
        QCOMPARE(table.statuses()->value(f.projectId), failed);
        QCOMPARE(table.statuses()->size(), 1);
        table.removeStatus(f.projectId);
        QCOMPARE(table.status(f.projectId), std::nullopt);
        QVERIFY(table.statuses()->isEmpty());
    }

    void pairsAreReplacedWholeAndStamped()
    {
        DeployFixture f;
        CertificateTable table(f.provider(), f.clock());
        QVERIFY(table.installPair(u"a.test"_qs, "chain one", "key one"));
        const qint64 first = f.clock().nowMs();
        f.clock().advanceMs(1000);
        QVERIFY(table.installPair(u"b.test"_qs, "chain b", "key b"));
        QCOMPARE(table.stamps().value(),
                 (QList<CertificateTable::Stamp>{{u"a.test"_qs, first}, {u"b.test"_qs, first + 1000}}));
        f.clock().advanceMs(1000);
        QVERIFY(table.installPair(u"a.test"_qs, "chain two", "key two"));
        QCOMPARE(table.pair(u"a.test"_qs)->fullchain, QByteArray("chain two"));
        QCOMPARE(table.pair(u"a.test"_qs)->privateKey, QByteArray("key two"));
        QCOMPARE(table.stamps()->first().changedMs, first + 2000);
        QVERIFY(table.removePair(u"a.test"_qs));
        QCOMPARE(table.pair(u"a.test"_qs).error().code, u"acme.no_certificate"_qs);
        QCOMPARE(table.stamps()->size(), 1);
    }

    // A site agent's copy follows the table: new, renewed, dropped; a folder
    // the table does not name goes too (dropped while this agent was down).
    void syncKeepsTheSiteCopyEqualToTheTable()
    {
        DeployFixture f;
        QTemporaryDir site;
        CertificateTable table(f.provider(), f.clock());
        CertificateSync sync(table, site.filePath(u"certificates"_qs), {}, {});
        QCOMPARE(sync.syncNow().value(), false);
        QVERIFY(writeFile(siteCopy(site, u"gone.test"_qs, u"fullchain.pem"_qs), "old"));

        QVERIFY(table.installPair(u"a.test"_qs, "chain one", "key one"));
        QCOMPARE(sync.syncNow().value(), true);
        QCOMPARE(readFile(siteCopy(site, u"a.test"_qs, u"fullchain.pem"_qs)), QByteArray("chain one"));
        QCOMPARE(readFile(siteCopy(site, u"a.test"_qs, u"privkey.pem"_qs)), QByteArray("key one"));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                                                | QFileDevice::WriteOther;
        QCOMPARE(QFileInfo(siteCopy(site, u"a.test"_qs, u"privkey.pem"_qs)).permissions() & others,
                 QFileDevice::Permissions());
        QVERIFY(!QFileInfo::exists(site.filePath(u"certificates/gone.test"_qs)));
        QCOMPARE(sync.syncNow().value(), false); // nothing changed: nothing rewritten

        f.clock().advanceMs(1000);
        QVERIFY(table.installPair(u"a.test"_qs, "chain two", "key two"));
        QCOMPARE(sync.syncNow().value(), true);
        QCOMPARE(readFile(siteCopy(site, u"a.test"_qs, u"fullchain.pem"_qs)), QByteArray("chain two"));

        QVERIFY(table.removePair(u"a.test"_qs));
        QCOMPARE(sync.syncNow().value(), true);
        QVERIFY(!QFileInfo::exists(site.filePath(u"certificates/a.test"_qs)));
    }

    // The thread tells the listener after a round that changed something.
    void syncThreadReportsChanges()
    {
        DeployFixture f;
        QTemporaryDir site;
        CertificateTable table(f.provider(), f.clock());
        std::atomic<int> changes = 0;
        CertificateSync sync(table, site.filePath(u"certificates"_qs),
                             {[&] { ++changes; }, [&] { f.provider().releaseCurrent(); }},
                             {std::chrono::milliseconds(20)});
        sync.start();
        QVERIFY(table.installPair(u"a.test"_qs, "chain", "key"));
        QTRY_COMPARE(changes.load(), 1);
        QTRY_COMPARE(readFile(siteCopy(site, u"a.test"_qs, u"fullchain.pem"_qs)), QByteArray("chain"));
        sync.stop();
    }

    // A miss waits only while an order runs, and then finds an answer that
    // arrives late; a dead agent's order is not waited for.
    void answersWaitOnlyForARunningOrder()
    {
        DeployFixture f;
        ChallengeTable table(f.provider(), f.clock());
        constexpr std::chrono::seconds longWait{60};
        QElapsedTimer elapsed;
        elapsed.start();
        QCOMPARE(table.awaitAnswer(u"unknown"_qs, longWait), std::nullopt);
        QVERIFY(elapsed.elapsed() < 30000);

        QVERIFY(table.beginOrder(u"agent-1"_qs));
        QVERIFY(table.orderRunning());
        bool put = false;
        std::thread late([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            put = table.put(u"tok-1"_qs, "tok-1.thumb").ok();
            f.provider().releaseCurrent();
        });
        const std::optional<QByteArray> answer = table.awaitAnswer(u"tok-1"_qs, longWait);
        late.join();
        QVERIFY(put);
        QCOMPARE(answer, std::optional<QByteArray>("tok-1.thumb"));

        f.clock().advanceMs(ChallengeTable::orderStaleAfterMs + 1);
        QVERIFY(!table.orderRunning());
        elapsed.restart();
        QCOMPARE(table.awaitAnswer(u"unknown"_qs, longWait), std::nullopt);
        QVERIFY(elapsed.elapsed() < 30000);

        table.endOrder(u"agent-1"_qs);
        QCOMPARE(table.answer(u"tok-1"_qs), std::nullopt);
        QCOMPARE(f.count(u"SELECT count(*) FROM acme_orders"_qs), 0);
    }

    // What lego writes into the webroot reaches the table while it runs;
    // a token lego removes goes; the end clears the order and its answers.
    void mirrorCopiesTheTokensLegoWrites()
    {
        DeployFixture f;
        QTemporaryDir webroot;
        ChallengeTable table(f.provider(), f.clock());
        const QString tokens = webroot.filePath(u".well-known/acme-challenge/"_qs);
        {
            core::acme::ChallengeMirror mirror(table, webroot.path(), u"agent-1"_qs, std::chrono::milliseconds(10));
            QVERIFY(table.orderRunning());
            QVERIFY(writeFile(tokens + u"tok-a"_qs, "tok-a.thumb"));
            QVERIFY(writeFile(tokens + u"tok-b"_qs, "tok-b.thumb"));
            QTRY_COMPARE(table.answer(u"tok-a"_qs), std::optional<QByteArray>("tok-a.thumb"));
            QTRY_COMPARE(table.answer(u"tok-b"_qs), std::optional<QByteArray>("tok-b.thumb"));
            QVERIFY(QFile::remove(tokens + u"tok-a"_qs));
            QTRY_COMPARE(table.answer(u"tok-a"_qs), std::nullopt);
            QCOMPARE(table.answer(u"tok-b"_qs), std::optional<QByteArray>("tok-b.thumb"));
        }
        QVERIFY(!table.orderRunning());
        QCOMPARE(table.answer(u"tok-b"_qs), std::nullopt);
        QCOMPARE(f.count(u"SELECT count(*) FROM acme_challenges"_qs), 0);
    }

    // An agent that kept certificates in files on a shared database (an
    // earlier release) gives them to the database once: projects the
    // database knows nothing of, with their pairs; the status folder is set
    // aside, so a later start brings nothing back.
    void filesAreAdoptedOnce()
    {
        DeployFixture f;
        CertificateTable table(f.provider(), f.clock());
        QTemporaryDir root;
        core::acme::AcmeSettings settings;
        settings.dataDir = root.path();
        const qint64 other = f.createProject(f.alice, u"Other"_qs);
        CertificateStatus mine = validStatus(f.projectId);
        CertificateStatus theirs = validStatus(other);
        theirs.installedDomain = u"other.example.com"_qs;
        for (const CertificateStatus &status : {mine, theirs})
            QVERIFY(core::acme::StatusStore(settings.statusDir()).save(status));
        QVERIFY(test::TestCertificate::install(settings.certificatesDir(), u"www.example.com"_qs, {u"www.example.com"_qs}));
        CertificateStatus known = theirs;
        known.state = CertificateStatus::State::Failed; // the database knows better
        QVERIFY(table.saveStatus(known));

        const auto adopted = core::acme::CertificateImport::adopt(settings, table);
        QVERIFY(adopted);
        QCOMPARE(adopted->statuses, 1);
        QCOMPARE(adopted->pairs, 1);
        QCOMPARE(table.status(f.projectId), mine);
        QCOMPARE(table.status(other), known);
        QCOMPARE(table.pair(u"www.example.com"_qs)->fullchain,
                 readFile(settings.certificatesDir() + u"/www.example.com/fullchain.pem"_qs));
        QVERIFY(!QFileInfo::exists(settings.statusDir()));

        table.removeStatus(f.projectId); // the issuer dropped it since
        QCOMPARE(core::acme::CertificateImport::adopt(settings, table)->statuses, 0);
        QCOMPARE(table.status(f.projectId), std::nullopt);
    }

    // Two managers on one database stand for two agents: the one that may
    // not order never runs lego; the issuer records status and pair in the
    // database, where the other's status() reads them.
    void onlyTheIssuerOrders()
    {
        DeployFixture f;
        QTemporaryDir issuerRoot;
        QTemporaryDir standbyRoot;
        std::atomic<int> standbyOrders = 0;
        std::atomic<int> issuerOrders = 0;
        auto managerOf = [&](const QTemporaryDir &root, bool mayIssue, std::atomic<int> &orders) {
            core::acme::AcmeSettings settings;
            settings.dataDir = root.path();
            settings.email = u"ops@example.com"_qs;
            core::acme::CertificateManager::Hooks hooks;
            hooks.projects = [&] { return core::storage::ProjectStore(f.provider()).listAll(); };
            hooks.mayIssue = [mayIssue] { return mayIssue; };
            hooks.runLego = [&orders, settings](const core::acme::LegoCommand &) {
                ++orders;
                const QString primary = u"www.example.com"_qs;
                const bool made = test::TestCertificate::make(core::acme::LegoCommand::chainFile(settings, primary),
                                                              core::acme::LegoCommand::keyFile(settings, primary),
                                                              primary, {primary});
                return core::acme::LegoOutcome{made, QString()};
            };
            return std::make_unique<core::acme::CertificateManager>(
                settings, f.clock(), std::move(hooks), std::make_unique<CertificateTable>(f.provider(), f.clock()));
        };
        auto standby = managerOf(standbyRoot, false, standbyOrders);
        auto issuer = managerOf(issuerRoot, true, issuerOrders);

        const qint64 standbyNext = standby->runPass();
        QCOMPARE(standbyOrders.load(), 0);
        QCOMPARE(standbyNext, f.clock().nowMs() + core::acme::CertificateManager::standbyIntervalMs);
        QCOMPARE(standby->status(f.projectId), std::nullopt);

        issuer->runPass();
        QCOMPARE(issuerOrders.load(), 1);
        const std::optional<CertificateStatus> seen = standby->status(f.projectId);
        QVERIFY(seen);
        QCOMPARE(seen->state, CertificateStatus::State::Valid);
        CertificateTable table(f.provider(), f.clock());
        QVERIFY(table.pair(u"www.example.com"_qs)->fullchain.contains("BEGIN CERTIFICATE"));
        // Nothing lands in either agent's own certificates/: site agents copy
        // from the database.
        QVERIFY(!QFileInfo::exists(issuerRoot.filePath(u"certificates/www.example.com"_qs)));
        issuer->runPass();
        QCOMPARE(issuerOrders.load(), 1); // valid and not due: no second order

        // A deleted project's status stays until the issuer forgets it,
        // and its pair with it.
        QVERIFY(f.projects().remove(f.alice, f.projectId));
        QVERIFY(standby->status(f.projectId));
        issuer->runPass();
        QCOMPARE(standby->status(f.projectId), std::nullopt);
        QCOMPARE(table.pair(u"www.example.com"_qs).error().code, u"acme.no_certificate"_qs);
    }

    // The issuer's lock went with its session in the middle of a pass:
    // the next order is not made, and the manager stands by.
    void aLockLostMidPassOrdersNoMore()
    {
        DeployFixture f;
        const qint64 second = f.createProject(f.alice, u"Second"_qs);
        QVERIFY(f.projects().update(f.alice, second, {{u"domain"_qs, u"second.example.com"_qs}}));
        QTemporaryDir root;
        core::acme::AcmeSettings settings;
        settings.dataDir = root.path();
        settings.email = u"ops@example.com"_qs;
        int asked = 0;
        int orders = 0;
        core::acme::CertificateManager::Hooks hooks;
        hooks.projects = [&] { return core::storage::ProjectStore(f.provider()).listAll(); };
        hooks.mayIssue = [&asked] { return ++asked <= 2; }; // the pass, then the first order
        hooks.runLego = [&orders, settings](const core::acme::LegoCommand &command) {
            ++orders;
            const QString primary = command.arguments.value(command.arguments.indexOf(u"-d"_qs) + 1);
            const bool made = test::TestCertificate::make(core::acme::LegoCommand::chainFile(settings, primary),
                                                          core::acme::LegoCommand::keyFile(settings, primary),
                                                          primary, {primary});
            return core::acme::LegoOutcome{made, QString()};
        };
        core::acme::CertificateManager manager(settings, f.clock(), std::move(hooks),
                                               std::make_unique<CertificateTable>(f.provider(), f.clock()));
        QCOMPARE(manager.runPass(), f.clock().nowMs() + core::acme::CertificateManager::standbyIntervalMs);
        QCOMPARE(orders, 1);
        QCOMPARE(asked, 3);
    }
};

QTEST_GUILESS_MAIN(TestSharedCertificates)
#include "tst_sharedcertificates.moc"
