// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/statementengine.h"

struct sqlite3_stmt;

namespace ddd::core::storage {

// A prepared SQLite statement, finalised on destruction.
class SqliteStatement final : public StatementEngine
{
public:
    explicit SqliteStatement(sqlite3_stmt *stmt);
    ~SqliteStatement() override;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    void bindInt(int index, qint64 value) override;
    void bindText(int index, const QByteArray &utf8) override;
    void bindBlob(int index, const QByteArray &bytes) override;
    void bindNull(int index) override;
    Result<bool> step() override;
    void reset() override;
    qint64 columnInt(int column) const override;
    QByteArray columnText(int column) const override;
    QByteArray columnBlob(int column) const override;
    bool columnIsNull(int column) const override;

private:
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace ddd::core::storage
