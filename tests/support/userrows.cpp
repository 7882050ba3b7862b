// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/userrows.h"

#include "core/storage/database.h"
#include "core/storage/statement.h"

#include <QTest>

namespace ddd::test {

qint64 UserRows::insert(core::storage::Database &db, const QString &email, core::model::Role role)
{
    auto statement = db.prepare(
        u"INSERT INTO users (email, email_key, password_hash, role, created_at, updated_at) "
        "VALUES (?1, ?2, 'not-a-hash', ?3, 0, 0) RETURNING id"_qs);
    if (!statement)
        QTest::qFail("cannot prepare the test user's insert", __FILE__, __LINE__);
    const auto id = statement->bind(1, email).bind(2, email.toLower()).bind(3, core::model::roleName(role)).runForId();
    if (!id)
        QTest::qFail("cannot insert test user", __FILE__, __LINE__);
    return id ? *id : 0;
}

} // namespace ddd::test
