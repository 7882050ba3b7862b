// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/pgconnection.h"
#include "tests/support/scriptfixture.h"

#include <QJsonObject>
#include <QtTest>

using ddd::core::storage::PgConnection;
using ddd::test::ScriptFixture;
using namespace std::chrono_literals;

// PgConnection against a real PostgreSQL 15 cluster started for this test
// (tests/support/postgres-fixture.sh): values as parameters, NULLs, the
// stable error codes, transactions, LISTEN/NOTIFY between two connections,
// and a connection the server drops.
class TestPgConnection final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const std::optional<QByteArray> started = m_fixture.start(120s);
        QVERIFY2(started, qPrintable(m_fixture.failure()));
        m_conninfo = *started;
        QVERIFY(!m_conninfo.isEmpty());
        PgConnection db = open();
        QVERIFY(db.exec("CREATE TABLE items (id bigserial PRIMARY KEY, name text UNIQUE NOT NULL, note text)").ok());
    }

    void noServerIsUnavailable()
    {
        auto refused = PgConnection::open("host=127.0.0.1 port=1 user=postgres dbname=postgres");
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"storage.unavailable"_qs);
        QVERIFY(refused.error().message.contains(u"127.0.0.1"_qs));
        auto malformed = PgConnection::open("not a connection string");
        QVERIFY(!malformed);
        QCOMPARE(malformed.error().code, u"storage.unavailable"_qs);
    }

    // Quotes, a statement separator, UTF-8 and NULL arrive as values, never
    // as SQL.
    void parametersRoundTrip()
    {
        PgConnection db = open();
        const QByteArray hostile = "it's'; DROP TABLE items; -- \xc3\xbc";
        auto inserted = db.exec("INSERT INTO items (name, note) VALUES ($1, $2)", {hostile, std::nullopt});
        QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error().message));
        QCOMPARE(inserted->affected, 1);
        auto read = db.exec("SELECT name, note FROM items WHERE name = $1", {hostile});
        QVERIFY(read.ok());
        QCOMPARE(read->columns, (QList<QByteArray>{"name", "note"}));
        QCOMPARE(read->rows.size(), 1);
        QCOMPARE(read->rows[0][0], std::optional<QByteArray>(hostile));
        QCOMPARE(read->rows[0][1], std::optional<QByteArray>());
    }

    void refusalsCarryStableCodes()
    {
        PgConnection db = open();
        QVERIFY(db.exec("INSERT INTO items (name) VALUES ('taken')").ok());
        auto duplicate = db.exec("INSERT INTO items (name) VALUES ($1)", {QByteArray("taken")});
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, u"storage.constraint"_qs);
        QCOMPARE(duplicate.error().details[u"sqlstate"_qs].toString(), u"23505"_qs);
        auto syntax = db.exec("SELEKT 1");
        QVERIFY(!syntax);
        QCOMPARE(syntax.error().code, u"storage.error"_qs);
        QCOMPARE(syntax.error().details[u"sqlstate"_qs].toString(), u"42601"_qs);
        QVERIFY(db.exec("SELECT 1").ok()); // the connection is still usable
    }

    void rolledBackWorkLeavesNothing()
    {
        PgConnection db = open();
        QVERIFY(db.exec("BEGIN").ok());
        QVERIFY(db.exec("INSERT INTO items (name) VALUES ('rolled back')").ok());
        QVERIFY(db.exec("ROLLBACK").ok());
        auto count = db.exec("SELECT count(*) FROM items WHERE name = 'rolled back'");
        QVERIFY(count.ok());
        QCOMPARE(count->rows[0][0], std::optional<QByteArray>("0"));
    }

    void notificationsReachAListener()
    {
        PgConnection listener = open();
        PgConnection sender = open();
        QVERIFY(listener.listen("live pointer").ok()); // quoted as an identifier
        QVERIFY(!listener.waitForNotification(50ms)); // nothing yet: waits, then gives up
        QVERIFY(sender.exec("SELECT pg_notify('live pointer', $1)", {QByteArray("project 7")}).ok());
        QVERIFY(sender.exec("SELECT pg_notify('elsewhere', 'not for us')").ok());
        const auto notification = listener.waitForNotification(10s);
        QVERIFY(notification);
        QCOMPARE(notification->channel, QByteArray("live pointer"));
        QCOMPARE(notification->payload, QByteArray("project 7"));
        QVERIFY(!listener.waitForNotification(100ms)); // the other channel's is not delivered
    }

    void aDroppedConnectionIsUnavailable()
    {
        PgConnection victim = open();
        PgConnection admin = open();
        auto pid = victim.exec("SELECT pg_backend_pid()");
        QVERIFY(pid.ok());
        QVERIFY(admin.exec("SELECT pg_terminate_backend($1::int)", {pid->rows[0][0]}).ok());
        QVERIFY(!victim.waitForNotification(200ms)); // the lost connection ends the wait
        auto after = victim.exec("SELECT 1");
        QVERIFY(!after);
        QCOMPARE(after.error().code, u"storage.unavailable"_qs);
        QVERIFY(!victim.isConnected());
    }

private:
    PgConnection open()
    {
        auto connection = PgConnection::open(m_conninfo);
        if (!connection)
            qFatal("cannot connect to the fixture: %s", qPrintable(connection.error().message));
        return std::move(connection).value();
    }

    ScriptFixture m_fixture{u"postgres-fixture.sh"_qs};
    QByteArray m_conninfo;
};

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
