// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/statementengine.h"

#include <memory>
#include <vector>

struct pg_result;

namespace ddd::core::storage {

class PgDatabase;

// A statement run on PostgreSQL with typed parameters (bigint, text, bytea
// sent as binary), its rows read on the first step and walked by the rest,
// as SQLite's steps walk theirs.
class PgStatement final : public StatementEngine
{
public:
    PgStatement(PgDatabase &db, QByteArray sql, int parameterCount);
    ~PgStatement() override;
    PgStatement(const PgStatement &) = delete;
    PgStatement &operator=(const PgStatement &) = delete;

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

    struct Parameter
    {
        unsigned type = 0; // an Oid; 0 lets the server infer it (NULL)
        QByteArray value;
        bool null = true;
        bool binary = false;
    };

private:
    struct ResultDeleter
    {
        void operator()(pg_result *result) const;
    };

    Parameter &parameter(int index);
    Status execute();

    PgDatabase &m_db;
    QByteArray m_sql;
    std::vector<Parameter> m_parameters;
    Parameter m_unnamed; // written to and never sent
    std::unique_ptr<pg_result, ResultDeleter> m_result;
    int m_row = -1;
};

} // namespace ddd::core::storage
