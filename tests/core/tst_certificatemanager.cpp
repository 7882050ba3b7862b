// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The certificate manager's passes with lego replaced by a stand-in that
// leaves a self-signed certificate where lego would: what is installed, what
// the status says, and that a failure keeps the installed pair.
#include "core/acme/certificatemanager.h"
#include "core/acme/statusstore.h"
#include "tests/support/commandresult.h"
#include "tests/support/fakeclock.h"

#include <QtTest>

#include <mutex>

using namespace ddd;
using core::acme::AcmeSettings;
using core::acme::CertificateManager;
using core::acme::CertificateStatus;
using core::acme::LegoCommand;
using core::acme::LegoOutcome;
using State = CertificateStatus::State;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The names after each "-d" of a lego command line.
QStringList namesOf(const LegoCommand &command)
{
    QStringList names;
    for (qsizetype i = 0; i + 1 < command.arguments.size(); ++i)
        if (command.arguments[i] == u"-d"_qs)
            names << command.arguments[i + 1];
    return names;
}

} // namespace

class TestCertificateManager final : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    test::FakeClock m_clock;
    std::mutex m_projectsMutex; // the worker thread reads them
    QList<core::model::Project> m_projects;
    QList<QStringList> m_orders;   // names lego was run for
    bool m_legoFails = false;
    QStringList m_coveredNames;    // names the stand-in certificate covers; empty: the ones asked for
    std::atomic<int> m_changes = 0;

    AcmeSettings settings() const
    {
        AcmeSettings settings;
        settings.dataDir = m_dir->path();
        settings.email = u"ops@example.com"_qs;
        return settings;
    }

    LegoOutcome fakeLego(const LegoCommand &command)
    {
        const QStringList names = namesOf(command);
        m_orders << names;
        if (m_legoFails)
            return {false, u"[a.test] acme: error: 400 :: urn:ietf:params:acme:error:connection"_qs};
        const QStringList covered = m_coveredNames.isEmpty() ? names : m_coveredNames;
        QStringList san;
        for (const QString &name : covered)
            san << u"DNS:"_qs + name;
        QDir().mkpath(settings().legoDir() + u"/certificates"_qs);
        const test::CommandResult made = test::CommandResult::run(
            u"openssl"_qs, {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                            u"ec_paramgen_curve:P-256"_qs, u"-nodes"_qs, u"-days"_qs, u"90"_qs, u"-subj"_qs,
                            u"/CN="_qs + names.first(), u"-addext"_qs, u"subjectAltName="_qs + san.join(u','),
                            u"-keyout"_qs, LegoCommand::keyFile(settings(), names.first()), u"-out"_qs,
                            LegoCommand::chainFile(settings(), names.first())});
        return {made.ok(), made.output};
    }

    std::unique_ptr<CertificateManager> manager()
    {
        CertificateManager::Hooks hooks;
        hooks.projects = [this] {
            std::lock_guard lock(m_projectsMutex);
            return core::Result<QList<core::model::Project>>(m_projects);
        };
        hooks.certificatesChanged = [this] { ++m_changes; };
        hooks.runLego = [this](const LegoCommand &command) { return fakeLego(command); };
        return std::make_unique<CertificateManager>(settings(), m_clock, std::move(hooks));
    }

    void setProject(std::optional<QString> domain, QStringList aliases = {})
    {
        core::model::Project project;
        project.id = 1;
        project.domain = std::move(domain);
        project.aliases = std::move(aliases);
        std::lock_guard lock(m_projectsMutex);
        m_projects = {project};
    }

    QString installed(const QString &domain, const QString &file) const
    {
        return m_dir->filePath(u"certificates/"_qs + domain + u'/' + file);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock.setMs(QDateTime::currentMSecsSinceEpoch());
        m_orders.clear();
        m_legoFails = false;
        m_coveredNames.clear();
        m_changes = 0;
        setProject(u"a.test"_qs, {u"www.a.test"_qs});
    }

    void issuesAndInstalls()
    {
        auto certificates = manager();
        certificates->runPass();
        QCOMPARE(m_orders, QList<QStringList>{(QStringList{u"a.test"_qs, u"www.a.test"_qs})});
        const CertificateStatus status = *certificates->status(1);
        QCOMPARE(status.state, State::Valid);
        QCOMPARE(status.issuedAtMs, m_clock.nowMs());
        QVERIFY(*status.notAfterMs > m_clock.nowMs() + 89 * core::acme::RenewalPolicy::dayMs);
        QCOMPARE(status.nextAttemptMs, *status.notAfterMs - 30 * core::acme::RenewalPolicy::dayMs);
        QCOMPARE(readFile(installed(u"a.test"_qs, u"fullchain.pem"_qs)),
                 readFile(LegoCommand::chainFile(settings(), u"a.test"_qs)));
        QCOMPARE(m_changes, 1);
        // Nothing is due: a second pass orders nothing.
        certificates->runPass();
        QCOMPARE(m_orders.size(), 1);
        // The status survives a restart.
        QCOMPARE(manager()->status(1), certificates->status(1));
    }

    void failureKeepsInstalledPairAndBacksOff()
    {
        auto certificates = manager();
        certificates->runPass();
        const QByteArray pair = readFile(installed(u"a.test"_qs, u"fullchain.pem"_qs));
        m_clock.advanceMs(61 * core::acme::RenewalPolicy::dayMs); // renewal due
        m_legoFails = true;
        certificates->runPass();
        CertificateStatus status = *certificates->status(1);
        QCOMPARE(status.state, State::Failed);
        QCOMPARE(status.failures, 1);
        QVERIFY(status.lastError.contains(u"urn:ietf:params:acme:error:connection"_qs));
        QCOMPARE(status.nextAttemptMs, m_clock.nowMs() + 5 * 60 * 1000);
        QCOMPARE(readFile(installed(u"a.test"_qs, u"fullchain.pem"_qs)), pair);
        QCOMPARE(m_changes, 1);
        certificates->runPass(); // inside the backoff: not asked again
        QCOMPARE(m_orders.size(), 2);
        m_clock.advanceMs(5 * 60 * 1000);
        certificates->runPass();
        QCOMPARE(certificates->status(1)->failures, 2);
        QCOMPARE(certificates->status(1)->nextAttemptMs, m_clock.nowMs() + 10 * 60 * 1000);
        m_legoFails = false;
        m_clock.advanceMs(10 * 60 * 1000);
        certificates->runPass();
        QCOMPARE(certificates->status(1)->state, State::Valid);
        QCOMPARE(certificates->status(1)->failures, 0);
        QVERIFY(readFile(installed(u"a.test"_qs, u"fullchain.pem"_qs)) != pair);
    }

    // lego claimed success but left a certificate for other names.
    void certificateNotCoveringTheNamesIsRefused()
    {
        m_coveredNames = {u"a.test"_qs};
        auto certificates = manager();
        certificates->runPass();
        QCOMPARE(certificates->status(1)->state, State::Failed);
        QVERIFY(certificates->status(1)->lastError.contains(u"www.a.test"_qs));
        QVERIFY(!QFileInfo::exists(installed(u"a.test"_qs, u"fullchain.pem"_qs)));
        QCOMPARE(m_changes, 0);
    }

    // An order the agent never finished (it died) is placed again.
    void interruptedOrderIsPlacedAgain()
    {
        CertificateStatus pending;
        pending.projectId = 1;
        pending.names = {u"a.test"_qs, u"www.a.test"_qs};
        pending.lastAttemptMs = m_clock.nowMs() - 1000;
        QVERIFY(core::acme::StatusStore(settings().statusDir()).save(pending));
        auto certificates = manager();
        QCOMPARE(certificates->status(1)->state, State::Pending);
        certificates->runPass();
        QCOMPARE(m_orders.size(), 1);
        QCOMPARE(certificates->status(1)->state, State::Valid);
    }

    void newPrimaryReplacesOldPair()
    {
        auto certificates = manager();
        certificates->runPass();
        setProject(u"b.test"_qs);
        certificates->runPass();
        QCOMPARE(m_orders.last(), QStringList{u"b.test"_qs});
        QVERIFY(QFileInfo::exists(installed(u"b.test"_qs, u"privkey.pem"_qs)));
        QVERIFY(!QFileInfo::exists(installed(u"a.test"_qs, u"privkey.pem"_qs)));
        setProject(std::nullopt);
        certificates->runPass();
        QVERIFY(!certificates->status(1));
        QVERIFY(!QFileInfo::exists(installed(u"b.test"_qs, u"privkey.pem"_qs)));
        QCOMPARE(m_changes, 3);
    }

    // The worker thread: started, it orders at once; woken, it looks again.
    void workerOrdersAndWakes()
    {
        auto certificates = manager();
        certificates->start();
        QTRY_VERIFY(certificates->status(1) && certificates->status(1)->state == State::Valid);
        setProject(u"c.test"_qs);
        certificates->wake();
        QTRY_COMPARE(certificates->status(1)->names, QStringList{u"c.test"_qs});
        QTRY_COMPARE(certificates->status(1)->state, State::Valid);
        certificates->stop();
    }
};

QTEST_GUILESS_MAIN(TestCertificateManager)
#include "tst_certificatemanager.moc"
