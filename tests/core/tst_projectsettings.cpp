// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/httpssettings.h"
#include "core/model/projectsettings.h"
#include "core/storage/projectsettingsrecord.h"
#include "core/wire/projectjson.h"

#include <QtTest>

using ddd::core::Error;
using ddd::core::Result;
using ddd::core::model::ProjectSettings;

namespace {

QJsonObject object(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    Q_ASSERT(document.isObject());
    return document.object();
}

QByteArray quoted(const QString &text)
{
    return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).sliced(1).chopped(1);
}

} // namespace

class TestProjectSettings final : public QObject
{
    Q_OBJECT

private:
    int m_hashes = 0;

    ProjectSettings::Policy policy(QStringList allowlist = {u"--minify"_qs, u"--baseURL"_qs, u"--drafts"_qs})
    {
        return {allowlist, [this](const QString &password) -> Result<QString> {
                    ++m_hashes;
                    return u"$fake$"_qs + QString::number(password.size()) + u'$' + QString::number(m_hashes);
                }};
    }

    ProjectSettings withUsers()
    {
        ProjectSettings settings;
        settings.sitePassword = {true, {{u"ann"_qs, u"$fake$ann"_qs}, {u"ben"_qs, u"$fake$ben"_qs}}};
        return settings;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_hashes = 0; }

    void emptyObjectGivesDefaults()
    {
        const auto settings = ProjectSettings::fromJson({}, {}, policy());
        QVERIFY(settings.ok());
        QCOMPARE(*settings, ProjectSettings());
        QCOMPARE(settings->spaMode, false);
        QCOMPARE(settings->optOutMinify, false);
        QVERIFY(settings->buildFlags.isEmpty());
        QCOMPARE(settings->sitePassword.enabled, false);
    }

    void setsEveryField()
    {
        const auto settings = ProjectSettings::fromJson(
            object(R"({"spaMode": true, "optOutMinify": true, "buildFlags": ["--minify", "--baseURL=https://a.example/"],)"
                R"("sitePassword": {"enabled": true, "users": [{"username": "ann", "password": "correct horse"}]}})"),
            {}, policy());
        QVERIFY(settings.ok());
        QVERIFY(settings->spaMode);
        QVERIFY(settings->optOutMinify);
        QCOMPARE(settings->buildFlags, (QStringList{u"--minify"_qs, u"--baseURL=https://a.example/"_qs}));
        QVERIFY(settings->sitePassword.enabled);
        QCOMPARE(settings->sitePassword.users.size(), 1);
        QCOMPARE(settings->sitePassword.users[0].username, u"ann"_qs);
        QCOMPARE(settings->sitePassword.users[0].passwordHash, u"$fake$13$1"_qs);
        QCOMPARE(m_hashes, 1);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("index"); // -1: none

        const QByteArray longFlag = quoted(u'-' + QString(200, u'a'));
        const QByteArray longName = quoted(QString(65, u'n'));
        const QByteArray longPassword = quoted(QString(1025, u'p'));
        QByteArray manyFlags = "[";
        QByteArray manyUsers = "[";
        for (int i = 0; i < 21; ++i) {
            manyFlags += (i ? ",\"--f" : "\"--f") + QByteArray::number(i) + '"';
            manyUsers += (i ? ",{\"username\":\"u" : "{\"username\":\"u") + QByteArray::number(i) + "\",\"password\":\"12345678\"}";
        }
        manyFlags += ']';
        manyUsers += ']';
        auto user = [](const QByteArray &body) { return R"({"sitePassword": {"users": [)" + body + "]}}"; };

        QTest::newRow("unknown field") << QByteArray(R"({"userSnippet": ""})") << u"userSnippet"_qs << u"unknown_field"_qs << -1;
        QTest::newRow("spaMode string") << QByteArray(R"({"spaMode": "yes"})") << u"spaMode"_qs << u"not_boolean"_qs << -1;
        QTest::newRow("spaMode null") << QByteArray(R"({"spaMode": null})") << u"spaMode"_qs << u"not_boolean"_qs << -1;
        QTest::newRow("optOutMinify number") << QByteArray(R"({"optOutMinify": 1})") << u"optOutMinify"_qs << u"not_boolean"_qs << -1;
        QTest::newRow("flags not array") << QByteArray(R"({"buildFlags": "--minify"})") << u"buildFlags"_qs << u"not_array"_qs << -1;
        QTest::newRow("flag not string") << QByteArray(R"({"buildFlags": ["--minify", 1]})") << u"buildFlags"_qs << u"not_string"_qs << 1;
        QTest::newRow("empty flag") << QByteArray(R"({"buildFlags": [""]})") << u"buildFlags"_qs << u"empty"_qs << 0;
        QTest::newRow("flag without hyphen") << QByteArray(R"({"buildFlags": ["minify"]})") << u"buildFlags"_qs << u"must_start_with_hyphen"_qs << 0;
        QTest::newRow("flag with newline") << QByteArray(R"({"buildFlags": ["--minify\n--drafts"]})") << u"buildFlags"_qs << u"control_character"_qs << 0;
        QTest::newRow("flag of 201") << "{\"buildFlags\": [" + longFlag + "]}" << u"buildFlags"_qs << u"too_long"_qs << 0;
        QTest::newRow("duplicate flag") << QByteArray(R"({"buildFlags": ["--minify", "--minify"]})") << u"buildFlags"_qs << u"duplicate"_qs << 1;
        QTest::newRow("21 flags") << "{\"buildFlags\": " + manyFlags + "}" << u"buildFlags"_qs << u"too_many"_qs << -1;
        QTest::newRow("sitePassword bool") << QByteArray(R"({"sitePassword": true})") << u"sitePassword"_qs << u"not_object"_qs << -1;
        QTest::newRow("sitePassword unknown") << QByteArray(R"({"sitePassword": {"realm": "x"}})") << u"sitePassword.realm"_qs << u"unknown_field"_qs << -1;
        QTest::newRow("enabled string") << QByteArray(R"({"sitePassword": {"enabled": "true"}})") << u"sitePassword.enabled"_qs << u"not_boolean"_qs << -1;
        QTest::newRow("users object") << QByteArray(R"({"sitePassword": {"users": {}}})") << u"sitePassword.users"_qs << u"not_array"_qs << -1;
        QTest::newRow("21 users") << "{\"sitePassword\": {\"users\": " + manyUsers + "}}" << u"sitePassword.users"_qs << u"too_many"_qs << -1;
        QTest::newRow("user not object") << user("1") << u"sitePassword.users"_qs << u"not_object"_qs << 0;
        QTest::newRow("user unknown field") << user(R"({"username": "ann", "password": "12345678", "role": "x"})") << u"sitePassword.users.role"_qs << u"unknown_field"_qs << 0;
        QTest::newRow("username missing") << user(R"({"password": "12345678"})") << u"sitePassword.users.username"_qs << u"not_string"_qs << 0;
        QTest::newRow("username empty") << user(R"({"username": "", "password": "12345678"})") << u"sitePassword.users.username"_qs << u"empty"_qs << 0;
        QTest::newRow("username colon") << user(R"({"username": "a:b", "password": "12345678"})") << u"sitePassword.users.username"_qs << u"invalid_character"_qs << 0;
        QTest::newRow("username tab") << user(R"({"username": "a\tb", "password": "12345678"})") << u"sitePassword.users.username"_qs << u"control_character"_qs << 0;
        QTest::newRow("username of 65") << user("{\"username\": " + longName + ", \"password\": \"12345678\"}") << u"sitePassword.users.username"_qs << u"too_long"_qs << 0;
        QTest::newRow("duplicate username") << user(R"({"username": "ann", "password": "12345678"}, {"username": "ann", "password": "87654321"})") << u"sitePassword.users.username"_qs << u"duplicate"_qs << 1;
        QTest::newRow("password number") << user(R"({"username": "ann", "password": 12345678})") << u"sitePassword.users.password"_qs << u"not_string"_qs << 0;
        QTest::newRow("password of 7") << user(R"({"username": "ann", "password": "1234567"})") << u"sitePassword.users.password"_qs << u"too_short"_qs << 0;
        QTest::newRow("password of 1025 bytes") << user("{\"username\": \"ann\", \"password\": " + longPassword + "}") << u"sitePassword.users.password"_qs << u"too_long"_qs << 0;
        QTest::newRow("password with NUL") << user(R"({"username": "ann", "password": "1234\u00005678"})") << u"sitePassword.users.password"_qs << u"control_character"_qs << 0;
        QTest::newRow("new user without password") << user(R"({"username": "ann", "password": "12345678"}, {"username": "cat"})") << u"sitePassword.users.password"_qs << u"password_required"_qs << 1;
        QTest::newRow("scope unknown") << QByteArray(R"({"sitePassword": {"scope": "production"}})") << u"sitePassword.scope"_qs << u"not_a_scope"_qs << -1;
        QTest::newRow("scope not string") << QByteArray(R"({"sitePassword": {"scope": true}})") << u"sitePassword.scope"_qs << u"not_a_scope"_qs << -1;
        QTest::newRow("share generation from client") << QByteArray(R"({"sitePassword": {"shareLinkGeneration": 0}})") << u"sitePassword.shareLinkGeneration"_qs << u"unknown_field"_qs << -1;
        QTest::newRow("enabled without users") << QByteArray(R"({"sitePassword": {"enabled": true}})") << u"sitePassword"_qs << u"no_users"_qs << -1;
        QTest::newRow("build not object") << QByteArray(R"({"build": "hugo"})") << u"build"_qs << u"not_object"_qs << -1;
        QTest::newRow("build unknown") << QByteArray(R"({"build": {"command": "rm -rf /"}})") << u"build.command"_qs << u"unknown_field"_qs << -1;
        QTest::newRow("generator unknown") << QByteArray(R"({"build": {"generator": "gatsby"}})") << u"build.generator"_qs << u"unknown_generator"_qs << -1;
        QTest::newRow("generator number") << QByteArray(R"({"build": {"generator": 1}})") << u"build.generator"_qs << u"not_string"_qs << -1;
        QTest::newRow("script not allowed") << QByteArray(R"({"build": {"npmScript": "postinstall"}})") << u"build.npmScript"_qs << u"script_not_allowed"_qs << -1;
        QTest::newRow("script empty") << QByteArray(R"({"build": {"npmScript": ""}})") << u"build.npmScript"_qs << u"empty"_qs << -1;
        QTest::newRow("outputDir absolute") << QByteArray(R"({"build": {"outputDir": "/etc"}})") << u"build.outputDir"_qs << u"unsafe_path"_qs << -1;
        QTest::newRow("outputDir climbs") << QByteArray(R"({"build": {"outputDir": "dist/../../x"}})") << u"build.outputDir"_qs << u"unsafe_path"_qs << -1;
        QTest::newRow("outputDir backslash") << QByteArray(R"({"build": {"outputDir": "a\\b"}})") << u"build.outputDir"_qs << u"unsafe_path"_qs << -1;
        QTest::newRow("outputDir dot") << QByteArray(R"({"build": {"outputDir": "./dist"}})") << u"build.outputDir"_qs << u"not_normalised"_qs << -1;
        QTest::newRow("outputDir only dot") << QByteArray(R"({"build": {"outputDir": "."}})") << u"build.outputDir"_qs << u"unsafe_path"_qs << -1;
        QTest::newRow("outputDir newline") << QByteArray(R"({"build": {"outputDir": "a\nb"}})") << u"build.outputDir"_qs << u"control_character"_qs << -1;
        QTest::newRow("publish string") << QByteArray(R"({"build": {"publishAutomatically": "yes"}})") << u"build.publishAutomatically"_qs << u"not_boolean"_qs << -1;
    }

    void scopeIsSetAndKept()
    {
        const auto staging = ProjectSettings::fromJson(object(R"({"sitePassword": {"scope": "staging"}})"), withUsers(), policy());
        QVERIFY(staging.ok());
        QCOMPARE(staging->sitePassword.scope, ProjectSettings::ProtectionScope::StagingOnly);
        QCOMPARE(staging->sitePassword.users, withUsers().sitePassword.users);
        const auto kept = ProjectSettings::fromJson(object(R"({"sitePassword": {"enabled": false}})"), *staging, policy());
        QCOMPARE(kept->sitePassword.scope, ProjectSettings::ProtectionScope::StagingOnly);
        QCOMPARE(ddd::core::wire::toJson(*kept).value(u"sitePassword"_qs).toObject().value(u"scope"_qs).toString(),
                 u"staging"_qs);
    }

    void storedRecordKeepsScopeAndShareGeneration()
    {
        ProjectSettings settings = withUsers();
        settings.sitePassword.scope = ProjectSettings::ProtectionScope::StagingOnly;
        settings.sitePassword.shareLinkGeneration = 3;
        const QString text = ddd::core::storage::ProjectSettingsRecord::toText(settings);
        QCOMPARE(ddd::core::storage::ProjectSettingsRecord::fromText(text).value(), settings);
        // Rows written before these keys existed read as "all" and generation 0.
        const auto old = ddd::core::storage::ProjectSettingsRecord::fromText(
            uR"({"sitePassword": {"enabled": true, "users": []}})"_qs);
        QCOMPARE(old->sitePassword.scope, ProjectSettings::ProtectionScope::AllHosts);
        QCOMPARE(old->sitePassword.shareLinkGeneration, 0);
        QCOMPARE(ddd::core::storage::ProjectSettingsRecord::fromText(uR"({"sitePassword": {"scope": "x"}})"_qs).error().code,
                 u"storage.corrupt"_qs);
        // The client-facing form never carries the generation.
        QVERIFY(!ddd::core::wire::toJson(settings).value(u"sitePassword"_qs).toObject().contains(u"shareLinkGeneration"_qs));
    }

    // settings.https: stored and read back, old rows read as off, and the
    // unavailable refusal only for turning a setting on.
    void httpsIsStoredAndOnlyTurningOnNeedsHttps()
    {
        ProjectSettings::Policy withHttps = policy();
        withHttps.httpsAvailable = [] { return true; };
        const auto on = ProjectSettings::fromJson(
            object(R"({"https": {"redirect": true, "hsts": {"enabled": true, "maxAge": 600}}})"), {}, withHttps);
        QVERIFY(on);
        QVERIFY(on->https.redirect);
        QCOMPARE(on->https.hsts.maxAge, 600);
        const QString text = ddd::core::storage::ProjectSettingsRecord::toText(*on);
        QCOMPARE(ddd::core::storage::ProjectSettingsRecord::fromText(text).value(), *on);
        QCOMPARE(ddd::core::storage::ProjectSettingsRecord::fromText(u"{}"_qs)->https, ProjectSettings::Https());
        QCOMPARE(ddd::core::storage::ProjectSettingsRecord::fromText(uR"({"https": 1})"_qs).error().code,
                 u"storage.corrupt"_qs);

        // Without HTTPS: what is on stays on when sent again whole; off always passes.
        const auto again = ProjectSettings::fromJson(
            object(R"({"https": {"redirect": true, "hsts": {"enabled": true, "maxAge": 900}}})"), *on, policy());
        QVERIFY(again);
        QCOMPARE(again->https.hsts.maxAge, 900);
        QVERIFY(ProjectSettings::fromJson(object(R"({"https": {"redirect": false}})"), *on, policy()));
        const auto refused = ProjectSettings::fromJson(object(R"({"https": {"redirect": true}})"), {}, policy());
        QCOMPARE(refused.error().code, u"project.https_unavailable"_qs);
    }

    void hstsHeaderValue()
    {
        ProjectSettings::Https::Hsts hsts;
        QCOMPARE(ddd::core::model::HttpsSettings::headerValue(hsts), QByteArray("max-age=31536000"));
        hsts.includeSubDomains = true;
        hsts.preload = true;
        hsts.maxAge = 63072000;
        QCOMPARE(ddd::core::model::HttpsSettings::headerValue(hsts),
                 QByteArray("max-age=63072000; includeSubDomains; preload"));
    }

    void refusals()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        QFETCH(int, index);
        const auto settings = ProjectSettings::fromJson(object(json), {}, policy());
        QVERIFY(!settings.ok());
        QCOMPARE(settings.error().code, u"project.invalid_settings"_qs);
        QCOMPARE(settings.error().details.value(u"field"_qs).toString(), field);
        QCOMPARE(settings.error().details.value(u"reason"_qs).toString(), reason);
        QCOMPARE(settings.error().details.value(u"index"_qs).toInt(-1), index);
        // Refused requests cost no hashing.
        QCOMPARE(m_hashes, 0);
        QVERIFY(!settings.error().message.contains(u"12345678"_qs));
    }

    void lengthsCountCharactersNotBytes()
    {
        // 199 two-byte characters: 200 characters and 399 bytes.
        const QString flag = u'-' + QString(199, u'é');
        const QString username = QString(64, u'ü');
        QJsonObject json{{u"buildFlags"_qs, QJsonArray{flag}}};
        json.insert(u"sitePassword"_qs, QJsonObject{{u"users"_qs, QJsonArray{QJsonObject{
                                                        {u"username"_qs, username}, {u"password"_qs, u"päßwörd!"_qs}}}}});
        const auto settings = ProjectSettings::fromJson(json, {}, policy({u'-' + QString(199, u'é')}));
        QVERIFY2(settings.ok(), qPrintable(settings.ok() ? QString() : settings.error().message));
        QCOMPARE(settings->buildFlags, QStringList{flag});
        QCOMPARE(settings->sitePassword.users[0].username, username);
    }

    void allowlist_data()
    {
        QTest::addColumn<QStringList>("allowlist");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QStringList>("rejected"); // empty: accepted

        const QStringList hugo = {u"--minify"_qs, u"--baseURL"_qs};
        QTest::newRow("allowed") << hugo << QStringList{u"--minify"_qs} << QStringList();
        QTest::newRow("name before =") << hugo << QStringList{u"--baseURL=https://x.example/"_qs} << QStringList();
        QTest::newRow("no flags, empty list") << QStringList() << QStringList() << QStringList();
        QTest::newRow("empty list allows nothing") << QStringList() << QStringList{u"--minify"_qs} << QStringList{u"--minify"_qs};
        QTest::newRow("names only, values never echoed") << hugo << QStringList{u"--token=s3cret"_qs, u"--minify"_qs, u"--drafts"_qs}
                                                         << QStringList{u"--token"_qs, u"--drafts"_qs};
        QTest::newRow("each name once") << hugo << QStringList{u"--x=1"_qs, u"--x=2"_qs} << QStringList{u"--x"_qs};
        QTest::newRow("prefix is not a match") << hugo << QStringList{u"--minify-all"_qs} << QStringList{u"--minify-all"_qs};
        QTest::newRow("case matters") << hugo << QStringList{u"--MINIFY"_qs} << QStringList{u"--MINIFY"_qs};
    }

    void allowlist()
    {
        QFETCH(QStringList, allowlist);
        QFETCH(QStringList, flags);
        QFETCH(QStringList, rejected);
        const QJsonObject json{{u"buildFlags"_qs, QJsonArray::fromStringList(flags)}};
        const auto settings = ProjectSettings::fromJson(json, {}, policy(allowlist));
        if (rejected.isEmpty()) {
            QVERIFY(settings.ok());
            QCOMPARE(settings->buildFlags, flags);
            return;
        }
        QVERIFY(!settings.ok());
        QCOMPARE(settings.error().code, u"project.invalid_build_flags"_qs);
        QCOMPARE(settings.error().details.value(u"rejected"_qs).toVariant().toStringList(), rejected);
        const QByteArray whole = QJsonDocument(settings.error().details).toJson() + settings.error().message.toUtf8();
        QVERIFY(!whole.contains("s3cret"));
    }

    void buildFlagName_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("name");
        QTest::newRow("bare") << u"--minify"_qs << u"--minify"_qs;
        QTest::newRow("value") << u"--token=abc"_qs << u"--token"_qs;
        QTest::newRow("first = only") << u"--a=b=c"_qs << u"--a"_qs;
        QTest::newRow("empty value") << u"-x="_qs << u"-x"_qs;
    }

    void buildFlagName()
    {
        QFETCH(QString, flag);
        QFETCH(QString, name);
        QCOMPARE(ProjectSettings::buildFlagName(flag), name);
    }

    void mergesGivenFieldsOverBase()
    {
        ProjectSettings base = withUsers();
        base.spaMode = true;
        base.buildFlags = {u"--minify"_qs};
        const auto merged = ProjectSettings::fromJson(object(R"({"optOutMinify": true})"), base, policy());
        QVERIFY(merged.ok());
        ProjectSettings expected = base;
        expected.optOutMinify = true;
        QCOMPARE(*merged, expected);
    }

    void buildFlagsReplaceTheOldList()
    {
        ProjectSettings base;
        base.buildFlags = {u"--minify"_qs, u"--drafts"_qs};
        const auto merged = ProjectSettings::fromJson(object(R"({"buildFlags": []})"), base, policy());
        QVERIFY(merged.ok());
        QVERIFY(merged->buildFlags.isEmpty());
    }

    void togglingSitePasswordKeepsUsers()
    {
        const auto merged = ProjectSettings::fromJson(object(R"({"sitePassword": {"enabled": false}})"), withUsers(), policy());
        QVERIFY(merged.ok());
        QCOMPARE(merged->sitePassword.enabled, false);
        QCOMPARE(merged->sitePassword.users, withUsers().sitePassword.users);
        QCOMPARE(m_hashes, 0);
    }

    void usersKeepHashesUnlessGivenAPassword()
    {
        const auto merged = ProjectSettings::fromJson(
            object(R"({"sitePassword": {"users": [{"username": "ben"}, {"username": "cat", "password": "new password"}]}})"),
            withUsers(), policy());
        QVERIFY(merged.ok());
        QVERIFY(merged->sitePassword.enabled);
        const QList<ProjectSettings::SiteUser> expected = {{u"ben"_qs, u"$fake$ben"_qs}, {u"cat"_qs, u"$fake$12$1"_qs}};
        QCOMPARE(merged->sitePassword.users, expected); // ann was not listed, so she is gone
        QCOMPARE(m_hashes, 1);
    }

    void removingEveryUserOfAnEnabledSiteIsRefused()
    {
        const auto merged = ProjectSettings::fromJson(object(R"({"sitePassword": {"users": []}})"), withUsers(), policy());
        QVERIFY(!merged.ok());
        QCOMPARE(merged.error().details.value(u"reason"_qs).toString(), u"no_users"_qs);
    }

    void hasherFailurePropagates()
    {
        ProjectSettings::Policy failing = policy();
        failing.hashPassword = [](const QString &) -> Result<QString> {
            return Error::make(u"auth.hashing_busy"_qs, u"busy"_qs);
        };
        const auto settings = ProjectSettings::fromJson(
            object(R"({"sitePassword": {"users": [{"username": "ann", "password": "12345678"}]}})"), {}, failing);
        QVERIFY(!settings.ok());
        QCOMPARE(settings.error().code, u"auth.hashing_busy"_qs);
    }

    void buildObjectMergesAndRoundTrips()
    {
        ProjectSettings base;
        base.build.outputDir = u"public/html"_qs;
        auto policyWithScripts = policy();
        policyWithScripts.npmScripts = {u"build"_qs, u"docs"_qs};
        const auto settings = ProjectSettings::fromJson(
            object(R"({"build": {"generator": "npm", "npmScript": "docs", "publishAutomatically": true}})"), base,
            policyWithScripts);
        QVERIFY(settings.ok());
        QCOMPARE(settings->build, (ProjectSettings::Build{u"npm"_qs, u"docs"_qs, u"public/html"_qs, true}));
        // The default policy allows "build" and "export" only.
        QVERIFY(!ProjectSettings::fromJson(object(R"({"build": {"npmScript": "docs"}})"), {}, policy()).ok());
        QVERIFY(ProjectSettings::fromJson(object(R"({"build": {"npmScript": "export", "outputDir": ""}})"), {}, policy()).ok());

        const QString text = ddd::core::storage::ProjectSettingsRecord::toText(*settings);
        QCOMPARE(ddd::core::storage::ProjectSettingsRecord::fromText(text).value(), *settings);
        // Rows written before builds existed read as the defaults.
        const auto old = ddd::core::storage::ProjectSettingsRecord::fromText(
            uR"({"spaMode": false, "optOutMinify": false, "buildFlags": [], "sitePassword": {"enabled": false, "users": []}})"_qs);
        QCOMPARE(old->build, ProjectSettings::Build());
        QCOMPARE(ddd::core::storage::ProjectSettingsRecord::fromText(
                     uR"({"spaMode": false, "optOutMinify": false, "buildFlags": [], "sitePassword": {}, "build": {"generator": 1}})"_qs)
                     .error().code,
                 u"storage.corrupt"_qs);

        const QJsonObject json = ddd::core::wire::toJson(*settings).value(u"build"_qs).toObject();
        QCOMPARE(json, (QJsonObject{{u"generator"_qs, u"npm"_qs}, {u"npmScript"_qs, u"docs"_qs},
                                    {u"outputDir"_qs, u"public/html"_qs}, {u"publishAutomatically"_qs, true},
                                    {u"git"_qs, QJsonObject{{u"url"_qs, QString()}, {u"branch"_qs, u"main"_qs}}}}));
    }

    void gitObjectMergesValidatesAndRoundTrips()
    {
        const auto settings = ProjectSettings::fromJson(
            object("{\"build\": {\"git\": {\"url\": \"https://example.org/site.git\", \"branch\": \"pages\"}}}"), {}, policy());
        QVERIFY(settings.ok());
        QCOMPARE(settings->build.git, (ddd::core::build::GitSource{u"https://example.org/site.git"_qs, u"pages"_qs}));
        // Only the branch: the URL stays.
        const auto branch = ProjectSettings::fromJson(object("{\"build\": {\"git\": {\"branch\": \"main\"}}}"), *settings,
                                                      policy());
        QCOMPARE(branch->build.git.url, u"https://example.org/site.git"_qs);
        const QString text = ddd::core::storage::ProjectSettingsRecord::toText(*settings);
        QCOMPARE(ddd::core::storage::ProjectSettingsRecord::fromText(text).value(), *settings);
        // Rows written before Git builds have no "git".
        const auto old = ddd::core::storage::ProjectSettingsRecord::fromText(
            QString::fromUtf8("{\"spaMode\": false, \"optOutMinify\": false, \"buildFlags\": [], \"sitePassword\": {\"enabled\": false, \"users\": []}, \"build\": {\"generator\": \"auto\", \"npmScript\": \"build\", \"outputDir\": \"\", \"publishAutomatically\": false}}"));
        QCOMPARE(old->build.git, ddd::core::build::GitSource());

        const auto code = [this](const char *json, bool enabled = true) {
            auto gitPolicy = policy();
            gitPolicy.gitBuilds = enabled;
            const auto result = ProjectSettings::fromJson(object(json), {}, gitPolicy);
            return result.ok() ? QString() : result.error().code;
        };
        QCOMPARE(code("{\"build\": {\"git\": {\"url\": \"https://a:b@example.org/x\"}}}"), u"build.invalid_git_url"_qs);
        QCOMPARE(code("{\"build\": {\"git\": {\"url\": \"https://example.org/x\", \"branch\": \"-f\"}}}"),
                 u"build.invalid_git_branch"_qs);
        QCOMPARE(code("{\"build\": {\"git\": {\"url\": \"https://example.org/x\"}}}", false), u"build.git_disabled"_qs);
        QCOMPARE(code("{\"build\": {\"git\": {\"url\": \"\"}}}", false), QString());
        QCOMPARE(code("{\"build\": {\"git\": {\"url\": 1}}}"), u"project.invalid_settings"_qs);
        QCOMPARE(code("{\"build\": {\"git\": {\"url\": \"https://example.org/x\", \"token\": \"x\"}}}"),
                 u"project.invalid_settings"_qs);
        QCOMPARE(code("{\"build\": {\"git\": \"https://example.org/x\"}}"), u"project.invalid_settings"_qs);
    }

    void clientJsonCarriesNoSecrets()
    {
        const auto settings = ProjectSettings::fromJson(
            object(R"({"sitePassword": {"enabled": true, "users": [{"username": "ann", "password": "hunter2hunter2"}]}})"),
            {}, policy());
        QVERIFY(settings.ok());
        const QJsonObject json = ddd::core::wire::toJson(*settings);
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        QVERIFY(!text.contains("hunter2"));
        QVERIFY(!text.contains("$fake$"));
        QVERIFY(!text.contains("password\":"));
        const QJsonObject sitePassword = json.value(u"sitePassword"_qs).toObject();
        QCOMPARE(sitePassword.value(u"enabled"_qs).toBool(), true);
        const QJsonObject user = sitePassword.value(u"users"_qs).toArray().at(0).toObject();
        QCOMPARE(user.keys(), QStringList{u"username"_qs});
        QCOMPARE(user.value(u"username"_qs).toString(), u"ann"_qs);
    }
};

QTEST_GUILESS_MAIN(TestProjectSettings)
#include "tst_projectsettings.moc"
