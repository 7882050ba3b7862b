// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The project view's addresses and protection: the agent's own URLs win over
// ones built from the profile, every protection state reads as what a
// visitor meets, and opening an address never fails silently.
#include "app/addressopener.h"
#include "app/agentprofile.h"
#include "app/siteaddresses.h"
#include "app/siteprotection.h"
#include "app/widgets/addresspanel.h"
#include "app/widgets/messagebar.h"
#include "core/client/remotecertificate.h"
#include "core/client/remoteproject.h"
#include "core/model/version.h"
#include "tests/support/jsonfixture.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace ddd::app;
using ddd::core::client::RemoteProject;
using ddd::test::JsonFixture;
using State = SiteProtection::State;

namespace {

RemoteProject fixtureProject(int index)
{
    return *RemoteProject::fromJson(JsonFixture::json(u"api/projects.json"_qs)[index].toObject());
}

AgentProfile profileWithSites(const QString &siteUrl)
{
    AgentProfile profile = AgentProfile::create(QUrl(u"https://deploy.example.com:8443"_qs));
    profile.siteUrl = QUrl(siteUrl);
    return profile;
}

} // namespace

// Receives the URLs QDesktopServices would hand to a browser.
class FakeBrowser final : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

class TestAddressPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void agentUrlsWinOverBuiltOnes()
    {
        RemoteProject project = fixtureProject(0);
        const AgentProfile profile = profileWithSites(u"http://localhost:9000"_qs);
        QCOMPARE(SiteAddresses::production(project, profile), QUrl(u"http://www.example.com:9000/"_qs));
        QCOMPARE(SiteAddresses::staging(project, profile), QUrl(u"http://k3v9q2m7x1ab.localhost:9000/"_qs));
        project.urls = RemoteProject::Urls{QUrl(u"https://www.example.com/"_qs), QUrl(u"https://k3v9q2m7x1ab.sites.example.net/"_qs)};
        QCOMPARE(SiteAddresses::production(project, profile), QUrl(u"https://www.example.com/"_qs));
        QCOMPARE(SiteAddresses::staging(project, profile), QUrl(u"https://k3v9q2m7x1ab.sites.example.net/"_qs));
        QCOMPARE(SiteAddresses::primary(project, profile), QUrl(u"https://www.example.com/"_qs));
    }

    void withoutDomainStagingIsThePrimaryAddress()
    {
        const RemoteProject project = fixtureProject(1);
        const AgentProfile profile = profileWithSites(QString());
        QVERIFY(SiteAddresses::production(project, profile).isEmpty());
        QCOMPARE(SiteAddresses::primary(project, profile), QUrl(u"http://p0q8w2e4r6ty.localhost/"_qs));
    }

    void protectionReadsAsWhatVisitorsMeet()
    {
        RemoteProject project = fixtureProject(0);
        QCOMPARE(SiteProtection::of(project), State::Public);
        QVERIFY(!SiteProtection::isProtected(project));
        project.settings.sitePasswordEnabled = true;
        QCOMPARE(SiteProtection::of(project), State::EveryAddress);
        project.settings.sitePasswordScope = RemoteProject::ProtectionScope::StagingOnly;
        QCOMPARE(SiteProtection::of(project), State::StagingAndPreviews);
        QVERIFY(SiteProtection::describe(project).contains(u"live address is public"_qs));
        project.settings.sitePasswordEnabled = false;
        project.settings.sitePasswordForced = true; // the operator's word beats the owner's
        QCOMPARE(SiteProtection::of(project), State::ForcedByOperator);
        QVERIFY(SiteProtection::isProtected(project));
        QVERIFY(SiteProtection::describe(project).contains(u"operator"_qs));
    }

    void panelShowsAddressesAliasesAndProtection()
    {
        AddressPanel panel;
        RemoteProject project = fixtureProject(0);
        project.aliases = QStringList{u"example.com"_qs, u"example.org"_qs};
        panel.setSite(&project, profileWithSites(u"http://localhost:8081"_qs));
        QCOMPARE(panel.findChild<QLabel *>(u"addressLive"_qs)->text(), u"http://www.example.com:8081/"_qs);
        QCOMPARE(panel.findChild<QLabel *>(u"addressStaging"_qs)->text(), u"http://k3v9q2m7x1ab.localhost:8081/"_qs);
        QVERIFY(panel.findChild<QLabel *>(u"addressAliases"_qs)->text().startsWith(u"example.com, example.org"_qs));
        QCOMPARE(panel.findChild<QLabel *>(u"addressProtection"_qs)->text(), SiteProtection::describe(project));

        QSignalSpy opened(&panel, &AddressPanel::openRequested);
        QSignalSpy copied(&panel, &AddressPanel::copyRequested);
        panel.findChild<QPushButton *>(u"addressOpenStaging"_qs)->click();
        panel.findChild<QPushButton *>(u"addressCopyLive"_qs)->click();
        QCOMPARE(opened.takeFirst().at(0).toUrl(), QUrl(u"http://k3v9q2m7x1ab.localhost:8081/"_qs));
        QCOMPARE(copied.takeFirst().at(0).toUrl(), QUrl(u"http://www.example.com:8081/"_qs));
    }

    void panelWithoutDomainOffersNothingToOpenForLive()
    {
        AddressPanel panel;
        panel.show();
        const RemoteProject project = fixtureProject(1);
        panel.setSite(&project, profileWithSites(QString()));
        QVERIFY(!panel.findChild<QPushButton *>(u"addressOpenLive"_qs)->isVisible());
        QVERIFY(panel.findChild<QPushButton *>(u"addressOpenStaging"_qs)->isVisible());
        QVERIFY(!panel.findChild<QLabel *>(u"addressAliases"_qs)->isVisible());
        panel.setSite(nullptr, {});
        QVERIFY(!panel.isEnabled());
    }

    void panelShowsTheSelectedVersionsPreviewAddress()
    {
        AddressPanel panel;
        panel.show();
        const RemoteProject project = fixtureProject(0);
        panel.setSite(&project, profileWithSites(u"http://localhost:8081"_qs));
        auto *preview = panel.findChild<QLabel *>(u"addressPreview"_qs);
        QVERIFY(!preview->isVisible()); // no version selected

        ddd::core::model::Version version;
        version.number = 3;
        version.previewUrl = QUrl(u"http://3--k3v9q2m7x1ab.localhost:8081/"_qs);
        panel.setVersion(&version);
        QVERIFY(preview->isVisible());
        QCOMPARE(preview->text(), version.previewUrl.toString());
        QSignalSpy copied(&panel, &AddressPanel::copyRequested);
        panel.findChild<QPushButton *>(u"addressCopyPreview"_qs)->click();
        QCOMPARE(copied.takeFirst().at(0).toUrl(), version.previewUrl);

        version.previewUrl = QUrl(); // an agent that offers no preview of this version
        panel.setVersion(&version);
        QVERIFY(!preview->isVisible());
        QVERIFY(!panel.findChild<QPushButton *>(u"addressOpenPreview"_qs)->isVisible());
        version.previewUrl = QUrl(u"http://3--k3v9q2m7x1ab.localhost:8081/"_qs);
        panel.setVersion(&version);
        panel.setSite(&project, profileWithSites(u"http://localhost:8081"_qs)); // another project: no version yet
        QVERIFY(!preview->isVisible());
    }

    void openingWithoutABrowserShowsTheAddressToCopy()
    {
        MessageBar bar;
        const QUrl address(u"http://k3v9q2m7x1ab.localhost:8081/"_qs);
        // The offscreen platform has no browser to start: openUrl fails, as on a bare desktop.
        QVERIFY(!QDesktopServices::openUrl(QUrl(u"http://probe.invalid/"_qs)));
        AddressOpener(bar).open(address);
        QVERIFY2(bar.text().contains(address.toString()), qPrintable(bar.text()));
        auto *copy = bar.findChild<QPushButton *>(u"messageAction"_qs);
        QVERIFY(!copy->isHidden());
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), address.toString());
        QVERIFY(bar.text().contains(u"Copied"_qs));
    }

    void openingWithABrowserSaysNothing()
    {
        FakeBrowser browser;
        QDesktopServices::setUrlHandler(u"http"_qs, &browser, "open");
        MessageBar bar;
        AddressOpener(bar).open(QUrl(u"http://www.example.com/"_qs));
        QDesktopServices::unsetUrlHandler(u"http"_qs);
        QCOMPARE(browser.opened, (QList<QUrl>{QUrl(u"http://www.example.com/"_qs)}));
        QVERIFY(bar.text().isEmpty());
    }

    // The automatic certificate's line: what the agent reports, in words;
    // hidden when there is nothing to report, and until the next project's arrives.
    void certificateLine()
    {
        using ddd::core::client::RemoteCertificate;
        AddressPanel panel;
        const RemoteProject project = fixtureProject(0);
        panel.setSite(&project, profileWithSites(u"https://example.com"_qs));
        panel.show();
        auto *line = panel.findChild<QLabel *>(u"addressCertificate"_qs);
        QVERIFY(line && !line->isVisible());

        auto decoded = RemoteCertificate::fromJson(QJsonObject{
            {u"enabled"_qs, true}, {u"state"_qs, u"failed"_qs},
            {u"names"_qs, QJsonArray{u"shop.example.com"_qs, u"www.shop.example.com"_qs}},
            {u"notAfter"_qs, u"2027-03-03T10:00:00.000Z"_qs}, {u"lastAttempt"_qs, u"2027-02-01T10:00:00.000Z"_qs},
            {u"nextAttempt"_qs, u"2027-02-01T10:05:00.000Z"_qs},
            {u"lastError"_qs, u"Could not obtain certificates:\n[www.shop.example.com] acme: error: 400 :: connection refused"_qs},
            {u"failures"_qs, 1}});
        QVERIFY(decoded.ok());
        panel.setCertificate(*decoded);
        QVERIFY(line->isVisible());
        QVERIFY2(line->text().contains(u"Renewal failed ([www.shop.example.com] acme: error: 400 :: connection refused)"_qs),
                 qPrintable(line->text()));
        QVERIFY(line->text().contains(u"stays valid until"_qs));

        RemoteCertificate certificate = *decoded;
        certificate.state = RemoteCertificate::State::Valid;
        panel.setCertificate(certificate);
        QVERIFY(line->text().startsWith(u"Certificate valid until"_qs));
        QVERIFY(line->text().contains(u"shop.example.com, www.shop.example.com"_qs));
        certificate.state = RemoteCertificate::State::Pending;
        panel.setCertificate(certificate);
        QVERIFY(line->text().startsWith(u"Requesting a certificate for shop.example.com"_qs));
        certificate.state = RemoteCertificate::State::Failed;
        certificate.notAfterMs.reset();
        panel.setCertificate(certificate);
        QVERIFY(line->text().startsWith(u"No certificate yet"_qs));
        certificate.state = RemoteCertificate::State::None;
        panel.setCertificate(certificate);
        QVERIFY(!line->isVisible());
        panel.setCertificate(*decoded);
        panel.setSite(&project, profileWithSites(u"https://example.com"_qs)); // another selection
        QVERIFY(!line->isVisible());
        QVERIFY(!RemoteCertificate::fromJson(QJsonObject{{u"enabled"_qs, true}, {u"state"_qs, u"broken"_qs},
                                                         {u"names"_qs, QJsonArray()}}).ok());
    }
};

QTEST_MAIN(TestAddressPanel)
#include "tst_addresspanel.moc"
