// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The text/event-stream framing, fed in every possible split of the bytes.
#include "core/client/eventstreamparser.h"

#include <QtTest>

using ddd::core::client::EventStreamParser;
using Event = EventStreamParser::Event;

Q_DECLARE_METATYPE(QList<EventStreamParser::Event>)

class TestEventStreamParser final : public QObject
{
    Q_OBJECT

private slots:
    void framing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QList<Event>>("events");
        QTest::newRow("one line") << QByteArray("event: line\ndata: hello\n\n") << QList<Event>{{u"line"_qs, u"hello"_qs}};
        QTest::newRow("crlf") << QByteArray("event: line\r\ndata: a\r\n\r\n") << QList<Event>{{u"line"_qs, u"a"_qs}};
        QTest::newRow("multi-line data")
            << QByteArray("event: end\ndata: {\"a\":\ndata: 1}\n\n") << QList<Event>{{u"end"_qs, u"{\"a\":\n1}"_qs}};
        QTest::newRow("no name is message") << QByteArray("data: x\n\n") << QList<Event>{{u"message"_qs, u"x"_qs}};
        QTest::newRow("comment and keep-alive")
            << QByteArray(": ping\n\nevent: line\ndata:no space\n\n") << QList<Event>{{u"line"_qs, u"no space"_qs}};
        QTest::newRow("only one leading space goes")
            << QByteArray("data:   indented\n\n") << QList<Event>{{u"message"_qs, u"  indented"_qs}};
        QTest::newRow("empty data line") << QByteArray("event: line\ndata:\n\n") << QList<Event>{{u"line"_qs, QString()}};
        QTest::newRow("no data, no event") << QByteArray("event: line\n\n") << QList<Event>{};
        QTest::newRow("utf-8") << QByteArray("event: line\ndata: gr\xc3\xbc\xc3\x9f\x65\n\n")
                               << QList<Event>{{u"line"_qs, u"grüße"_qs}};
        QTest::newRow("two events")
            << QByteArray("event: line\ndata: 1\n\nevent: line\ndata: 2\n\n")
            << QList<Event>{{u"line"_qs, u"1"_qs}, {u"line"_qs, u"2"_qs}};
        QTest::newRow("unfinished event waits") << QByteArray("event: line\ndata: 1\n") << QList<Event>{};
    }

    void framing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QList<Event>, events);
        // Every split point, so a line or a UTF-8 character cut in two survives.
        for (qsizetype split = 0; split <= bytes.size(); ++split) {
            EventStreamParser parser;
            QList<Event> got = parser.feed(bytes.left(split));
            got += parser.feed(bytes.mid(split));
            QCOMPARE(got, events);
        }
    }

    void byteByByte()
    {
        const QByteArray bytes = "event: line\r\ndata: a\r\n\r\nevent: end\ndata: {}\n\n";
        EventStreamParser parser;
        QList<Event> got;
        for (char byte : bytes)
            got += parser.feed(QByteArray(1, byte));
        QCOMPARE(got, (QList<Event>{{u"line"_qs, u"a"_qs}, {u"end"_qs, u"{}"_qs}}));
        QVERIFY(!parser.hasPartialEvent());
        parser.feed("data: x");
        QVERIFY(parser.hasPartialEvent());
    }
};

QTEST_GUILESS_MAIN(TestEventStreamParser)
#include "tst_eventstreamparser.moc"
