// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/settingspage.h"
#include "app/widgets/aliaslist.h"
#include "tests/support/jsonfixture.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace ddd::app;
using ddd::core::client::ProjectPatch;
using ddd::core::client::RemoteProject;
using ddd::test::JsonFixture;
using Scope = RemoteProject::ProtectionScope;

namespace {

RemoteProject fixtureProject(int index)
{
    return *RemoteProject::fromJson(JsonFixture::json(u"api/projects.json"_qs)[index].toObject());
}

template<typename T>
T *child(QWidget &page, const QString &name)
{
    T *widget = page.findChild<T *>(name);
    if (!widget)
        qFatal("no widget %s", qPrintable(name));
    return widget;
}

} // namespace

class TestSettingsPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void unchangedProjectSendsNothing()
    {
        SettingsPage page;
        page.setProject(fixtureProject(1));
        QVERIFY(!page.hasChanges());
        QVERIFY(page.changes().toJson().isEmpty());
        QVERIFY(!child<QPushButton>(page, u"settingsSave"_qs)->isEnabled());
        QCOMPARE(child<QLineEdit>(page, u"settingsBuildFlags"_qs)->text(), u"--minify"_qs);
        QCOMPARE(child<QListWidget>(page, u"settingsSiteUsers"_qs)->count(), 2);
    }

    void onlyEditedFieldsTravel()
    {
        SettingsPage page;
        page.setProject(fixtureProject(0));
        child<QLineEdit>(page, u"settingsDomain"_qs)->setText(u""_qs);
        child<QCheckBox>(page, u"settingsSpaMode"_qs)->setChecked(true);
        child<QLineEdit>(page, u"settingsBuildFlags"_qs)->setText(u"  --a   --b=1 "_qs);
        const QJsonObject json = page.changes().toJson();
        QCOMPARE(json.keys(), (QStringList{u"domain"_qs, u"settings"_qs}));
        QVERIFY(json[u"domain"_qs].isNull()); // cleared, not left alone
        const QJsonObject settings = json[u"settings"_qs].toObject();
        QCOMPARE(settings.keys(), (QStringList{u"buildFlags"_qs, u"spaMode"_qs}));
        QCOMPARE(settings[u"buildFlags"_qs].toArray(), (QJsonArray{u"--a"_qs, u"--b=1"_qs}));
        QVERIFY(child<QPushButton>(page, u"settingsSave"_qs)->isEnabled());
    }

    void addedSiteUserCarriesItsPasswordOthersDoNot()
    {
        SettingsPage page;
        page.setProject(fixtureProject(1));
        auto *box = child<QGroupBox>(page, u"settingsSitePassword"_qs);
        const auto edits = box->findChildren<QLineEdit *>();
        edits.at(0)->setText(u"carol"_qs);
        edits.at(1)->setText(u"short"_qs);
        const auto buttons = box->findChildren<QPushButton *>();
        QPushButton *add = buttons.at(0);
        QVERIFY(!add->isEnabled()); // below the agent's minimum length
        edits.at(1)->setText(u"long enough secret"_qs);
        QVERIFY(add->isEnabled());
        add->click();
        std::optional<ProjectPatch> saved;
        connect(&page, &SettingsPage::saveRequested, this, [&saved](const ProjectPatch &patch) { saved = patch; });
        child<QPushButton>(page, u"settingsSave"_qs)->click();
        QVERIFY(saved.has_value());
        const ProjectPatch patch = *saved;
        QVERIFY(patch.sitePassword.has_value());
        QCOMPARE(patch.sitePassword->users.size(), 3);
        QCOMPARE(patch.sitePassword->users.at(0).password, QString()); // alice keeps her hash
        QCOMPARE(patch.sitePassword->users.at(2).username, u"carol"_qs);
        QCOMPARE(patch.sitePassword->users.at(2).password, u"long enough secret"_qs);
    }

    void stagingOnlyScopeTravelsWithThePassword()
    {
        SettingsPage page;
        page.setProject(fixtureProject(1));
        auto *scope = child<QCheckBox>(page, u"settingsSiteScope"_qs);
        QVERIFY(!scope->isChecked());
        scope->setChecked(true);
        const ProjectPatch patch = page.changes();
        QVERIFY(patch.sitePassword.has_value());
        QCOMPARE(patch.sitePassword->scope, Scope::StagingOnly);
        QVERIFY(patch.sitePassword->enabled);
        QCOMPARE(patch.sitePassword->users.size(), 2);
        QCOMPARE(patch.sitePassword->users.at(0).password, QString()); // nobody's password changes
        scope->setChecked(false);
        QVERIFY(!page.hasChanges());
    }

    void forcedProtectionOffersNoSwitchThatPretends()
    {
        RemoteProject project = fixtureProject(0);
        project.settings.sitePasswordForced = true; // enabled stays false: the owner never turned it on
        SettingsPage page;
        page.show();
        page.setProject(project);
        auto *box = child<QGroupBox>(page, u"settingsSitePassword"_qs);
        QVERIFY(!box->isCheckable());
        QVERIFY(box->title().contains(u"operator"_qs));
        QVERIFY(child<QLabel>(page, u"settingsForcedNote"_qs)->isVisible());
        QVERIFY(!child<QCheckBox>(page, u"settingsSiteScope"_qs)->isVisible());
        QVERIFY(child<QPushButton>(page, u"settingsCreateShareLink"_qs)->isEnabled());
        QVERIFY(!page.hasChanges());

        page.setProject(fixtureProject(0)); // an agent without force: the switch comes back
        QVERIFY(box->isCheckable());
        QVERIFY(!box->isChecked());
        QVERIFY(!child<QLabel>(page, u"settingsForcedNote"_qs)->isVisible());
    }

    void shareLinksFollowTheSavedProtection()
    {
        SettingsPage page;
        QSignalSpy create(&page, &SettingsPage::shareLinkRequested);
        QSignalSpy revoke(&page, &SettingsPage::revokeShareLinksRequested);
        page.setProject(fixtureProject(0)); // public: a link would open nothing new
        auto *createButton = child<QPushButton>(page, u"settingsCreateShareLink"_qs);
        auto *revokeButton = child<QPushButton>(page, u"settingsRevokeShareLinks"_qs);
        QVERIFY(!createButton->isEnabled());
        QVERIFY(revokeButton->isEnabled()); // old links would work again once protection is back
        child<QGroupBox>(page, u"settingsSitePassword"_qs)->setChecked(true);
        QVERIFY(!createButton->isEnabled()); // not saved yet
        revokeButton->click();
        QCOMPARE(revoke.size(), 1);

        page.setProject(fixtureProject(1));
        QVERIFY(createButton->isEnabled());
        createButton->click();
        QCOMPARE(create.size(), 1);
    }

    void aliasesAreEditedOnlyWhereTheAgentHasThem()
    {
        SettingsPage page;
        page.setProject(fixtureProject(0));
        auto *aliases = child<AliasList>(page, u"aliasList"_qs);
        QVERIFY(!aliases->isVisibleTo(&page));

        RemoteProject project = fixtureProject(0);
        project.aliases = QStringList{u"example.com"_qs};
        page.setProject(project);
        QVERIFY(aliases->isVisibleTo(&page));
        QVERIFY(!page.hasChanges());
        child<QLineEdit>(*aliases, u"aliasEntry"_qs)->setText(u"  Example.ORG "_qs);
        child<QPushButton>(*aliases, u"aliasAdd"_qs)->click();
        QCOMPARE(page.changes().aliases, std::optional<QStringList>({u"example.com"_qs, u"example.org"_qs}));
        auto *list = child<QListWidget>(*aliases, u"aliasItems"_qs);
        list->setCurrentRow(0);
        child<QPushButton>(*aliases, u"aliasRemove"_qs)->click();
        list->setCurrentRow(0);
        child<QPushButton>(*aliases, u"aliasRemove"_qs)->click();
        const ProjectPatch patch = page.changes();
        QCOMPARE(patch.aliases, std::optional<QStringList>(QStringList())); // sent empty: all removed
        QVERIFY(patch.toJson().contains(u"aliases"_qs));
    }

    void noProjectMeansNothingToEdit()
    {
        SettingsPage page;
        page.setProject(std::nullopt);
        QVERIFY(!page.isEnabled());
        QVERIFY(!page.hasChanges());
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
