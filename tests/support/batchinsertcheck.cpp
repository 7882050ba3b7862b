// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/batchinsertcheck.h"

#include "core/storage/batchinsert.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

#include <QTest>

namespace ddd::test {

using core::storage::BatchInsert;
using core::storage::SqlDialect;

void checkBatchInsert(core::storage::Database &db)
{
    const QString blob = db.dialect() == SqlDialect::Sqlite ? u"BLOB"_qs : u"BYTEA"_qs;
    QVERIFY(db.exec(u"CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT, data %1)"_qs.arg(blob)).ok());
    constexpr qint64 kRows = 2 * BatchInsert::kMaxRows + 201;
    BatchInsert insert(db, u"items"_qs, {u"id"_qs, u"name"_qs, u"data"_qs});
    for (qint64 id = 1; id <= kRows; ++id) {
        const BatchInsert::Value data = id % 3 == 0 ? BatchInsert::Value() : QByteArray("\x00\xff", 2) + QByteArray::number(id);
        QVERIFY(insert.add({id, u"n\u00e4me %1"_qs.arg(id), data}).ok());
    }
    QVERIFY(insert.finish().ok());

    auto read = db.prepare(u"SELECT COUNT(*), SUM(id), COUNT(data) FROM items"_qs);
    QVERIFY(read && read->step().value());
    QCOMPARE(read->columnInt(0), kRows);
    QCOMPARE(read->columnInt(1), kRows * (kRows + 1) / 2);
    QCOMPARE(read->columnInt(2), kRows - kRows / 3);
    auto last = db.prepare(u"SELECT name, data FROM items WHERE id = ?1"_qs);
    QVERIFY(last && last->bind(1, kRows).step().value());
    QCOMPARE(last->columnText(0), u"n\u00e4me %1"_qs.arg(kRows));
    QCOMPARE(last->columnBlob(1), QByteArray("\x00\xff", 2) + QByteArray::number(kRows));

    BatchInsert clash(db, u"items"_qs, {u"id"_qs, u"name"_qs, u"data"_qs});
    QVERIFY(clash.add({kRows + 1, u"new"_qs, BatchInsert::Value()}).ok());
    QVERIFY(clash.add({qint64(7), u"taken"_qs, BatchInsert::Value()}).ok());
    QCOMPARE(clash.finish().error().code, u"storage.constraint"_qs);
}

} // namespace ddd::test
