// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/deploymentservice.h"
#include "tests/support/deployfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>

using namespace ddd::core;
using ddd::test::DeployFixture;
using model::Identity;

namespace {

template<typename T>
QString codeOf(const Result<T> &result)
{
    return result.ok() ? u"ok"_qs : result.error().code;
}

QByteArray manifest(const DeployFixture::Files &files)
{
    QJsonArray entries;
    for (const auto &[path, content] : files)
        entries.append(QJsonObject{{u"path"_qs, QString::fromUtf8(path)},
                                   {u"sha256"_qs, QString::fromLatin1(DeployFixture::sha256(content))},
                                   {u"size"_qs, content.size()}});
    return QJsonDocument(QJsonObject{{u"files"_qs, entries}}).toJson();
}

QString hashOf(const QByteArray &content)
{
    return QString::fromLatin1(DeployFixture::sha256(content));
}

const DeployFixture::Files LiveSite = {{"index.html", "one"}, {"style.css", "body{}"}};
const DeployFixture::Files NextSite = {
    {"index.html", "two"}, {"style.css", "body{}"}, {"a.txt", "same"}, {"b.txt", "same"}};

} // namespace

class TestIncrementalUpload final : public QObject
{
    Q_OBJECT

    // Sends `content` as one PUT and finishes it.
    static Result<model::BlobProgress> put(DeployFixture &f, const QString &uploadId, const QByteArray &content,
                                           qint64 offset = 0, qsizetype from = 0)
    {
        auto upload = f.service().openBlobUpload(f.alice, uploadId, hashOf(content), offset);
        if (!upload)
            return upload.error();
        if (Status written = (*upload)->write(QByteArrayView(content).sliced(from)); !written)
            return written.error();
        if (Status finished = (*upload)->finish(); !finished)
            return finished.error();
        return (*upload)->complete();
    }

    static QString start(DeployFixture &f, const DeployFixture::Files &files)
    {
        auto plan = f.service().startUpload(f.alice, f.projectId, manifest(files));
        if (!plan)
            qFatal("startUpload refused: %s", qPrintable(plan.error().code));
        return plan->uploadId;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void planListsOnlyWhatTheAgentLacks()
    {
        DeployFixture f;
        f.deployed(LiveSite);
        const qint64 other = f.createProject(f.alice, u"Other"_qs);
        QVERIFY(f.deployArchive(f.alice, other, DeployFixture::zip({{"x", "elsewhere"}}), false).ok());
        DeployFixture::Files files = NextSite;
        files.append(qMakePair(QByteArray("x.txt"), QByteArray("elsewhere"))); // stored for another project
        const auto plan = f.service().startUpload(f.alice, f.projectId, manifest(files));
        QCOMPARE(codeOf(plan), u"ok"_qs);
        QCOMPARE(plan->uploadId.size(), 32);
        QStringList missing = plan->missing;
        missing.sort();
        QStringList expected = {hashOf("two"), hashOf("same")};
        expected.sort();
        QCOMPARE(missing, expected);
        QCOMPARE(plan->bytesToSend, 7);
        QCOMPARE(plan->diff, (model::DiffSummary{3, 1, 0, 3 + 4 + 4 + 9, 3}));
        QCOMPARE(f.count(u"SELECT count(*) FROM upload_sessions"_qs), 1);
    }

    void refusedManifestOpensNoSession_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        const QString hash = hashOf("x");
        const auto files = [&](std::initializer_list<std::pair<QString, qint64>> entries) {
            QJsonArray array;
            for (const auto &[path, size] : entries)
                array.append(QJsonObject{{u"path"_qs, path}, {u"sha256"_qs, hash}, {u"size"_qs, size}});
            return QJsonDocument(QJsonObject{{u"files"_qs, array}}).toJson();
        };
        QTest::newRow("not json") << QByteArray("{files") << u"manifest.invalid"_qs;
        QTest::newRow("no files") << files({}) << u"archive.empty"_qs;
        QTest::newRow("traversal") << files({{u"../etc/passwd"_qs, 1}}) << u"archive.path_traversal"_qs;
        QTest::newRow("negative size") << files({{u"a.txt"_qs, -1}}) << u"manifest.invalid"_qs;
        QTest::newRow("two sizes for one hash") << files({{u"a.txt"_qs, 1}, {u"b.txt"_qs, 2}}) << u"manifest.invalid"_qs;
        QTest::newRow("case collision") << files({{u"A.txt"_qs, 1}, {u"a.txt"_qs, 1}}) << u"archive.case_collision"_qs;
    }

    void refusedManifestOpensNoSession()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        DeployFixture f;
        QCOMPARE(codeOf(f.service().startUpload(f.alice, f.projectId, json)), code);
        QCOMPARE(f.count(u"SELECT count(*) FROM upload_sessions"_qs), 0);
    }

    void wholeBlobInOnePut()
    {
        DeployFixture f;
        const QString id = start(f, NextSite);
        const auto progress = put(f, id, "same");
        QCOMPARE(codeOf(progress), u"ok"_qs);
        QVERIFY(progress->complete);
        QCOMPARE(progress->received, 4);
        QVERIFY(f.store().contains(f.sha256("same")));
        QVERIFY(f.partialEntries().isEmpty());
        QVERIFY(f.service().blobStatus(f.alice, id, hashOf("same"))->complete);
    }

    void interruptedPutResumesAtTheOffset()
    {
        DeployFixture f;
        const QByteArray content = QByteArray("0123456789").repeated(10);
        const QString id = start(f, {{"big.txt", content}});
        {
            auto first = f.service().openBlobUpload(f.alice, id, hashOf(content), 0);
            QVERIFY((*first)->write(content.first(40)).ok());
            QVERIFY((*first)->finish().ok());
            const auto partial = (*first)->complete();
            QCOMPARE(partial->received, 40);
            QVERIFY(!partial->complete);
            (*first)->abort(); // the connection dropped
        }
        const auto status = f.service().blobStatus(f.alice, id, hashOf(content));
        QCOMPARE(status->received, 40);
        QCOMPARE(status->size, 100);
        const auto wrong = f.service().openBlobUpload(f.alice, id, hashOf(content), 0);
        QCOMPARE(codeOf(wrong), u"upload.offset_mismatch"_qs);
        QCOMPARE(wrong.error().details.value(u"received"_qs).toInteger(), 40);
        const auto resumed = put(f, id, content, 40, 40);
        QCOMPARE(codeOf(resumed), u"ok"_qs);
        QVERIFY(resumed->complete);
        QCOMPARE(codeOf(f.service().finalizeUpload(f.alice, id, true)), u"ok"_qs);
        QCOMPARE(f.served(f.projectId, u"big.txt"_qs), std::optional<QByteArray>(content));
    }

    void wrongBytesAreDiscarded()
    {
        DeployFixture f;
        const QString id = start(f, {{"a.txt", "good"}});
        auto upload = f.service().openBlobUpload(f.alice, id, hashOf("good"), 0);
        QVERIFY((*upload)->write("evil").ok());
        QCOMPARE(codeOf((*upload)->finish()), u"blob.hash_mismatch"_qs);
        upload->reset();
        QVERIFY(!f.store().contains(f.sha256("good")));
        QVERIFY(f.partialEntries().isEmpty());
        QCOMPARE(f.service().blobStatus(f.alice, id, hashOf("good"))->received, 0);
        QCOMPARE(codeOf(put(f, id, "good")), u"ok"_qs); // the retry starts over
    }

    void bytesBeyondTheDeclaredSizeAreRefused()
    {
        DeployFixture f;
        const QString id = start(f, {{"a.txt", "good"}});
        auto upload = f.service().openBlobUpload(f.alice, id, hashOf("good"), 0);
        QCOMPARE(codeOf((*upload)->write("good!")), u"blob.too_large"_qs);
    }

    void hashesOutsideTheManifestAreRefused()
    {
        DeployFixture f;
        const QString id = start(f, {{"a.txt", "good"}});
        QCOMPARE(codeOf(f.service().openBlobUpload(f.alice, id, hashOf("other"), 0)), u"blob.not_in_manifest"_qs);
        QCOMPARE(codeOf(f.service().blobStatus(f.alice, id, hashOf("other"))), u"blob.not_in_manifest"_qs);
        QCOMPARE(codeOf(f.service().openBlobUpload(f.alice, id, u"../../etc/passwd"_qs, 0)),
                 u"blob.not_in_manifest"_qs);
        QVERIFY(f.partialEntries().isEmpty());
    }

    void oneWriterPerBlob()
    {
        DeployFixture f;
        const QString id = start(f, {{"a.txt", "good"}});
        auto first = f.service().openBlobUpload(f.alice, id, hashOf("good"), 0);
        QVERIFY(first.ok());
        QCOMPARE(codeOf(f.service().openBlobUpload(f.alice, id, hashOf("good"), 0)), u"upload.blob_busy"_qs);
        first->reset();
        QCOMPARE(codeOf(f.service().openBlobUpload(f.alice, id, hashOf("good"), 0)), u"ok"_qs);
    }

    void storedBlobNeedsNoBytes()
    {
        DeployFixture f;
        f.deployed(LiveSite);
        const QString id = start(f, {{"index.html", "one"}});
        const auto atStart = f.service().openBlobUpload(f.alice, id, hashOf("one"), 0);
        QCOMPARE(codeOf(atStart), u"upload.offset_mismatch"_qs);
        QCOMPARE(atStart.error().details.value(u"received"_qs).toInteger(), 3);
        QVERIFY(put(f, id, "one", 3, 3)->complete);
    }

    void finalizeWaitsForEveryBlob()
    {
        DeployFixture f;
        f.deployed(LiveSite);
        const QString id = start(f, NextSite);
        QVERIFY(put(f, id, "two").ok());
        const auto incomplete = f.service().finalizeUpload(f.alice, id, true);
        QCOMPARE(codeOf(incomplete), u"upload.incomplete"_qs);
        QCOMPARE(incomplete.error().details.value(u"missing"_qs).toArray(), QJsonArray{hashOf("same")});
        QCOMPARE(f.count(u"SELECT count(*) FROM versions"_qs), 1);
        QCOMPARE(f.served(f.projectId, u"index.html"_qs), std::optional<QByteArray>("one"));
        QVERIFY(put(f, id, "same").ok());
        const auto version = f.service().finalizeUpload(f.alice, id, true);
        QCOMPARE(codeOf(version), u"ok"_qs);
        QCOMPARE(version->source, model::VersionSource::Incremental);
        QCOMPARE(version->status, model::VersionStatus::Live);
        QCOMPARE(version->number, 2);
        QCOMPARE(version->diff, (model::DiffSummary{2, 1, 0, 11, 3}));
        QCOMPARE(f.served(f.projectId, u"b.txt"_qs), std::optional<QByteArray>("same"));
        QCOMPARE(codeOf(f.service().finalizeUpload(f.alice, id, true)), u"upload.not_found"_qs); // consumed
    }

    void fullyArrivedPartialCountsAsHeld()
    {
        DeployFixture f;
        const QString id = start(f, {{"a.txt", "good"}});
        {
            auto upload = f.service().openBlobUpload(f.alice, id, hashOf("good"), 0);
            QVERIFY((*upload)->write("good").ok());
            (*upload)->abort(); // every byte arrived, finish() never ran
        }
        const auto plan = f.service().startUpload(f.alice, f.projectId, manifest({{"a.txt", "good"}}));
        QVERIFY(plan->missing.isEmpty());
        const auto version = f.service().finalizeUpload(f.alice, plan->uploadId, false);
        QCOMPARE(codeOf(version), u"ok"_qs);
        QVERIFY(f.store().contains(f.sha256("good")));
    }

    void sessionsAreTheirAuthorsAlone()
    {
        DeployFixture f;
        const QString id = start(f, {{"a.txt", "good"}});
        const qint64 other = f.createProject(f.alice, u"Other"_qs);
        const Identity scoped = DeployFixture::token(f.alice, {u"deploy"_qs}, other);
        const Identity reader = DeployFixture::token(f.alice, {u"read"_qs});
        for (const Identity &caller : {f.bob, f.olga, scoped}) {
            QCOMPARE(codeOf(f.service().blobStatus(caller, id, hashOf("good"))), u"upload.not_found"_qs);
            QCOMPARE(codeOf(f.service().openBlobUpload(caller, id, hashOf("good"), 0)), u"upload.not_found"_qs);
            QCOMPARE(codeOf(f.service().finalizeUpload(caller, id, false)), u"upload.not_found"_qs);
        }
        QCOMPARE(codeOf(f.service().openBlobUpload(reader, id, hashOf("good"), 0)), u"auth.forbidden"_qs);
        QCOMPARE(codeOf(f.service().finalizeUpload(reader, id, false)), u"auth.forbidden"_qs);
        QCOMPARE(codeOf(f.service().blobStatus(f.alice, u"no-such-upload"_qs, hashOf("good"))),
                 u"upload.not_found"_qs);
        QVERIFY(f.partialEntries().isEmpty());
    }

    void expiredSessionsAreGone()
    {
        DeployFixture f;
        const QString id = start(f, {{"a.txt", "good"}, {"b.txt", "more"}});
        QVERIFY(put(f, id, "good").ok());
        auto partial = f.service().openBlobUpload(f.alice, id, hashOf("more"), 0);
        QVERIFY((*partial)->write("mo").ok());
        partial->reset();
        f.clock().advanceMs(deploy::DeployOptions().uploadSessionTtlMs);
        QCOMPARE(codeOf(f.service().blobStatus(f.alice, id, hashOf("good"))), u"upload.not_found"_qs);
        QCOMPARE(codeOf(f.service().openBlobUpload(f.alice, id, hashOf("more"), 2)), u"upload.not_found"_qs);
        QCOMPARE(codeOf(f.service().finalizeUpload(f.alice, id, false)), u"upload.not_found"_qs);
        QCOMPARE(f.count(u"SELECT count(*) FROM versions"_qs), 0);
        // What the session held is garbage now.
        QVERIFY(f.service().collectGarbage().ok());
        QVERIFY(!f.store().contains(f.sha256("good")));
        QVERIFY(f.partialEntries().isEmpty());
    }

    void garbageCollectionSparesOpenSessions()
    {
        DeployFixture f;
        const QString id = start(f, {{"a.txt", "good"}, {"b.txt", "more"}});
        QVERIFY(put(f, id, "good").ok());
        auto partial = f.service().openBlobUpload(f.alice, id, hashOf("more"), 0);
        QVERIFY((*partial)->write("mo").ok());
        partial->reset();
        QVERIFY(f.service().collectGarbage().ok());
        QVERIFY(f.store().contains(f.sha256("good")));
        QCOMPARE(f.partialEntries(), QStringList{hashOf("more")});
        QVERIFY(put(f, id, "more", 2, 2)->complete);
        QCOMPARE(codeOf(f.service().finalizeUpload(f.alice, id, false)), u"ok"_qs);
    }
};

QTEST_GUILESS_MAIN(TestIncrementalUpload)
#include "tst_incrementalupload.moc"
