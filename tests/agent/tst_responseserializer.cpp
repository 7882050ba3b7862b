// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/responseserializer.h"

#include <QtTest>

using namespace ddd;
using agent::http::Response;
using agent::http::ResponseSerializer;

// A field that could split or end the response head refuses the whole head,
// wherever the offending byte stands in the value (values are checked eight
// bytes at a time, so every position of a block and of the tail matters);
// every other byte passes.
class TestResponseSerializer final : public QObject
{
    Q_OBJECT

    static core::Result<QByteArray> headWith(const QByteArray &name, const QByteArray &value)
    {
        Response response;
        response.headers.add(name, value);
        return ResponseSerializer::head(response, {}, "Thu, 03 Dec 2026 12:00:00 GMT");
    }

private slots:
    void refusesHeadSplittingBytesAtEveryPosition_data()
    {
        QTest::addColumn<QByteArray>("value");
        for (const char bad : {'\r', '\n', '\0'}) {
            for (int length : {1, 7, 8, 9, 16, 21}) {
                for (int at = 0; at < length; ++at) {
                    QByteArray value(length, 'v');
                    value[at] = bad;
                    QTest::addRow("0x%02x at %d of %d", int(bad), at, length) << value;
                }
            }
        }
    }

    void refusesHeadSplittingBytesAtEveryPosition()
    {
        QFETCH(QByteArray, value);
        const auto head = headWith("X-Test", value);
        QVERIFY(!head);
        QCOMPARE(head.error().code, u"internal"_qs);
    }

    void passesEveryOtherByte()
    {
        QByteArray value;
        for (int c = 1; c < 256; ++c)
            if (c != '\r' && c != '\n')
                value.append(char(c));
        const auto head = headWith("X-Test", value);
        QVERIFY(head);
        QVERIFY(head->contains("X-Test: " + value + "\r\n"));
    }

    void refusesANameThatIsNotAToken_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("space") << QByteArray("X Test");
        QTest::newRow("colon") << QByteArray("X:Test");
        QTest::newRow("CR") << QByteArray("X\rTest");
        QTest::newRow("obs-text") << QByteArray("X\xe9Test");
    }

    void refusesANameThatIsNotAToken()
    {
        QFETCH(QByteArray, name);
        QVERIFY(!headWith(name, "value"));
    }

    void writesFramingItself()
    {
        Response response;
        response.headers.add("Content-Length", "999");
        response.headers.add("Connection", "upgrade");
        response.headers.add("X-Kept", "yes");
        const auto head = ResponseSerializer::head(response, {12, false, false, false}, "D");
        QVERIFY(head);
        QCOMPARE(*head, QByteArray("HTTP/1.1 200 OK\r\nX-Kept: yes\r\nDate: D\r\nContent-Length: 12\r\n"
                                   "Connection: close\r\n\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestResponseSerializer)
#include "tst_responseserializer.moc"
