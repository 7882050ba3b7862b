// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// When a certificate is ordered, renewed and retried, the lego command line,
// and the status kept on disk: all without a network.
#include "core/acme/certificatestatus.h"
#include "core/acme/legocommand.h"
#include "core/acme/legorunner.h"
#include "core/acme/renewalpolicy.h"

#include <QtTest>

using namespace ddd::core::acme;
using State = CertificateStatus::State;

namespace {

constexpr qint64 kDay = RenewalPolicy::dayMs;
constexpr qint64 kNow = 1'800'000'000'000;

CertificateStatus validStatus(const QStringList &names, qint64 issuedAt, qint64 notAfter)
{
    CertificateStatus status;
    status.projectId = 7;
    status.names = names;
    status.state = State::Valid;
    status.issuedAtMs = issuedAt;
    status.notAfterMs = notAfter;
    status.lastAttemptMs = issuedAt;
    return status;
}

} // namespace

class TestRenewalPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void namesAreDomainThenAliases()
    {
        QCOMPARE(RenewalPolicy::namesFor(std::nullopt, {u"a.test"_qs}), QStringList());
        QCOMPARE(RenewalPolicy::namesFor(u"www.a.test"_qs, {u"a.test"_qs, u"www.a.test"_qs, u"a.test"_qs}),
                 (QStringList{u"www.a.test"_qs, u"a.test"_qs}));
    }

    void newNamesAreOrderedAtOnce()
    {
        const RenewalPolicy policy(30);
        const QStringList names{u"a.test"_qs};
        QCOMPARE(policy.nextAttempt(std::nullopt, names), 0);
        // A failing order for other names does not hold back the new ones.
        CertificateStatus failing = validStatus({u"old.test"_qs}, kNow, kNow + 90 * kDay);
        failing.state = State::Failed;
        failing.failures = 6;
        failing.lastAttemptMs = kNow;
        QCOMPARE(policy.nextAttempt(failing, names), 0);
    }

    void interruptedOrderIsRetriedAtOnce()
    {
        CertificateStatus pending;
        pending.projectId = 1;
        pending.names = {u"a.test"_qs};
        pending.lastAttemptMs = kNow;
        QCOMPARE(RenewalPolicy(30).nextAttempt(pending, pending.names), 0);
    }

    void renewsRenewDaysBeforeExpiry()
    {
        const CertificateStatus status = validStatus({u"a.test"_qs}, kNow, kNow + 90 * kDay);
        QCOMPARE(RenewalPolicy(30).nextAttempt(status, status.names), kNow + 60 * kDay);
        QCOMPARE(RenewalPolicy(1).nextAttempt(status, status.names), kNow + 89 * kDay);
    }

    // renew_days beyond the lifetime would renew in a loop; a day is the least.
    void neverRenewsWithinADay()
    {
        const CertificateStatus status = validStatus({u"a.test"_qs}, kNow, kNow + 90 * kDay);
        QCOMPARE(RenewalPolicy(3000).nextAttempt(status, status.names), kNow + kDay);
    }

    void failuresBackOff()
    {
        QCOMPARE(RenewalPolicy::retryDelayMs(1), 5 * 60 * 1000);
        QCOMPARE(RenewalPolicy::retryDelayMs(2), 10 * 60 * 1000);
        QCOMPARE(RenewalPolicy::retryDelayMs(4), 40 * 60 * 1000);
        QCOMPARE(RenewalPolicy::retryDelayMs(12), kDay);
        QCOMPARE(RenewalPolicy::retryDelayMs(1000), kDay);
        CertificateStatus failed = validStatus({u"a.test"_qs}, kNow - 80 * kDay, kNow + 10 * kDay);
        failed.state = State::Failed;
        failed.failures = 3;
        failed.lastAttemptMs = kNow;
        QCOMPARE(RenewalPolicy(30).nextAttempt(failed, failed.names), kNow + 20 * 60 * 1000);
    }

    void legoCommandLine()
    {
        AcmeSettings settings;
        settings.dataDir = u"/var/lib/ddd"_qs;
        settings.email = u"ops@example.com"_qs;
        settings.lego = u"/usr/bin/lego"_qs;
        const LegoCommand command = LegoCommand::run(settings, {u"a.test"_qs, u"www.a.test"_qs});
        QCOMPARE(command.program, u"/usr/bin/lego"_qs);
        QCOMPARE(command.arguments,
                 (QStringList{u"--accept-tos"_qs, u"--email"_qs, u"ops@example.com"_qs, u"--server"_qs,
                              u"https://acme-v02.api.letsencrypt.org/directory"_qs, u"--path"_qs,
                              u"/var/lib/ddd/acme/lego"_qs, u"--http"_qs, u"--http.webroot"_qs,
                              u"/var/lib/ddd/acme/webroot"_qs, u"-d"_qs, u"a.test"_qs, u"-d"_qs, u"www.a.test"_qs,
                              u"run"_qs}));
        QVERIFY(command.environment.isEmpty());
        QCOMPARE(LegoCommand::chainFile(settings, u"a.test"_qs), u"/var/lib/ddd/acme/lego/certificates/a.test.crt"_qs);
        QCOMPARE(LegoCommand::keyFile(settings, u"a.test"_qs), u"/var/lib/ddd/acme/lego/certificates/a.test.key"_qs);
        settings.caCertificates = u"/etc/ddd/pebble.pem"_qs;
        QCOMPARE(LegoCommand::run(settings, {u"a.test"_qs}).environment,
                 QStringList{u"LEGO_CA_CERTIFICATES=/etc/ddd/pebble.pem"_qs});
    }

    void legoErrorsAreSummarised()
    {
        const QString output = u"2026/12/03 [INFO] [a.test] acme: Obtaining bundled SAN certificate\n"
                               "2026/12/03 [INFO] [a.test] acme: Trying to solve HTTP-01\n"
                               "2026/12/03 Could not obtain certificates:\n"
                               "  error: one or more domains had a problem:\n"
                               "[a.test] acme: error: 400 :: urn:ietf:params:acme:error:connection :: refused\n"_qs;
        const QString summary = LegoRunner::summary(output);
        QVERIFY(!summary.contains(u"[INFO]"_qs));
        QVERIFY(summary.contains(u"urn:ietf:params:acme:error:connection"_qs));
        QCOMPARE(LegoRunner::summary(u"one\ntwo\n"_qs), u"one\ntwo"_qs);
    }

    void missingLegoIsAFailure()
    {
        LegoCommand command;
        command.program = u"/nonexistent/lego"_qs;
        const LegoOutcome outcome = LegoRunner::run(command, 5000);
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.output.contains(u"/nonexistent/lego"_qs));
    }

    void statusRoundTrips()
    {
        CertificateStatus status = validStatus({u"a.test"_qs, u"b.test"_qs}, kNow, kNow + 90 * kDay);
        status.nextAttemptMs = kNow + 60 * kDay;
        status.installedDomain = u"a.test"_qs;
        status.installedNames = status.names;
        QCOMPARE(CertificateStatus::fromJson(status.toJson()), status);
        status.state = State::Failed;
        status.failures = 2;
        status.lastError = u"refused"_qs;
        QCOMPARE(CertificateStatus::fromJson(status.toJson()), status);
        QCOMPARE(status.toJson().value(u"state"_qs).toString(), u"failed"_qs);
        QVERIFY(!CertificateStatus::fromJson(QJsonObject{{u"state"_qs, u"valid"_qs}}));
    }
};

QTEST_GUILESS_MAIN(TestRenewalPolicy)
#include "tst_renewalpolicy.moc"
