// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// What the client reads of a project's and a version's addresses and
// protection, and what it sends back: docs/api.md, "Projects" and "Site
// protection".
#include "core/client/projectpatch.h"
#include "core/client/remoteproject.h"
#include "core/wire/versionjson.h"
#include "tests/support/jsonfixture.h"

#include <QJsonArray>
#include <QtTest>

using namespace ddd::core;
using namespace ddd::core::client;
using ddd::test::JsonFixture;
using Scope = RemoteProject::ProtectionScope;

namespace {

QJsonObject fixtureProject(int index)
{
    return JsonFixture::json(u"api/projects.json"_qs)[index].toObject();
}

QJsonObject withSitePassword(QJsonObject project, const QJsonObject &sitePassword)
{
    QJsonObject settings = project[u"settings"_qs].toObject();
    settings.insert(u"sitePassword"_qs, sitePassword);
    project.insert(u"settings"_qs, settings);
    return project;
}

QString failedField(const Result<RemoteProject> &project)
{
    return project.ok() ? QString() : project.error().details[u"field"_qs].toString();
}

} // namespace

class TestRemoteProject final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void olderAgentLeavesAddressesToTheClient()
    {
        const auto project = RemoteProject::fromJson(fixtureProject(0));
        QVERIFY(project.ok());
        QVERIFY(!project->aliases.has_value()); // no alias editing against such an agent
        QVERIFY(!project->urls.has_value());
        QCOMPARE(project->settings.sitePasswordScope, Scope::AllHosts);
        QVERIFY(!project->settings.sitePasswordForced);
    }

    void readsScopeForceAliasesAndUrls()
    {
        QJsonObject json = withSitePassword(
            fixtureProject(0), {{u"enabled"_qs, true}, {u"users"_qs, QJsonArray{QJsonObject{{u"username"_qs, u"ann"_qs}}}},
                                {u"scope"_qs, u"staging"_qs}, {u"forced"_qs, true}});
        json.insert(u"aliases"_qs, QJsonArray{u"example.com"_qs, u"example.org"_qs});
        json.insert(u"urls"_qs, QJsonObject{{u"production"_qs, u"http://www.example.com:8081/"_qs},
                                           {u"staging"_qs, u"http://k3v9q2m7x1ab.localhost:8081/"_qs}});
        const auto project = RemoteProject::fromJson(json);
        QVERIFY(project.ok());
        QCOMPARE(project->settings.sitePasswordScope, Scope::StagingOnly);
        QVERIFY(project->settings.sitePasswordForced);
        QCOMPARE(*project->aliases, (QStringList{u"example.com"_qs, u"example.org"_qs}));
        QCOMPARE(project->urls->production, QUrl(u"http://www.example.com:8081/"_qs));
        QCOMPARE(project->urls->staging, QUrl(u"http://k3v9q2m7x1ab.localhost:8081/"_qs));
    }

    void projectWithoutDomainHasNoProductionUrl()
    {
        QJsonObject json = fixtureProject(1);
        json.insert(u"urls"_qs, QJsonObject{{u"production"_qs, QJsonValue::Null},
                                           {u"staging"_qs, u"https://p0q8w2e4r6ty.localhost/"_qs}});
        const auto project = RemoteProject::fromJson(json);
        QVERIFY(project.ok());
        QVERIFY(!project->urls->production.has_value());
    }

    void refusesWhatItCannotShowHonestly_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown scope") << u"settings"_qs
                                       << QJsonValue(QJsonObject{{u"sitePassword"_qs, QJsonObject{{u"scope"_qs, u"some"_qs}}}})
                                       << u"settings.scope"_qs;
        QTest::newRow("staging url not a web address")
            << u"urls"_qs << QJsonValue(QJsonObject{{u"production"_qs, QJsonValue::Null}, {u"staging"_qs, u"file:///etc/passwd"_qs}})
            << u"urls.staging"_qs;
        QTest::newRow("production url without host")
            << u"urls"_qs << QJsonValue(QJsonObject{{u"production"_qs, u"http:///"_qs}, {u"staging"_qs, u"http://a.b/"_qs}})
            << u"urls.production"_qs;
        QTest::newRow("alias not a string") << u"aliases"_qs << QJsonValue(QJsonArray{7}) << u"aliases"_qs;
        QTest::newRow("build not an object") << u"settings"_qs << QJsonValue(QJsonObject{{u"build"_qs, 3}})
                                             << u"settings.build"_qs;
        QTest::newRow("generator not a string")
            << u"settings"_qs << QJsonValue(QJsonObject{{u"build"_qs, QJsonObject{{u"generator"_qs, true}}}})
            << u"settings.build.generator"_qs;
        QTest::newRow("git branch not a string")
            << u"settings"_qs
            << QJsonValue(QJsonObject{{u"build"_qs, QJsonObject{{u"git"_qs, QJsonObject{{u"branch"_qs, 1}}}}}})
            << u"settings.build.git.branch"_qs;
    }

    void refusesWhatItCannotShowHonestly()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QJsonObject json = fixtureProject(0);
        json.insert(key, value);
        QCOMPARE(failedField(RemoteProject::fromJson(json)), field);
    }

    void patchSendsScopeWithThePasswordAndTheWholeAliasList()
    {
        ProjectPatch patch;
        patch.sitePassword = ProjectPatch::SitePassword{true, {{u"ann"_qs, {}}}, Scope::StagingOnly};
        patch.aliases = QStringList{u"example.com"_qs};
        const QJsonObject json = patch.toJson();
        QCOMPARE(json[u"aliases"_qs].toArray(), (QJsonArray{u"example.com"_qs}));
        const QJsonObject sitePassword = json[u"settings"_qs][u"sitePassword"_qs].toObject();
        QCOMPARE(sitePassword[u"scope"_qs].toString(), u"staging"_qs);
        QCOMPARE(sitePassword[u"users"_qs].toArray(), (QJsonArray{QJsonObject{{u"username"_qs, u"ann"_qs}}}));

        ProjectPatch cleared;
        cleared.aliases = QStringList();
        QCOMPARE(cleared.toJson()[u"aliases"_qs].toArray(), QJsonArray()); // sent, and empty: removes them all
        QVERIFY(!ProjectPatch().toJson().contains(u"aliases"_qs));
    }

    void buildSettingsAndGitAreReadWhenTheAgentHasThem()
    {
        const auto older = RemoteProject::fromJson(fixtureProject(0));
        QVERIFY(!older->settings.build.has_value()); // an agent from before builds: no build fields
        QVERIFY(!older->gitSource());

        QJsonObject json = fixtureProject(0);
        QJsonObject settings = json[u"settings"_qs].toObject();
        settings.insert(u"build"_qs, QJsonObject{{u"generator"_qs, u"npm"_qs}, {u"npmScript"_qs, u"export"_qs},
                                                 {u"outputDir"_qs, u"out"_qs}, {u"publishAutomatically"_qs, true}});
        json.insert(u"settings"_qs, settings);
        const auto withoutGit = RemoteProject::fromJson(json);
        QVERIFY(withoutGit.ok());
        QCOMPARE(withoutGit->settings.build->generator, u"npm"_qs);
        QCOMPARE(withoutGit->settings.build->npmScript, u"export"_qs);
        QCOMPARE(withoutGit->settings.build->outputDir, u"out"_qs);
        QVERIFY(withoutGit->settings.build->publishAutomatically);
        QVERIFY(!withoutGit->settings.build->git.has_value()); // agent without Git builds

        QJsonObject build = settings[u"build"_qs].toObject();
        build.insert(u"git"_qs, QJsonObject{{u"url"_qs, u""_qs}, {u"branch"_qs, u"main"_qs}});
        settings.insert(u"build"_qs, build);
        json.insert(u"settings"_qs, settings);
        const auto noRepository = RemoteProject::fromJson(json);
        QVERIFY(noRepository->settings.build->git.has_value());
        QVERIFY(!noRepository->gitSource()); // offered, but no URL saved

        build.insert(u"git"_qs, QJsonObject{{u"url"_qs, u"https://git.example.com/site.git"_qs}});
        settings.insert(u"build"_qs, build);
        json.insert(u"settings"_qs, settings);
        const auto withGit = RemoteProject::fromJson(json);
        QCOMPARE(withGit->gitSource()->url, u"https://git.example.com/site.git"_qs);
        QCOMPARE(withGit->gitSource()->branch, u"main"_qs); // the default when the agent leaves it out
    }

    void patchSendsOnlyTheChangedBuildFieldsAndGitWhole()
    {
        ProjectPatch patch;
        patch.build = ProjectPatch::Build{};
        QVERIFY(!patch.toJson().contains(u"settings"_qs)); // an empty build object does not travel
        patch.build->npmScript = u"export"_qs;
        patch.build->git = RemoteProject::GitSource{u"https://git.example.com/site.git"_qs, u"pages"_qs};
        const QJsonObject build = patch.toJson()[u"settings"_qs][u"build"_qs].toObject();
        QCOMPARE(build.keys(), (QStringList{u"git"_qs, u"npmScript"_qs}));
        QCOMPARE(build[u"npmScript"_qs].toString(), u"export"_qs);
        QCOMPARE(build[u"git"_qs].toObject(), (QJsonObject{{u"url"_qs, u"https://git.example.com/site.git"_qs},
                                                         {u"branch"_qs, u"pages"_qs}}));
    }

    void versionPreviewAddressIsReadWhenOffered()
    {
        QJsonObject json = JsonFixture::json(u"api/deploys.json"_qs)[0].toObject();
        QVERIFY(wire::versionFromJson(json)->previewUrl.isEmpty());
        json.insert(u"previewUrl"_qs, u"http://3--k3v9q2m7x1ab.localhost:8081/"_qs);
        QCOMPARE(wire::versionFromJson(json)->previewUrl, QUrl(u"http://3--k3v9q2m7x1ab.localhost:8081/"_qs));
        json.insert(u"previewUrl"_qs, u"javascript:alert(1)"_qs);
        const auto refused = wire::versionFromJson(json);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().details[u"field"_qs].toString(), u"previewUrl"_qs);
    }
};

QTEST_GUILESS_MAIN(TestRemoteProject)
#include "tst_remoteproject.moc"
