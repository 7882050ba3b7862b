// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/settingspage.h"
#include "app/widgets/aliaslist.h"
#include "tests/support/jsonfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
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

// A project of an agent with build settings; `git` false: one without Git builds.
RemoteProject buildingProject(bool git)
{
    RemoteProject project = fixtureProject(0);
    RemoteProject::BuildSettings build;
    build.generator = u"hugo"_qs;
    if (git)
        build.git = RemoteProject::GitSource{u"https://git.example.com/site.git"_qs, u"main"_qs};
    project.settings.build = build;
    return project;
}

// A project of an agent with HTTPS settings; `available`: it serves sites over HTTPS.
RemoteProject httpsProject(bool available, bool redirect = false)
{
    RemoteProject project = fixtureProject(0);
    RemoteProject::HttpsSettings https;
    https.available = available;
    https.redirect = redirect;
    project.settings.https = https;
    return project;
}

bool shown(QWidget &page, const QString &name)
{
    return child<QWidget>(page, name)->isVisibleTo(&page);
}

} // namespace

class TestSettingsPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // A site user that cannot be added says why next to its fields, instead
    // of only greying out the button.
    void aSiteUserProblemIsSaidNextToTheFields()
    {
        SettingsPage page;
        page.setProject(fixtureProject(0));
        page.show();
        auto *name = child<QLineEdit>(page, u"newSiteUser"_qs);
        auto *password = child<QLineEdit>(page, u"newSitePassword"_qs);
        auto *add = child<QPushButton>(page, u"addSiteUserButton"_qs);
        auto *problem = child<QLabel>(page, u"newSiteUserProblem"_qs);
        if (auto *box = qobject_cast<QGroupBox *>(add->parentWidget()); box && box->isCheckable())
            box->setChecked(true); // the site password on, so its fields are enabled
        QVERIFY(!problem->isVisibleTo(&page)); // nothing typed, nothing to say
        name->setText(u"editor"_qs);
        password->setText(u"short"_qs);
        QVERIFY(!add->isEnabled());
        QVERIFY(problem->isVisibleTo(&page));
        QVERIFY2(problem->text().startsWith(u"The password is too short: 3 more character"_qs), qPrintable(problem->text()));
        password->setText(u"long enough"_qs);
        QVERIFY(add->isEnabled());
        QVERIFY(!problem->isVisibleTo(&page));
        add->click();
        name->setText(u"editor"_qs);
        password->setText(u"another one"_qs);
        QVERIFY(!add->isEnabled());
        QVERIFY(problem->text().contains(u"editor is already a user"_qs));
    }

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

    void buildFieldsAreOfferedOnlyWhereTheAgentHasThem()
    {
        SettingsPage page;
        page.setProject(fixtureProject(0)); // an agent from before builds
        QVERIFY(!shown(page, u"settingsBuildGenerator"_qs));
        QVERIFY(!shown(page, u"settingsGitUrl"_qs));
        QVERIFY(shown(page, u"settingsBuildFlags"_qs));
        QVERIFY(shown(page, u"settingsOptOutMinify"_qs));

        page.setProject(buildingProject(false)); // builds, but no Git builds yet
        QVERIFY(shown(page, u"settingsBuildGenerator"_qs));
        QVERIFY(!shown(page, u"settingsGitUrl"_qs));
        QVERIFY(!shown(page, u"settingsGitBranch"_qs));

        page.setProject(buildingProject(true));
        QVERIFY(shown(page, u"settingsGitUrl"_qs));
        QCOMPARE(child<QLineEdit>(page, u"settingsGitUrl"_qs)->text(), u"https://git.example.com/site.git"_qs);
        QVERIFY(!page.hasChanges());
    }

    void npmFieldsFollowTheGenerator()
    {
        SettingsPage page;
        page.setProject(buildingProject(true));
        auto *generator = child<QComboBox>(page, u"settingsBuildGenerator"_qs);
        QCOMPARE(generator->currentData().toString(), u"hugo"_qs);
        QVERIFY(!shown(page, u"settingsBuildNpmScript"_qs)); // Hugo runs no npm script
        QVERIFY(!shown(page, u"settingsBuildOutputDir"_qs));
        generator->setCurrentIndex(generator->findData(u"npm"_qs));
        QVERIFY(shown(page, u"settingsBuildNpmScript"_qs));
        QVERIFY(shown(page, u"settingsBuildOutputDir"_qs));
        generator->setCurrentIndex(generator->findData(u"auto"_qs)); // detection may pick npm
        QVERIFY(shown(page, u"settingsBuildNpmScript"_qs));
        const QJsonObject build = page.changes().toJson()[u"settings"_qs][u"build"_qs].toObject();
        QCOMPARE(build, (QJsonObject{{u"generator"_qs, u"auto"_qs}}));
    }

    void changedBuildFieldsTravelAndGitGoesWhole()
    {
        SettingsPage page;
        page.setProject(buildingProject(true));
        child<QLineEdit>(page, u"settingsGitBranch"_qs)->setText(u"pages"_qs);
        child<QCheckBox>(page, u"settingsBuildPublish"_qs)->setChecked(true);
        child<QCheckBox>(page, u"settingsOptOutMinify"_qs)->setChecked(true);
        const QJsonObject settings = page.changes().toJson()[u"settings"_qs].toObject();
        QCOMPARE(settings.keys(), (QStringList{u"build"_qs, u"optOutMinify"_qs}));
        const QJsonObject build = settings[u"build"_qs].toObject();
        QCOMPARE(build.keys(), (QStringList{u"git"_qs, u"publishAutomatically"_qs}));
        QCOMPARE(build[u"git"_qs].toObject(), (QJsonObject{{u"url"_qs, u"https://git.example.com/site.git"_qs},
                                                         {u"branch"_qs, u"pages"_qs}}));
        child<QLineEdit>(page, u"settingsGitBranch"_qs)->setText(QString()); // empty is the default branch
        QVERIFY(!page.changes().toJson()[u"settings"_qs][u"build"_qs].toObject().contains(u"git"_qs));
    }

    void refusalIsShownUnderItsField_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QJsonObject>("details");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");
        QTest::newRow("git url") << u"build.invalid_git_url"_qs
                                 << QJsonObject{{u"reason"_qs, u"credentials in the URL are not supported"_qs}}
                                 << u"git.url"_qs << u"credentials in the URL"_qs;
        QTest::newRow("git branch") << u"build.invalid_git_branch"_qs << QJsonObject() << u"git.branch"_qs
                                    << u"branch name"_qs;
        QTest::newRow("git off") << u"build.git_disabled"_qs << QJsonObject() << u"git.url"_qs << u"builds.git"_qs;
        QTest::newRow("output folder") << u"project.invalid_settings"_qs
                                       << QJsonObject{{u"field"_qs, u"build.outputDir"_qs}, {u"reason"_qs, u"unsafe_path"_qs}}
                                       << u"outputDir"_qs << u".."_qs;
        QTest::newRow("generator") << u"project.invalid_settings"_qs
                                   << QJsonObject{{u"field"_qs, u"build.generator"_qs},
                                                  {u"reason"_qs, u"unknown_generator"_qs}}
                                   << u"generator"_qs << u"generator"_qs;
        QTest::newRow("flags") << u"project.invalid_build_flags"_qs
                               << QJsonObject{{u"rejected"_qs, QJsonArray{u"--token"_qs}}} << u"buildFlags"_qs
                               << u"--token"_qs;
    }

    void refusalIsShownUnderItsField()
    {
        QFETCH(QString, code);
        QFETCH(QJsonObject, details);
        QFETCH(QString, field);
        QFETCH(QString, says);
        SettingsPage page;
        page.setProject(buildingProject(true));
        child<QComboBox>(page, u"settingsBuildGenerator"_qs)->setCurrentIndex(5); // npm: every row shown
        QVERIFY(page.showRefusal(ddd::core::Error::make(code, u"refused"_qs, details)));
        auto *label = child<QLabel>(page, u"settingsRefusal."_qs + field);
        QVERIFY(label->isVisibleTo(&page));
        QVERIFY2(label->text().contains(says), qPrintable(label->text()));
        const auto labels = page.findChildren<QLabel *>(QRegularExpression(u"^settingsRefusal\\."_qs));
        QCOMPARE(std::count_if(labels.cbegin(), labels.cend(), [&page](QLabel *l) { return l->isVisibleTo(&page); }), 1);
        page.setProject(buildingProject(true)); // Revert, or a reload after saving, forgets it
        QVERIFY(!label->isVisibleTo(&page));
    }

    void refusalsElsewhereAreNotPlacedInTheBuildGroup()
    {
        SettingsPage page;
        page.setProject(buildingProject(false));
        QVERIFY(!page.showRefusal(ddd::core::Error::make(u"project.invalid_domain"_qs, u"bad"_qs)));
        // A Git refusal from an agent whose Git fields are not shown has no field to sit under.
        QVERIFY(!page.showRefusal(ddd::core::Error::make(u"build.git_disabled"_qs, u"off"_qs)));
    }

    // A setting that does nothing is not offered: no box without HTTPS on
    // the agent (or from an agent without the setting), unless something is
    // on and must be turnable off.
    void httpsIsOfferedOnlyWhereItCanApply()
    {
        SettingsPage page;
        page.setProject(fixtureProject(0));
        QVERIFY(!shown(page, u"settingsHttps"_qs));
        page.setProject(httpsProject(false));
        QVERIFY(!shown(page, u"settingsHttps"_qs));
        child<QCheckBox>(page, u"settingsHttpsRedirect"_qs)->setChecked(true); // hidden: never sent
        QVERIFY(!page.hasChanges());
        page.setProject(httpsProject(false, true));
        QVERIFY(shown(page, u"settingsHttps"_qs));
        page.setProject(httpsProject(true));
        QVERIFY(shown(page, u"settingsHttps"_qs));
        QVERIFY(!page.hasChanges());
        QVERIFY(!child<QSpinBox>(page, u"settingsHstsDays"_qs)->isEnabled());
    }

    void changedHttpsTravelsWhole()
    {
        SettingsPage page;
        page.setProject(httpsProject(true));
        child<QCheckBox>(page, u"settingsHsts"_qs)->setChecked(true);
        child<QSpinBox>(page, u"settingsHstsDays"_qs)->setValue(730);
        child<QCheckBox>(page, u"settingsHstsSubdomains"_qs)->setChecked(true);
        const QJsonObject settings = page.changes().toJson()[u"settings"_qs].toObject();
        QCOMPARE(settings.keys(), QStringList{u"https"_qs});
        const QJsonObject expected{{u"redirect"_qs, false},
                                   {u"hsts"_qs, QJsonObject{{u"enabled"_qs, true}, {u"maxAge"_qs, 63072000},
                                                            {u"includeSubDomains"_qs, true}, {u"preload"_qs, false}}}};
        QCOMPARE(settings[u"https"_qs].toObject(), expected);
        QVERIFY(page.showRefusal(ddd::core::Error::make(u"project.invalid_hsts_preload"_qs, u"no"_qs)));
        QVERIFY(shown(page, u"settingsHttpsRefusal"_qs));
        QVERIFY(page.showRefusal(ddd::core::Error::make(u"project.https_unavailable"_qs, u"no"_qs)));
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
