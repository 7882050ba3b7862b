// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Site protection's parts without sockets: the Basic field parser, share-link
// tokens, the verified-credential cache and the access decision itself.
#include "core/auth/basiccredentials.h"
#include "tests/support/siteaccesskit.h"

#include <QtTest>

using namespace ddd;
using core::auth::BasicCredentials;
using core::auth::SiteAccess;
using core::model::ProjectSettings;
using Outcome = SiteAccess::Outcome;

namespace {

const QString kClient = u"203.0.113.7"_qs;

QByteArray basic(const QByteArray &userAndPassword)
{
    return "Basic " + userAndPassword.toBase64();
}

} // namespace

class TestSiteAccess final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parsesBasicCredentials_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::newRow("plain") << basic("ann:pass word") << u"ann"_qs << u"pass word"_qs;
        QTest::newRow("colon in password") << basic("ann:a:b") << u"ann"_qs << u"a:b"_qs;
        QTest::newRow("scheme case") << "bAsIc " + QByteArray("ann:x").toBase64() << u"ann"_qs << u"x"_qs;
        QTest::newRow("utf-8") << basic("j\xc3\xb6rg:p\xc3\xa4ss") << u"jörg"_qs << u"päss"_qs;
        QTest::newRow("empty password") << basic("ann:") << u"ann"_qs << QString();
        // Found by fuzz_basic_credentials: a leading byte order mark was
        // stripped, so two different user names logged in as one.
        QTest::newRow("leading BOM kept") << basic("\xef\xbb\xbf" "ann:x") << u"\uFEFFann"_qs << u"x"_qs;
    }

    void parsesBasicCredentials()
    {
        QFETCH(QByteArray, field);
        QFETCH(QString, username);
        QFETCH(QString, password);
        const auto credentials = BasicCredentials::parse(field);
        QVERIFY(credentials);
        QCOMPARE(credentials->username, username);
        QCOMPARE(credentials->password, password);
    }

    void refusesMalformedBasicFields_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("other scheme") << QByteArray("Bearer abc");
        QTest::newRow("no token") << QByteArray("Basic ");
        QTest::newRow("not base64") << QByteArray("Basic a$b=");
        QTest::newRow("bad padding") << QByteArray("Basic YW5uOng");
        QTest::newRow("non-canonical") << QByteArray("Basic YW5uOnh=");
        QTest::newRow("two tokens") << "Basic " + QByteArray("a:b").toBase64() + " extra";
        QTest::newRow("no colon") << basic("annpassword");
        QTest::newRow("empty user") << basic(":password");
        QTest::newRow("invalid utf-8") << basic("ann:\xff");
        QTest::newRow("oversized") << basic("ann:" + QByteArray(5000, 'x'));
    }

    void refusesMalformedBasicFields()
    {
        QFETCH(QByteArray, field);
        QVERIFY(!BasicCredentials::parse(field));
    }

    void shareLinksVerifyOnlyForTheirProjectAndGeneration()
    {
        test::SiteAccessKit kit;
        const auto link = kit.shareLinks.issue(7, 2, 600);
        QVERIFY(link.ok());
        QCOMPARE(link->expiresAtMs, kit.clock.nowMs() / 1000 * 1000 + 600'000);
        QCOMPARE(kit.shareLinks.verify(link->token, 7, 2).value(), 600);
        QCOMPARE(kit.shareLinks.verify(link->token, 8, 2).error().code, u"site.share_link_invalid"_qs);
        QCOMPARE(kit.shareLinks.verify(link->token, 7, 3).error().code, u"site.share_link_invalid"_qs);
        // A token edited to name another project or a later expiry fails its MAC.
        QByteArray other = link->token;
        other[0] = '8';
        QCOMPARE(kit.shareLinks.verify(other, 8, 2).error().code, u"site.share_link_invalid"_qs);
        QList<QByteArray> parts = link->token.split('.');
        parts[2] = QByteArray::number(parts[2].toLongLong() + 3600);
        QCOMPARE(kit.shareLinks.verify(parts.join('.'), 7, 2).error().code, u"site.share_link_invalid"_qs);
        for (const QByteArray &junk : {QByteArray(), QByteArray("7.2"), QByteArray("07.2.1.x"), QByteArray(300, '1')})
            QCOMPARE(kit.shareLinks.verify(junk, 7, 2).error().code, u"site.share_link_invalid"_qs);
    }

    void shareLinksExpire()
    {
        test::SiteAccessKit kit;
        const QByteArray token = kit.shareLinks.issue(1, 0, 60).value().token;
        kit.clock.advanceMs(59'500);
        QCOMPARE(kit.shareLinks.verify(token, 1, 0).value(), 1);
        kit.clock.advanceMs(500);
        QCOMPARE(kit.shareLinks.verify(token, 1, 0).error().code, u"site.share_link_expired"_qs);
    }

    void shareLinkLifetimeIsBounded()
    {
        test::SiteAccessKit kit;
        QCOMPARE(kit.shareLinks.issue(1, 0, 59).error().code, u"site.invalid_share_lifetime"_qs);
        QCOMPARE(kit.shareLinks.issue(1, 0, 30 * 24 * 3600 + 1).error().code, u"site.invalid_share_lifetime"_qs);
        QVERIFY(kit.shareLinks.issue(1, 0, 30 * 24 * 3600).ok());
    }

    void scopeDecidesWhichHostsAreProtected()
    {
        test::SiteAccessKit kit;
        ProjectSettings::SitePassword protection = kit.protection({{u"ann"_qs, u"ann-password"_qs}});
        QVERIFY(kit.access.isProtected({1, protection, true}));
        QVERIFY(kit.access.isProtected({1, protection, false}));
        protection.scope = ProjectSettings::ProtectionScope::StagingOnly;
        QVERIFY(!kit.access.isProtected({1, protection, true}));
        QVERIFY(kit.access.isProtected({1, protection, false}));
        protection.enabled = false;
        QVERIFY(!kit.access.isProtected({1, protection, false}));

        test::SiteAccessKit forced(SiteAccess::Options{true});
        QVERIFY(forced.access.isProtected({1, protection, true}));
    }

    void verifiedCredentialsAreRememberedWithoutTheHash()
    {
        test::SiteAccessKit kit;
        const auto protection = kit.protection({{u"ann"_qs, u"ann-password"_qs}});
        const SiteAccess::Target site{1, protection, true};
        const QByteArray ann = basic("ann:ann-password");
        QVERIFY(kit.access.needsHashing(site, ann));
        QVERIFY(!kit.access.remembers(site, ann));
        QCOMPARE(kit.access.checkPassword(site, kClient, ann).outcome, Outcome::Granted);
        QVERIFY(!kit.access.needsHashing(site, ann));
        QVERIFY(kit.access.remembers(site, ann));
        QVERIFY(kit.access.needsHashing(site, basic("ann:other")));
        QVERIFY(!kit.access.remembers(site, basic("ann:other")));
        for (const QByteArray &none : {QByteArray(), QByteArray("Basic ???")}) {
            QVERIFY(!kit.access.needsHashing(site, none));
            QVERIFY(!kit.access.remembers(site, none));
        }
        // Another project with the same user and password is not the same entry.
        QVERIFY(kit.access.needsHashing({2, protection, true}, ann));
        QVERIFY(!kit.access.remembers({2, protection, true}, ann));

        // With every hashing slot taken, a remembered visitor still gets in.
        std::vector<core::auth::HashingSlots::Permit> taken;
        while (auto permit = kit.hashingSlots.tryAcquire())
            taken.push_back(std::move(*permit));
        QCOMPARE(kit.access.checkPassword(site, kClient, ann).outcome, Outcome::Granted);
        const auto busy = kit.access.checkPassword(site, kClient, basic("ann:other"));
        QCOMPARE(busy.outcome, Outcome::Busy);
        QCOMPARE(busy.retryAfterSeconds, 1);

        kit.clock.advanceMs(5 * 60 * 1000);
        QVERIFY(kit.access.needsHashing(site, ann));
        QVERIFY(!kit.access.remembers(site, ann));
    }

    void changedPasswordNeverMatchesARememberedOne()
    {
        test::SiteAccessKit kit;
        const auto before = kit.protection({{u"ann"_qs, u"ann-password"_qs}});
        const QByteArray ann = basic("ann:ann-password");
        QCOMPARE(kit.access.checkPassword({1, before, true}, kClient, ann).outcome, Outcome::Granted);
        // Same password set again: a new salt, a new hash, a new entry.
        const auto after = kit.protection({{u"ann"_qs, u"ann-password"_qs}});
        QVERIFY(kit.access.needsHashing({1, after, true}, ann));
        const auto without = kit.protection({{u"bob"_qs, u"bob-password"_qs}});
        QCOMPARE(kit.access.checkPassword({1, without, true}, kClient, ann).outcome, Outcome::Challenge);
    }

    void cacheStaysBounded()
    {
        test::FakeClock clock;
        core::auth::SiteCredentialCache cache(clock, QByteArray(32, 'k'), {60'000, 3});
        for (int i = 0; i < 3; ++i)
            cache.remember(1, u"u%1"_qs.arg(i), u"h"_qs, u"p"_qs);
        QVERIFY(cache.contains(1, u"u0"_qs, u"h"_qs, u"p"_qs));
        cache.remember(1, u"u3"_qs, u"h"_qs, u"p"_qs); // full: starts again
        QVERIFY(cache.contains(1, u"u3"_qs, u"h"_qs, u"p"_qs));
        QVERIFY(!cache.contains(1, u"u0"_qs, u"h"_qs, u"p"_qs));
        clock.advanceMs(60'000);
        QVERIFY(!cache.contains(1, u"u3"_qs, u"h"_qs, u"p"_qs));
    }

    void failuresAreThrottledPerSite()
    {
        core::auth::LoginThrottle::Limits limits;
        limits.perAccountAndAddress = 3;
        limits.perAccount = 5;
        test::SiteAccessKit kit({}, limits);
        const auto protection = kit.protection({{u"ann"_qs, u"ann-password"_qs}});
        const SiteAccess::Target site{1, protection, true};
        for (int i = 0; i < 3; ++i)
            QCOMPARE(kit.access.checkPassword(site, kClient, basic("ann:wrong")).outcome, Outcome::Challenge);
        const auto throttled = kit.access.checkPassword(site, kClient, basic("ann:ann-password"));
        QCOMPARE(throttled.outcome, Outcome::Throttled);
        QCOMPARE(throttled.retryAfterSeconds, 15 * 60);
        // Malformed fields are not guesses and are never counted.
        QCOMPARE(kit.access.checkPassword(site, u"198.51.100.1"_qs, "Basic !!").outcome, Outcome::Challenge);
        // Unknown users count like known ones; the site limit spans addresses.
        QCOMPARE(kit.access.checkPassword(site, u"198.51.100.1"_qs, basic("zed:x")).outcome, Outcome::Challenge);
        QCOMPARE(kit.access.checkPassword(site, u"198.51.100.2"_qs, basic("ann:y")).outcome, Outcome::Challenge);
        QCOMPARE(kit.access.checkPassword(site, u"198.51.100.3"_qs, basic("ann:ann-password")).outcome,
                 Outcome::Throttled);
        // Another site is not affected.
        QCOMPARE(kit.access.checkPassword({2, protection, true}, u"198.51.100.3"_qs, basic("ann:ann-password")).outcome,
                 Outcome::Granted);
    }
};

QTEST_GUILESS_MAIN(TestSiteAccess)
#include "tst_siteaccess.moc"
