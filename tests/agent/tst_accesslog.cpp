// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// AccessLog and its JSON lines on their own: escaping that keeps a hostile
// path inside its field, the API path rule, and the buffered writer's
// batching and order.
#include "agent/accesslog.h"
#include "agent/jsonlinewriter.h"

#include <QtTest>

#include <mutex>

using ddd::agent::AccessLog;
using ddd::agent::JsonLineWriter;
using ddd::agent::http::RequestRecord;

namespace {

RequestRecord siteRecord(const QString &path)
{
    RequestRecord record;
    record.routeLabel = u"site"_qs;
    record.method = "GET";
    record.status = 404;
    record.seconds = 0.000250;
    record.bytesSent = 180;
    record.clientAddress = u"203.0.113.7"_qs;
    record.requestHost = u"www.example.com"_qs;
    record.path = path;
    record.protocol = "HTTP/1.1";
    record.secure = true;
    record.errorCode = u"site.not_found"_qs;
    record.projectId = 3;
    record.versionNumber = 7;
    return record;
}

QJsonObject parsed(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

} // namespace

class TestAccessLog final : public QObject
{
    Q_OBJECT

private slots:
    void lineHasEveryField()
    {
        const QByteArray line = AccessLog::line(u"site"_qs, siteRecord(u"/css/a.css"_qs), 1764756151123);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        const QJsonObject object = parsed(line);
        QCOMPARE(object.value(u"time"_qs).toString(), u"2025-12-03T10:02:31.123Z"_qs);
        QCOMPARE(object.value(u"listener"_qs).toString(), u"site"_qs);
        QCOMPARE(object.value(u"client"_qs).toString(), u"203.0.113.7"_qs);
        QCOMPARE(object.value(u"host"_qs).toString(), u"www.example.com"_qs);
        QCOMPARE(object.value(u"path"_qs).toString(), u"/css/a.css"_qs);
        QCOMPARE(object.value(u"status"_qs).toInt(), 404);
        QCOMPARE(object.value(u"bytes"_qs).toInt(), 180);
        QCOMPARE(object.value(u"ms"_qs).toDouble(), 0.25);
        QCOMPARE(object.value(u"protocol"_qs).toString(), u"HTTP/1.1"_qs);
        QCOMPARE(object.value(u"tls"_qs).toBool(), true);
        QCOMPARE(object.value(u"project"_qs).toInt(), 3);
        QCOMPARE(object.value(u"version"_qs).toInt(), 7);
        QCOMPARE(object.value(u"error"_qs).toString(), u"site.not_found"_qs);
    }

    void hostilePathStaysInItsField()
    {
        const QString path = u"/a\"b\\c\nd\u0001e\u00e9\u6f22"_qs;
        const QByteArray line = AccessLog::line(u"site"_qs, siteRecord(path), 0);
        QCOMPARE(line.count('\n'), 1);
        QCOMPARE(parsed(line).value(u"path"_qs).toString(), path);
        QCOMPARE(parsed(line).value(u"status"_qs).toInt(), 404);
    }

    void apiLinesShowTheRoutePattern()
    {
        RequestRecord record = siteRecord(u"/api/v1/projects/12"_qs);
        record.routeLabel = u"GET /api/v1/projects/{id}"_qs;
        QCOMPARE(parsed(AccessLog::line(u"api"_qs, record, 0)).value(u"path"_qs).toString(), u"/api/v1/projects/{id}"_qs);
        record.routeLabel = u"unmatched"_qs;
        record.path = u"/api/v1/hooks/s3cr3t/extra"_qs;
        QCOMPARE(parsed(AccessLog::line(u"api"_qs, record, 0)).value(u"path"_qs).toString(), u"/api/v1/hooks/{token}"_qs);
        record.path = u"/api/v1/nowhere"_qs;
        QCOMPARE(parsed(AccessLog::line(u"api"_qs, record, 0)).value(u"path"_qs).toString(), u"/api/v1/nowhere"_qs);
    }

    void batchesInOrderAndFlushesOnTimer()
    {
        std::mutex mutex;
        QList<QByteArray> batches;
        {
            AccessLog log([&](const QByteArray &lines) {
                std::lock_guard lock(mutex);
                batches << lines;
            }, AccessLog::Options{std::chrono::milliseconds(50), 64 * 1024});
            for (int i = 0; i < 100; ++i)
                log.record(u"site"_qs, siteRecord(u"/%1"_qs.arg(i)));
            // Nothing is written per line; the timer writes the batch.
            QTRY_VERIFY(([&] { std::lock_guard lock(mutex); return !batches.isEmpty(); })());
            log.record(u"site"_qs, siteRecord(u"/last"_qs));
        } // the destructor writes the rest
        const QList<QByteArray> lines = batches.join().split('\n');
        QCOMPARE(lines.size(), 102); // 101 lines and the empty rest after the last '\n'
        for (int i = 0; i < 100; ++i)
            QCOMPARE(parsed(lines.at(i)).value(u"path"_qs).toString(), u"/%1"_qs.arg(i));
        QCOMPARE(parsed(lines.at(100)).value(u"path"_qs).toString(), u"/last"_qs);
        QVERIFY(batches.size() < 101);
    }

    void sizeTriggersAWriteBeforeTheTimer()
    {
        std::mutex mutex;
        int writes = 0;
        AccessLog log([&](const QByteArray &) {
            std::lock_guard lock(mutex);
            ++writes;
        }, AccessLog::Options{std::chrono::hours(1), 4096});
        for (int i = 0; i < 100; ++i)
            log.record(u"site"_qs, siteRecord(u"/%1"_qs.arg(i)));
        QTRY_VERIFY(([&] { std::lock_guard lock(mutex); return writes > 0; })());
    }
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_accesslog.moc"
