// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/errormessages.h"

#include <QJsonArray>
#include <QtTest>

using namespace ddd::app;
using ddd::core::Error;

class TestErrorMessages final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyDocumentedAgentCodeHasItsOwnText_data()
    {
        QTest::addColumn<QString>("code");
        // The user-facing codes of docs/api.md's error table, plus the client's.
        for (const char *code : {"auth.invalid_credentials", "auth.invalid_token", "auth.unauthenticated", "auth.forbidden",
                                 "auth.rate_limited", "auth.busy", "auth.registration_closed", "project.not_found",
                                 "project.invalid_name", "project.invalid_domain", "project.domain_taken",
                                 "project.invalid_settings", "project.invalid_build_flags", "project.invalid_aliases",
                                 "project.https_unavailable", "project.invalid_hsts_preload",
                                 "site.invalid_share_lifetime", "deploy.not_found",
                                 "deploy.not_activatable", "deploy.is_live", "upload.not_found", "upload.offset_mismatch",
                                 "blob.hash_mismatch", "archive.path_traversal", "archive.case_collision",
                                 "archive.too_large", "archive.unsupported_format", "archive.empty", "http.body_too_large",
                                 "internal", "client.network", "client.tls", "client.http_status", "client.bad_response",
                                 "wire.unexpected_json", "credentials.unavailable", "credentials.failed", "build.not_found",
                                 "source.not_found", "hook.not_found", "build.undetected", "build.invalid_settings",
                                 "build.flag_not_allowed", "build.script_not_allowed", "build.not_cancellable",
                                 "build.sandbox_unavailable", "build.queue_full", "hook.throttled", "build.invalid_git_url",
                                 "build.invalid_git_branch", "build.git_disabled", "build.no_git", "request.invalid_cursor",
                                 "webhook.invalid_url", "webhook.target_refused", "webhook.unresolvable_host",
                                 "webhook.unknown_event", "webhook.no_events", "webhook.limit_reached", "webhook.inactive",
                                 "webhook.not_found", "webhook.delivery_not_found", "objects.unavailable",
                                 "objects.refused"})
            QTest::newRow(code) << QString::fromLatin1(code);
    }

    void everyDocumentedAgentCodeHasItsOwnText()
    {
        QFETCH(QString, code);
        QVERIFY(ErrorMessages::knownCodes().contains(code));
        const UserMessage message = ErrorMessages::describe(Error::make(code, u"english text from the agent"_qs));
        QVERIFY(!message.what.isEmpty());
        QVERIFY2(!message.next.isEmpty(), "every error says what to do next");
        QVERIFY(!message.what.contains(u"english text from the agent"_qs));
    }

    void detailsFillTheText()
    {
        const Error tls = Error::make(u"client.tls"_qs, u"untrusted"_qs, {{u"fingerprint"_qs, u"AB:CD:EF"_qs}});
        QVERIFY(ErrorMessages::describe(tls).what.contains(u"AB:CD:EF"_qs));
        const Error limited = Error::make(u"auth.rate_limited"_qs, u"slow down"_qs, {{u"retryAfterSeconds"_qs, 42}});
        QVERIFY(ErrorMessages::describe(limited).next.contains(u"42"_qs));
        const Error flags = Error::make(u"project.invalid_build_flags"_qs, u"no"_qs,
                                        {{u"rejected"_qs, QJsonArray{u"--a"_qs, u"--b"_qs}}});
        QVERIFY(ErrorMessages::describe(flags).what.contains(u"--a, --b"_qs));
    }

    void refusedAliasReadsAsWordsAndNamesTheAlias_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("expected");
        QTest::newRow("duplicate") << u"duplicate"_qs << u"example.org is listed twice"_qs;
        QTest::newRow("same as domain") << u"same_as_domain"_qs << u"example.org is the domain itself"_qs;
        QTest::newRow("reserved") << u"reserved"_qs << u"example.org lies under the agent's staging domain"_qs;
        QTest::newRow("host name rule") << u"single_label"_qs << u"example.org is not a valid host name"_qs;
    }

    void refusedAliasReadsAsWordsAndNamesTheAlias()
    {
        QFETCH(QString, reason);
        QFETCH(QString, expected);
        const Error error = Error::make(u"project.invalid_aliases"_qs, u"Invalid domain aliases"_qs,
                                        {{u"reason"_qs, reason}, {u"index"_qs, 1}, {u"alias"_qs, u"example.org"_qs}});
        const UserMessage message = ErrorMessages::describe(error);
        QVERIFY2(message.what.contains(expected), qPrintable(message.what));
        QVERIFY(!message.what.contains(reason));
    }

    void aliasesWithoutADomainSayWhatToSetFirst()
    {
        const Error error = Error::make(u"project.invalid_aliases"_qs, u"x"_qs, {{u"reason"_qs, u"needs_domain"_qs}});
        QVERIFY(ErrorMessages::describe(error).what.contains(u"set the domain first"_qs));
    }

    void missingDetailsShowAPlaceholderNotAHole()
    {
        const UserMessage message = ErrorMessages::describe(Error::make(u"client.tls"_qs, u"x"_qs));
        QVERIFY(!message.what.contains(u"%1"_qs));
    }

    // The code is for support: it goes to the details, the words stay in the text.
    void unknownCodesShowTheAgentsWordsAndKeepTheCodeInTheDetails()
    {
        const UserMessage message = ErrorMessages::describe(Error::make(u"quota.exceeded"_qs, u"disk quota exceeded"_qs));
        QVERIFY(message.what.contains(u"disk quota exceeded"_qs));
        QVERIFY(!message.text().contains(u"quota.exceeded"_qs));
        QVERIFY(message.details.contains(u"Code: quota.exceeded"_qs));
        QVERIFY(!message.next.isEmpty());
    }

    // "…/api/v1/deploys/3/activate could not be reached" named an API call
    // and an internal id; the user knows the agent and the version.
    void anUnreachableAgentIsNamedAsTheUserAddedIt()
    {
        const Error error = Error::make(u"client.network"_qs, u"Connection refused"_qs,
                                        {{u"reason"_qs, u"Connection refused"_qs},
                                         {u"url"_qs, u"https://deploy.example.com:8443/api/v1/deploys/3/activate"_qs}});
        const UserMessage message = ErrorMessages::describe(error, u"v4 of Shop could not go live."_qs);
        QVERIFY2(message.what.startsWith(u"v4 of Shop could not go live. The agent at https://deploy.example.com:8443 "_qs),
                 qPrintable(message.what));
        QVERIFY(!message.text().contains(u"/api/v1"_qs));
        QVERIFY(!message.text().contains(u"client.network"_qs));
        QVERIFY(message.details.contains(u"/api/v1/deploys/3/activate"_qs));
        QCOMPARE(message.condition, ErrorMessages::unreachable());
        QVERIFY(ErrorMessages::describe(Error::make(u"deploy.is_live"_qs, {})).condition.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestErrorMessages)
#include "tst_errormessages.moc"
