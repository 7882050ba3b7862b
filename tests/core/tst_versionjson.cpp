// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/uploadjson.h"
#include "core/wire/versionjson.h"
#include "tests/support/jsonfixture.h"

#include <QtTest>

using namespace ddd::core;
using ddd::test::JsonFixture;

class TestVersionJson final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void decodesTheDocumentedShape()
    {
        const auto versions = wire::versionsFromJson(JsonFixture::json(u"api/deploys.json"_qs).toArray());
        QVERIFY(versions.ok());
        const model::Version &live = versions->at(0);
        QCOMPARE(live.status, model::VersionStatus::Live);
        QCOMPARE(live.source, model::VersionSource::Incremental);
        QCOMPARE(live.uniqueBytes, 20480);
        QCOMPARE(live.authorEmail, u"owner@example.com"_qs);
        QCOMPARE(live.diff.added, 2);
        QVERIFY(live.activatedAt.has_value());
        const model::Version &failed = versions->at(2);
        QVERIFY(!failed.authorId && !failed.activatedAt);
        QCOMPARE(failed.error->code, u"archive.path_traversal"_qs);
    }

    void roundTripsWithFiles()
    {
        const auto version = wire::versionFromJson(JsonFixture::json(u"api/deploy-with-files.json"_qs).toObject());
        QVERIFY(version.ok());
        QCOMPARE(version->files.size(), 2);
        const auto again = wire::versionFromJson(wire::versionToJson(*version));
        QVERIFY(again.ok());
        QCOMPARE(again->files, version->files);
        QCOMPARE(again->createdAt, version->createdAt);
        QCOMPARE(again->diff, version->diff);
    }

    // An older agent sends no buildId/sourceId; a built version names both.
    void buildLinkIsOptionalAndRoundTrips()
    {
        QJsonObject json = JsonFixture::json(u"api/deploys.json"_qs)[0].toObject();
        json.remove(u"buildId"_qs);
        json.remove(u"sourceId"_qs);
        auto version = wire::versionFromJson(json);
        QVERIFY(version.ok());
        QVERIFY(!version->buildId && !version->sourceId);
        version->buildId = 12;
        version->sourceId = 3;
        const QJsonObject written = wire::versionToJson(*version);
        QCOMPARE(written.value(u"buildId"_qs).toInteger(), 12);
        const auto again = wire::versionFromJson(written);
        QVERIFY(again.ok());
        QCOMPARE(again->buildId, std::optional<qint64>(12));
        QCOMPARE(again->sourceId, std::optional<qint64>(3));
        version->sourceId.reset();
        QVERIFY(wire::versionToJson(*version).value(u"sourceId"_qs).isNull());
    }

    void refusesBadFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("unknown status") << u"status"_qs << QJsonValue(u"shipping"_qs);
        QTest::newRow("unknown source") << u"source"_qs << QJsonValue(u"ftp"_qs);
        QTest::newRow("negative size") << u"totalBytes"_qs << QJsonValue(-1);
        QTest::newRow("size as text") << u"fileCount"_qs << QJsonValue(u"12"_qs);
        QTest::newRow("bad time") << u"createdAt"_qs << QJsonValue(u"yesterday"_qs);
        QTest::newRow("diff missing") << u"diff"_qs << QJsonValue();
        QTest::newRow("build id as text") << u"buildId"_qs << QJsonValue(u"7"_qs);
    }

    void refusesBadFields()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject json = JsonFixture::json(u"api/deploys.json"_qs)[0].toObject();
        if (value.isUndefined())
            json.remove(field);
        else
            json.insert(field, value);
        const auto version = wire::versionFromJson(json);
        QVERIFY(!version.ok());
        QCOMPARE(version.error().code, u"wire.unexpected_json"_qs);
        QVERIFY(version.error().details[u"field"_qs].toString().startsWith(field));
    }

    void uploadPlanAcceptsNumericAndTextIds()
    {
        QJsonObject json = JsonFixture::json(u"api/upload-plan.json"_qs).toObject();
        auto plan = wire::uploadPlanFromJson(json);
        QVERIFY(plan.ok());
        QCOMPARE(plan->uploadId, u"9"_qs);
        QCOMPARE(plan->missing.size(), 1);
        json.insert(u"uploadId"_qs, u"u-7f3a"_qs);
        QCOMPARE(wire::uploadPlanFromJson(json)->uploadId, u"u-7f3a"_qs);
        json.insert(u"uploadId"_qs, 0);
        QCOMPARE(wire::uploadPlanFromJson(json).error().details[u"field"_qs].toString(), u"uploadId"_qs);
    }

    void blobProgressCannotExceedItsSize()
    {
        const QJsonObject json{{u"sha256"_qs, u"ab"_qs}, {u"size"_qs, 4}, {u"received"_qs, 5}, {u"complete"_qs, false}};
        QCOMPARE(wire::blobProgressFromJson(json).error().code, u"wire.unexpected_json"_qs);
    }
};

QTEST_GUILESS_MAIN(TestVersionJson)
#include "tst_versionjson.moc"
