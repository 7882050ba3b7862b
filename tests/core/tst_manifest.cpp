// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/manifest.h"
#include "core/blobs/sha256.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>

using namespace ddd::core::blobs;

class TestManifest final : public QObject
{
    Q_OBJECT

    static ManifestEntry entry(const QString &path, const QByteArray &content)
    {
        return {path, Sha256::hexOf(content), content.size()};
    }

    static QList<ManifestEntry> sample()
    {
        return {entry(u"index.html"_qs, "<h1>"), entry(u"assets/app.css"_qs, "body{}"),
                entry(u"ünïcode.html"_qs, "u"), entry(u"\U0001F600.txt"_qs, "smile"),
                entry(u"\uFFFD.txt"_qs, "replacement"), entry(u"a..b.txt"_qs, "")};
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hashDoesNotDependOnOrder()
    {
        const QByteArray reference = Manifest::fromEntries(sample()).value().manifestHash();
        QRandomGenerator random(7);
        for (int i = 0; i < 20; ++i) {
            QList<ManifestEntry> shuffled = sample();
            std::shuffle(shuffled.begin(), shuffled.end(), random);
            QCOMPARE(Manifest::fromEntries(shuffled).value().manifestHash(), reference);
        }
        QList<ManifestEntry> changed = sample();
        changed[0].size += 1;
        QVERIFY(Manifest::fromEntries(changed).value().manifestHash() != reference);
    }

    void encodesCanonically()
    {
        const Manifest manifest =
            Manifest::fromEntries({entry(u"b"_qs, "2"), entry(u"a/x"_qs, "1")}).value();
        const QByteArray expected = QByteArray("a/x") + '\0' + Sha256::hexOf("1") + '\0' + "1\n" + "b" + '\0'
            + Sha256::hexOf("2") + '\0' + "1\n";
        QCOMPARE(manifest.canonicalEncoding(), expected);
        QCOMPARE(manifest.manifestHash(), Sha256::hexOf(expected));
    }

    void sortsByCodePoint()
    {
        // UTF-16 order would put U+1F600 (a surrogate pair) before U+FFFD.
        QVERIFY(Manifest::pathLess(u"\uFFFD"_qs, u"\U0001F600"_qs));
        QVERIFY(!Manifest::pathLess(u"\U0001F600"_qs, u"\uFFFD"_qs));
        QVERIFY(Manifest::pathLess(u"a"_qs, u"a/b"_qs));
        const Manifest manifest = Manifest::fromEntries(sample()).value();
        QStringList utf8Order;
        for (const ManifestEntry &e : manifest.entries())
            utf8Order << e.path;
        QStringList expected = utf8Order;
        std::sort(expected.begin(), expected.end(),
                  [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
        QCOMPARE(utf8Order, expected);
    }

    void roundTripsThroughJson()
    {
        const Manifest manifest = Manifest::fromEntries(sample()).value();
        const auto parsed = Manifest::fromJson(manifest.toJson());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->entries(), manifest.entries());
        QCOMPARE(parsed->manifestHash(), manifest.manifestHash());
    }

    void findsEntries()
    {
        const Manifest manifest = Manifest::fromEntries(sample()).value();
        QVERIFY(manifest.find(u"assets/app.css"_qs));
        QCOMPARE(manifest.find(u"ünïcode.html"_qs)->sha256, Sha256::hexOf("u"));
        QVERIFY(!manifest.find(u"assets"_qs));
        QVERIFY(!manifest.find(u"missing.html"_qs));
        QCOMPARE(manifest.fileCount(), qsizetype(6));
        QCOMPARE(manifest.totalBytes(), qint64(4 + 6 + 1 + 5 + 11));
    }

    void refusesBadJson_data()
    {
        const QByteArray hash = Sha256::hexOf("x");
        auto file = [&hash](const QByteArray &path, const QByteArray &size = "1") {
            return "{\"files\":[{\"path\":\"" + path + "\",\"sha256\":\"" + hash + "\",\"size\":" + size + "}]}";
        };
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        const QString invalid = u"manifest.invalid"_qs;
        QTest::newRow("not JSON") << QByteArray("{") << invalid;
        QTest::newRow("array") << QByteArray("[]") << invalid;
        QTest::newRow("no files") << QByteArray("{}") << invalid;
        QTest::newRow("duplicate key")
            << QByteArray("{\"files\":[{\"path\":\"a\",\"path\":\"b\",\"sha256\":\"" + hash + "\",\"size\":1}]}")
            << invalid;
        QTest::newRow("file not an object") << QByteArray("{\"files\":[1]}") << invalid;
        QTest::newRow("bad hash") << QByteArray("{\"files\":[{\"path\":\"a\",\"sha256\":\"zz\",\"size\":1}]}") << invalid;
        QTest::newRow("negative size") << file("a", "-1") << invalid;
        QTest::newRow("fractional size") << file("a", "1.5") << invalid;
        QTest::newRow("size as string") << file("a", "\"1\"") << invalid;
        QTest::newRow("not normalised") << file("./a") << invalid;
        QTest::newRow("directory") << file("a/") << invalid;
        QTest::newRow("traversal") << file("../a") << u"archive.path_traversal"_qs;
        QTest::newRow("absolute") << file("/etc/passwd") << u"archive.path_traversal"_qs;
        QTest::newRow("backslash") << file("a\\\\b") << u"archive.bad_name"_qs;
        QTest::newRow("NUL") << file("a\\u0000b") << u"archive.bad_name"_qs;
        QTest::newRow("duplicate")
            << QByteArray("{\"files\":[{\"path\":\"a\",\"sha256\":\"" + hash + "\",\"size\":1},"
                          "{\"path\":\"a\",\"sha256\":\"" + hash + "\",\"size\":1}]}")
            << u"archive.duplicate_entry"_qs;
    }

    void refusesBadJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        const auto manifest = Manifest::fromJson(json);
        QVERIFY(!manifest.ok());
        QCOMPARE(manifest.error().code, code);
    }
};

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
