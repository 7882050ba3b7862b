// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/headscanner.h"

#include <QtTest>

using ddd::agent::http::HeadScanner;
using Verdict = HeadScanner::Verdict;

Q_DECLARE_METATYPE(HeadScanner::Verdict)

namespace {

constexpr qsizetype maxTarget = 32;
constexpr qsizetype maxHeader = 128;

} // namespace

class TestHeadScanner final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void judgesHeads_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<qsizetype>("headSize");
        const QByteArray complete = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
        QTest::newRow("complete") << complete << Verdict::Complete << complete.size();
        QTest::newRow("body follows") << complete + "BODY" << Verdict::Complete << complete.size();
        QTest::newRow("no fields") << QByteArray("GET / HTTP/1.1\r\n\r\n") << Verdict::Complete << qsizetype(18);
        QTest::newRow("incomplete") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n") << Verdict::NeedMore << qsizetype(-1);
        QTest::newRow("target at limit") << "GET /" + QByteArray(maxTarget - 1, 'a') + " HTTP/1.1\r\n\r\n"
                                         << Verdict::Complete << qsizetype(maxTarget + 17);
        // Trickled, a read ends between the CR and the LF right after the
        // target: that CR is not part of the target (found by fuzz_http_head).
        QTest::newRow("target at limit, no version") << "GET /" + QByteArray(maxTarget - 1, 'a') + "\r\n\r\n"
                                                     << Verdict::Complete << qsizetype(maxTarget + 8);
        QTest::newRow("target over limit") << "GET /" + QByteArray(maxTarget, 'a') + " HTTP/1.1\r\n\r\n"
                                           << Verdict::TargetTooLong << qsizetype(-1);
        QTest::newRow("target over limit, line unfinished") << "GET /" + QByteArray(maxTarget, 'a')
                                                            << Verdict::TargetTooLong << qsizetype(-1);
        QTest::newRow("head at limit") << "GET / HTTP/1.1\r\nX: " + QByteArray(maxHeader - 23, 'v') + "\r\n\r\n"
                                       << Verdict::Complete << maxHeader;
        QTest::newRow("head over limit") << "GET / HTTP/1.1\r\nX: " + QByteArray(maxHeader - 22, 'v') + "\r\n\r\n"
                                         << Verdict::HeaderTooLarge << qsizetype(-1);
        QTest::newRow("unfinished over limit") << "GET / HTTP/1.1\r\nX: " + QByteArray(maxHeader, 'v')
                                               << Verdict::HeaderTooLarge << qsizetype(-1);
        QTest::newRow("obs-fold space") << QByteArray("GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n") << Verdict::ObsFold
                                        << qsizetype(-1);
        QTest::newRow("obs-fold tab") << QByteArray("GET / HTTP/1.1\r\nX: a\r\n\tb\r\n\r\n") << Verdict::ObsFold
                                      << qsizetype(-1);
        QTest::newRow("space before first field") << QByteArray("GET / HTTP/1.1\r\n Host: a\r\n\r\n")
                                                  << Verdict::ObsFold << qsizetype(-1);
        QTest::newRow("space inside a value") << QByteArray("GET / HTTP/1.1\r\nX: a b\r\n\r\n") << Verdict::Complete
                                              << qsizetype(26);
    }

    void judgesHeads()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Verdict, verdict);
        QFETCH(qsizetype, headSize);
        HeadScanner whole(maxTarget, maxHeader);
        QCOMPARE(whole.scan(std::string_view(bytes.constData(), bytes.size())), verdict);
        if (verdict == Verdict::Complete)
            QCOMPARE(whole.headSize(), headSize);

        // Byte by byte, as a trickling client delivers it: the same verdict.
        HeadScanner trickled(maxTarget, maxHeader);
        Verdict last = Verdict::NeedMore;
        for (qsizetype n = 1; n <= bytes.size() && last == Verdict::NeedMore; ++n)
            last = trickled.scan(std::string_view(bytes.constData(), n));
        QCOMPARE(last, verdict);
    }

    void skipsLeadingEmptyLines()
    {
        QCOMPARE(HeadScanner::leadingEmptyLines("\r\n\r\nGET"), qsizetype(4));
        QCOMPARE(HeadScanner::leadingEmptyLines("GET"), qsizetype(0));
        QCOMPARE(HeadScanner::leadingEmptyLines("\r"), qsizetype(0));
    }
};

QTEST_GUILESS_MAIN(TestHeadScanner)
#include "tst_headscanner.moc"
