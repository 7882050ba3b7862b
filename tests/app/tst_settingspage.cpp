// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/settingspage.h"
#include "tests/support/jsonfixture.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QtTest>

using namespace ddd::app;
using ddd::core::client::ProjectPatch;
using ddd::core::client::RemoteProject;
using ddd::test::JsonFixture;

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
