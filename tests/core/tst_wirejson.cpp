// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/errorjson.h"
#include "core/wire/projectjson.h"
#include "core/wire/timestampjson.h"
#include "core/wire/userjson.h"

#include <QtTest>

using ddd::core::Error;
using ddd::core::model::Project;
using ddd::core::model::Role;
using ddd::core::model::User;
namespace wire = ddd::core::wire;

namespace {

// 2027-01-15T08:00:00.123Z
constexpr qint64 SomeTime = 1'800'000'000'123;

Project sampleProject()
{
    Project project;
    project.id = 7;
    project.ownerId = 3;
    project.name = u"Blög"_qs;
    project.domain = u"blog.example.com"_qs;
    project.aliases = {u"blog.example.org"_qs};
    project.slug = u"abcdefghijk1"_qs;
    project.settings.spaMode = true;
    project.settings.buildFlags = {u"--minify"_qs};
    project.settings.sitePassword = {true, {{u"ann"_qs, u"$argon2id$v=19$secret-hash"_qs}}};
    project.settings.build = {u"npm"_qs, u"export"_qs, u"out"_qs, true};
    project.createdAt = SomeTime;
    project.updatedAt = SomeTime + 1000;
    return project;
}

QJsonObject withField(QJsonObject json, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        if (value.isUndefined())
            json.remove(path.first());
        else
            json.insert(path.first(), value);
        return json;
    }
    json.insert(path.first(), withField(json.value(path.first()).toObject(), path.mid(1), value));
    return json;
}

} // namespace

class TestWireJson final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void projectShape()
    {
        const QJsonObject json = wire::toJson(sampleProject());
        QStringList keys = json.keys();
        QCOMPARE(keys, (QStringList{u"aliases"_qs, u"createdAt"_qs, u"domain"_qs, u"id"_qs, u"name"_qs, u"ownerId"_qs,
                                    u"settings"_qs, u"slug"_qs, u"updatedAt"_qs}));
        QCOMPARE(json.value(u"id"_qs).toInteger(), 7);
        QCOMPARE(json.value(u"createdAt"_qs).toString(), wire::timestampToJson(SomeTime));
        QVERIFY(json.value(u"createdAt"_qs).toString().endsWith(u".123Z"_qs));
        QVERIFY(!QJsonDocument(json).toJson().contains("secret-hash"));

        Project noDomain = sampleProject();
        noDomain.domain.reset();
        QVERIFY(wire::toJson(noDomain).value(u"domain"_qs).isNull());
    }

    void projectRoundTripsWithoutSecrets()
    {
        Project expected = sampleProject();
        expected.settings.sitePassword.users[0].passwordHash.clear();
        const auto decoded = wire::projectFromJson(wire::toJson(sampleProject()));
        QVERIFY(decoded.ok());
        QCOMPARE(*decoded, expected);

        expected.domain.reset();
        QCOMPARE(*wire::projectFromJson(wire::toJson(expected)), expected);
    }

    void malformedProject_data()
    {
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QJsonValue>("value"); // undefined: removed
        QTest::addColumn<QString>("field");
        QTest::newRow("id missing") << QStringList{u"id"_qs} << QJsonValue(QJsonValue::Undefined) << u"id"_qs;
        QTest::newRow("id string") << QStringList{u"id"_qs} << QJsonValue(u"7"_qs) << u"id"_qs;
        QTest::newRow("id fraction") << QStringList{u"id"_qs} << QJsonValue(7.5) << u"id"_qs;
        QTest::newRow("name null") << QStringList{u"name"_qs} << QJsonValue(QJsonValue::Null) << u"name"_qs;
        QTest::newRow("domain number") << QStringList{u"domain"_qs} << QJsonValue(1) << u"domain"_qs;
        QTest::newRow("time without zone") << QStringList{u"createdAt"_qs} << QJsonValue(u"2027-01-15T08:00:00"_qs) << u"createdAt"_qs;
        QTest::newRow("time garbage") << QStringList{u"updatedAt"_qs} << QJsonValue(u"yesterday"_qs) << u"updatedAt"_qs;
        QTest::newRow("settings missing") << QStringList{u"settings"_qs} << QJsonValue(QJsonValue::Undefined) << u"settings"_qs;
        QTest::newRow("spaMode string") << QStringList{u"settings"_qs, u"spaMode"_qs} << QJsonValue(u"yes"_qs) << u"settings.spaMode"_qs;
        QTest::newRow("flags of numbers") << QStringList{u"settings"_qs, u"buildFlags"_qs} << QJsonValue(QJsonArray{1}) << u"settings.buildFlags"_qs;
        QTest::newRow("enabled missing") << QStringList{u"settings"_qs, u"sitePassword"_qs, u"enabled"_qs} << QJsonValue(QJsonValue::Undefined) << u"settings.sitePassword.enabled"_qs;
        QTest::newRow("user not object") << QStringList{u"settings"_qs, u"sitePassword"_qs, u"users"_qs} << QJsonValue(QJsonArray{1}) << u"settings.sitePassword.users"_qs;
        QTest::newRow("username number") << QStringList{u"settings"_qs, u"sitePassword"_qs, u"users"_qs}
                                         << QJsonValue(QJsonArray{QJsonObject{{u"username"_qs, 1}}})
                                         << u"settings.sitePassword.users.username"_qs;
        QTest::newRow("build generator number") << QStringList{u"settings"_qs, u"build"_qs, u"generator"_qs} << QJsonValue(1)
                                                << u"settings.build.generator"_qs;
    }

    void agentsBeforeBuildsSendNoBuildObject()
    {
        const QJsonObject json = withField(wire::toJson(sampleProject()), {u"settings"_qs, u"build"_qs},
                                           QJsonValue(QJsonValue::Undefined));
        const auto decoded = wire::projectFromJson(json);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->settings.build, ddd::core::model::ProjectSettings::Build());
    }

    void malformedProject()
    {
        QFETCH(QStringList, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        const auto decoded = wire::projectFromJson(withField(wire::toJson(sampleProject()), path, value));
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, u"wire.unexpected_json"_qs);
        QCOMPARE(decoded.error().details.value(u"field"_qs).toString(), field);
    }

    void unknownFieldsFromNewerAgentsAreIgnored()
    {
        QJsonObject json = wire::toJson(sampleProject());
        json.insert(u"liveVersion"_qs, 4);
        QVERIFY(wire::projectFromJson(json).ok());
    }

    void userShapeAndRoundTrip()
    {
        const User user{12, u"ann@example.com"_qs, Role::Operator, 5, SomeTime, SomeTime + 1};
        const QJsonObject json = wire::toJson(user);
        QCOMPARE(json.keys(), (QStringList{u"createdAt"_qs, u"email"_qs, u"id"_qs, u"role"_qs}));
        QCOMPARE(json.value(u"role"_qs).toString(), u"operator"_qs);
        const auto decoded = wire::userFromJson(json);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->id, 12);
        QCOMPARE(decoded->email, user.email);
        QCOMPARE(decoded->role, Role::Operator);
        QCOMPARE(decoded->createdAt, SomeTime);
    }

    void malformedUser_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("unknown role") << u"role"_qs << QJsonValue(u"root"_qs);
        QTest::newRow("email missing") << u"email"_qs << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("id zero") << u"id"_qs << QJsonValue(0);
    }

    void malformedUser()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        const User user{12, u"ann@example.com"_qs, Role::User, 0, SomeTime, SomeTime};
        const auto decoded = wire::userFromJson(withField(wire::toJson(user), {key}, value));
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().details.value(u"field"_qs).toString(), key);
    }

    void errorRoundTrips()
    {
        const Error error = Error::make(u"project.invalid_settings"_qs, u"Invalid project setting spaMode"_qs,
                                        QJsonObject{{u"field"_qs, u"spaMode"_qs}});
        const QJsonObject json = wire::errorToJson(error);
        QCOMPARE(json.keys(), QStringList{u"error"_qs});
        QCOMPARE(json.value(u"error"_qs).toObject().keys(), (QStringList{u"code"_qs, u"details"_qs, u"message"_qs}));
        const auto decoded = wire::errorFromJson(json);
        QVERIFY(decoded.has_value());
        QCOMPARE(decoded->code, error.code);
        QCOMPARE(decoded->message, error.message);
        QCOMPARE(decoded->details, error.details);
    }

    void notAnError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray("{}");
        QTest::newRow("error string") << QByteArray(R"({"error": "nope"})");
        QTest::newRow("code missing") << QByteArray(R"({"error": {"message": "m"}})");
        QTest::newRow("details array") << QByteArray(R"({"error": {"code": "c", "message": "m", "details": []}})");
        QTest::newRow("original style") << QByteArray(R"({"statusCode": 404, "message": "Project not found"})");
    }

    void notAnError()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!wire::errorFromJson(QJsonDocument::fromJson(json).object()).has_value());
    }

    void errorWithoutDetailsReadsEmptyDetails()
    {
        const auto decoded = wire::errorFromJson(QJsonDocument::fromJson(R"({"error": {"code": "c", "message": "m"}})").object());
        QVERIFY(decoded.has_value());
        QVERIFY(decoded->details.isEmpty());
    }

    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1: refused
        QTest::newRow("utc") << wire::timestampToJson(SomeTime) << SomeTime;
        QTest::newRow("offset") << u"2027-01-15T10:00:00.123+02:00"_qs << SomeTime;
        QTest::newRow("no zone") << u"2027-01-15T08:00:00.123"_qs << qint64(-1);
        QTest::newRow("date only") << u"2027-01-15"_qs << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
    }

    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(wire::timestampToJson(SomeTime), u"2027-01-15T08:00:00.123Z"_qs);
        const auto parsed = wire::timestampFromJson(text);
        QCOMPARE(parsed.value_or(-1), ms);
    }
};

QTEST_GUILESS_MAIN(TestWireJson)
#include "tst_wirejson.moc"
