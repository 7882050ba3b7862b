// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/acceptencoding.h"
#include "agent/site/cachepolicy.h"

#include <QtTest>

using namespace ddd;
using agent::site::AcceptEncoding;
using agent::site::CachePolicy;
using core::blobs::ContentCoding;

// The two pure rules behind precompressed serving: reading Accept-Encoding
// with its q-values, and recognising fingerprinted file names.
class TestAcceptEncoding final : public QObject
{
    Q_OBJECT

    static QByteArray chosen(const QList<QByteArray> &fields, const QList<ContentCoding> &offered)
    {
        const std::optional<ContentCoding> coding = AcceptEncoding::parse(fields).choose(offered);
        return coding ? core::blobs::BlobVariant::token(*coding) : QByteArray("identity");
    }

private slots:
    void qualities_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("quality"); // -1: not named
        QTest::newRow("plain") << QByteArray("br") << QByteArray("br") << 1000;
        QTest::newRow("q") << QByteArray("br;q=0.5") << QByteArray("br") << 500;
        QTest::newRow("q upper case") << QByteArray("br;Q=0.25") << QByteArray("br") << 250;
        QTest::newRow("three decimals") << QByteArray("gzip;q=0.001") << QByteArray("gzip") << 1;
        QTest::newRow("q=1.000") << QByteArray("gzip;q=1.000") << QByteArray("gzip") << 1000;
        QTest::newRow("q=0") << QByteArray("gzip;q=0") << QByteArray("gzip") << 0;
        QTest::newRow("q=0.") << QByteArray("gzip;q=0.") << QByteArray("gzip") << 0;
        QTest::newRow("four decimals dropped") << QByteArray("gzip;q=0.0001") << QByteArray("gzip") << -1;
        QTest::newRow("above one dropped") << QByteArray("gzip;q=1.5") << QByteArray("gzip") << -1;
        QTest::newRow("negative dropped") << QByteArray("gzip;q=-1") << QByteArray("gzip") << -1;
        QTest::newRow("empty q dropped") << QByteArray("gzip;q=") << QByteArray("gzip") << -1;
        QTest::newRow("x-gzip") << QByteArray("x-gzip;q=0.3") << QByteArray("gzip") << 300;
        QTest::newRow("star") << QByteArray("*;q=0.2") << QByteArray("br") << 200;
        QTest::newRow("named beats star") << QByteArray("*;q=0.2, br;q=0.7") << QByteArray("br") << 700;
        QTest::newRow("first mention wins") << QByteArray("br;q=0.1, br") << QByteArray("br") << 100;
        QTest::newRow("not named") << QByteArray("gzip") << QByteArray("br") << -1;
        QTest::newRow("bad token dropped") << QByteArray("b r, gzip") << QByteArray("gzip") << 1000;
        QTest::newRow("other parameters ignored") << QByteArray("br;level=5;q=0.5") << QByteArray("br") << 500;
        QTest::newRow("empty elements") << QByteArray(",, br ,") << QByteArray("br") << 1000;
    }

    void qualities()
    {
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, token);
        QFETCH(int, quality);
        QCOMPARE(AcceptEncoding::parse({field}).quality(token).value_or(-1), quality);
    }

    void severalFieldsAreOneList()
    {
        QCOMPARE(chosen({"gzip;q=0.5", "br;q=0.4"}, {ContentCoding::Brotli, ContentCoding::Gzip}),
                 QByteArray("gzip"));
    }

    void onlyOfferedCodingsAreChosen()
    {
        QCOMPARE(chosen({"br, gzip"}, {ContentCoding::Gzip}), QByteArray("gzip"));
        QCOMPARE(chosen({"br"}, {ContentCoding::Gzip}), QByteArray("identity"));
        QCOMPARE(chosen({"br, gzip"}, {}), QByteArray("identity"));
        QCOMPARE(chosen({}, {ContentCoding::Brotli, ContentCoding::Gzip}), QByteArray("identity"));
    }

    void identityAgainstCodings()
    {
        const QList<ContentCoding> both = {ContentCoding::Brotli, ContentCoding::Gzip};
        QCOMPARE(chosen({"br;q=0.5, identity;q=0.6"}, both), QByteArray("identity"));
        QCOMPARE(chosen({"br;q=0.5, identity;q=0.5"}, both), QByteArray("br"));
        QCOMPARE(chosen({"br;q=0.5"}, both), QByteArray("br"));
        QCOMPARE(chosen({"identity;q=0"}, both), QByteArray("identity"));
        QCOMPARE(chosen({"*;q=0.5, identity;q=0.9"}, both), QByteArray("identity"));
    }

    void fingerprints_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("fingerprinted");
        // Real build-tool output.
        QTest::newRow("vite") << u"assets/index-BqXz12_a.js"_qs << true;
        QTest::newRow("vite css") << u"assets/index-DiwrgTda.css"_qs << false; // letters only: missed, safe
        QTest::newRow("vite chunk") << u"assets/vendor-C0ok9Ug2.js"_qs << true;
        QTest::newRow("vite named chunk") << u"assets/my-component-Dz4h_5Qa.js"_qs << true;
        QTest::newRow("vite 4 hex") << u"assets/index-4f3b2c1a.js"_qs << true;
        QTest::newRow("webpack") << u"main.3f2a9c1b.js"_qs << true;
        QTest::newRow("webpack 20 hex") << u"js/app.3f2a9c1b4d5e6f708192.js"_qs << true;
        QTest::newRow("cra chunk") << u"static/js/main.3f2a9c1b.chunk.js"_qs << true;
        QTest::newRow("cra numbered chunk") << u"static/js/2.3f2a9c1b.chunk.js"_qs << true;
        QTest::newRow("angular") << u"main-es2015.3f2a9c1b4d5e6f70.js"_qs << true;
        QTest::newRow("hex letters only") << u"logo.deadbeef.svg"_qs << true;
        QTest::newRow("upper-case hex") << u"app.3F2A9C1B.js"_qs << true;
        QTest::newRow("parcel") << u"index.4e5f6a7b.css"_qs << true;
        QTest::newRow("next.js") << u"_next/static/chunks/pages/index-3f2a9c1b4d5e6f70.js"_qs << true;
        QTest::newRow("source map") << u"main.3f2a9c1b.js.map"_qs << true;
        // Ordinary names.
        QTest::newRow("index-settings") << u"index-settings.js"_qs << false;
        QTest::newRow("bootstrap.min") << u"bootstrap.min.js"_qs << false;
        QTest::newRow("my-component") << u"my-component.js"_qs << false;
        QTest::newRow("jquery version") << u"jquery-3.7.1.min.js"_qs << false;
        QTest::newRow("vue-router version") << u"vue-router-4.2.5.js"_qs << false;
        QTest::newRow("date") << u"report.20240101.pdf"_qs << false;
        QTest::newRow("build number") << u"app.12345678.js"_qs << false;
        QTest::newRow("font style") << u"fonts/Inter-SemiBoldItalic.woff2"_qs << false;
        QTest::newRow("font weight") << u"fonts/Roboto-700Italic.woff2"_qs << false;
        QTest::newRow("font weight after") << u"fonts/Roboto-Italic700.woff2"_qs << false;
        QTest::newRow("google fonts helper") << u"roboto-v30-latin-700italic.woff2"_qs << false;
        QTest::newRow("latin-ext") << u"lato-v24-latin-ext_700italic.woff2"_qs << false;
        QTest::newRow("polyfills es2015") << u"polyfills-es2015.js"_qs << false;
        QTest::newRow("camel case") << u"components/UserProfileCard.js"_qs << false;
        QTest::newRow("hyphenated camel") << u"ui-DatePickerPopup.js"_qs << false;
        QTest::newRow("seven hex") << u"app.3f2a9c1.js"_qs << false;
        QTest::newRow("not hex") << u"app.3f2a9c1g.js"_qs << false;
        QTest::newRow("mixed-case hex word") << u"app.DeadBeef.js"_qs << false;
        QTest::newRow("hash is the name") << u"3f2a9c1b0.js"_qs << false;
        QTest::newRow("no extension") << u"3f2a9c1b/data"_qs << false;
        QTest::newRow("plain") << u"logo.png"_qs << false;
        QTest::newRow("feedback") << u"feedback-form.js"_qs << false;
        QTest::newRow("settings word") << u"app.settings.json"_qs << false;
    }

    void fingerprints()
    {
        QFETCH(QString, name);
        QFETCH(bool, fingerprinted);
        QCOMPARE(CachePolicy::isFingerprinted(name), fingerprinted);
    }
};

QTEST_GUILESS_MAIN(TestAcceptEncoding)
#include "tst_acceptencoding.moc"
