// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// GzipCompressor and GzipInflater: a round trip fed in any chunking, the
// decoded-size cap, and damaged streams.
#include "core/util/gzipcompressor.h"
#include "core/util/gzipinflater.h"

#include <QtTest>

using namespace ddd::core;

class TestGzipCodec final : public QObject
{
    Q_OBJECT

private slots:
    void roundTripInAnyChunking_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("one byte at a time") << 1;
        QTest::newRow("odd chunks") << 777;
        QTest::newRow("whole body") << (1 << 30);
    }

    void roundTripInAnyChunking()
    {
        QFETCH(int, chunk);
        QByteArray text;
        for (int i = 0; i < 20000; ++i)
            text += "line " + QByteArray::number(i) + " of a manifest\n";
        const QByteArray packed = GzipCompressor::compress(text);
        QVERIFY(!packed.isEmpty());
        QVERIFY(packed.size() < text.size() / 3);
        QByteArray decoded;
        GzipInflater inflater(text.size(), [&decoded](QByteArrayView part) {
            decoded.append(part);
            return Status();
        });
        for (qsizetype at = 0; at < packed.size(); at += chunk)
            QVERIFY(inflater.write(QByteArrayView(packed.constData() + at, qMin<qsizetype>(chunk, packed.size() - at))).ok());
        QVERIFY(inflater.finish().ok());
        QCOMPARE(decoded, text);
        QCOMPARE(inflater.outputBytes(), text.size());
    }

    void decodedSizeIsCapped()
    {
        const QByteArray packed = GzipCompressor::compress(QByteArray(1 << 20, 'z'));
        const Result<QByteArray> decoded = GzipInflater::inflate(packed, (1 << 20) - 1);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, u"request.too_large"_qs);
        QCOMPARE(decoded.error().details.value(u"limit"_qs).toString(), u"decompressed"_qs);
        QVERIFY(GzipInflater::inflate(packed, 1 << 20));
    }

    void damagedStreamsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray packed = GzipCompressor::compress("some json");
        QTest::newRow("plain text") << QByteArray("{\"files\": []}");
        QTest::newRow("zlib, not gzip") << qCompress("some json").mid(4);
        QTest::newRow("truncated") << packed.left(packed.size() - 1);
        QTest::newRow("trailing bytes") << packed + "x";
        QTest::newRow("empty") << QByteArray();
    }

    void damagedStreamsAreRefused()
    {
        QFETCH(QByteArray, body);
        const Result<QByteArray> decoded = GzipInflater::inflate(body, 1 << 20);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, u"request.invalid_encoding"_qs);
    }

    void encodingsOtherThanGzipAreNamed()
    {
        QVERIFY(GzipInflater::checkEncoding({}).ok());
        QVERIFY(GzipInflater::checkEncoding("identity").ok());
        QVERIFY(GzipInflater::checkEncoding(" GZIP ").ok());
        QVERIFY(GzipInflater::isGzip("Gzip"));
        QCOMPARE(GzipInflater::checkEncoding("br").error().code, u"request.unsupported_encoding"_qs);
        QCOMPARE(GzipInflater::checkEncoding("gzip, br").error().code, u"request.unsupported_encoding"_qs);
    }
};

QTEST_GUILESS_MAIN(TestGzipCodec)
#include "tst_gzipcodec.moc"
