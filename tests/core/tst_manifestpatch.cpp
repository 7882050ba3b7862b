// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// ManifestPatch: a manifest told against a base, and LeanManifest, the
// client's side of it, agree on what the result is.
#include "core/blobs/manifestpatch.h"
#include "core/client/leanmanifest.h"
#include "core/util/strictjson.h"

#include <QtTest>

using namespace ddd::core;
using blobs::Manifest;
using blobs::ManifestEntry;
using blobs::ManifestPatch;

namespace {

QByteArray hash(char c)
{
    return QByteArray(64, c);
}

Manifest base()
{
    return *Manifest::fromEntries({{u"index.html"_qs, hash('a'), 10}, {u"about.html"_qs, hash('b'), 20},
                                   {u"old.html"_qs, hash('c'), 30}});
}

Result<Manifest> apply(const QByteArray &json)
{
    Result<QJsonObject> document = StrictJson::parseObject(json);
    if (!document)
        return document.error();
    Result<ManifestPatch> patch = ManifestPatch::fromJsonObject(*document);
    if (!patch)
        return patch.error();
    return patch->applyTo(base());
}

} // namespace

class TestManifestPatch final : public QObject
{
    Q_OBJECT

private slots:
    void changesAndRemovalsApply()
    {
        const Result<Manifest> result = apply(R"({"base": 4, "changed": [
            {"path": "index.html", "sha256": ")" + hash('d') + R"(", "size": 11},
            {"path": "new.html", "sha256": ")" + hash('e') + R"(", "size": 12}], "removed": ["old.html"]})");
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const QList<ManifestEntry> expected{{u"about.html"_qs, hash('b'), 20}, {u"index.html"_qs, hash('d'), 11},
                                            {u"new.html"_qs, hash('e'), 12}};
        QCOMPARE(result->entries(), expected);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::newRow("not in base") << QByteArray(R"({"base": 4, "removed": ["gone.html"]})")
                                     << u"manifest.not_in_base"_qs;
        QTest::newRow("files too") << QByteArray(R"({"base": 4, "files": []})") << u"manifest.invalid"_qs;
        QTest::newRow("base zero") << QByteArray(R"({"base": 0})") << u"manifest.invalid"_qs;
        QTest::newRow("base fraction") << QByteArray(R"({"base": 1.5})") << u"manifest.invalid"_qs;
        QTest::newRow("removed not strings") << QByteArray(R"({"base": 4, "removed": [1]})") << u"manifest.invalid"_qs;
        QTest::newRow("removed twice") << QByteArray(R"({"base": 4, "removed": ["old.html", "old.html"]})")
                                       << u"manifest.invalid"_qs;
        QTest::newRow("changed and removed")
            << QByteArray(R"({"base": 4, "removed": ["old.html"], "changed": [{"path": "old.html", "sha256": ")"
                          + hash('f') + R"(", "size": 1}]})")
            << u"manifest.invalid"_qs;
    }

    void refusals()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        const Result<Manifest> result = apply(json);
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
    }

    // What the client sends against a base, applied to that base, is the client's manifest.
    void clientFormRoundTrips()
    {
        const QList<model::VersionFile> before{{u"about.html"_qs, QString::fromLatin1(hash('b')), 20},
                                               {u"index.html"_qs, QString::fromLatin1(hash('a')), 10},
                                               {u"old.html"_qs, QString::fromLatin1(hash('c')), 30}};
        const QList<model::VersionFile> after{{u"about.html"_qs, QString::fromLatin1(hash('b')), 20},
                                              {u"index.html"_qs, QString::fromLatin1(hash('d')), 11},
                                              {u"new.html"_qs, QString::fromLatin1(hash('e')), 12}};
        const QByteArray json = client::LeanManifest::json(after, client::LeanManifest::Base{4, before});
        const QJsonObject document = *StrictJson::parseObject(json);
        QCOMPARE(document.value(u"changed"_qs).toArray().size(), 2);
        QCOMPARE(document.value(u"removed"_qs).toArray(), QJsonArray{u"old.html"_qs});
        const Result<Manifest> result = apply(json);
        QVERIFY(result.ok());
        QCOMPARE(result->fileCount(), 3);
        QCOMPARE(result->find(u"index.html"_qs)->sha256, hash('d'));
    }
};

QTEST_GUILESS_MAIN(TestManifestPatch)
#include "tst_manifestpatch.moc"
