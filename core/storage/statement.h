// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <type_traits>

namespace ddd::core::storage {

class StatementEngine;

// A prepared statement (RAII). Parameters are 1-based as in SQLite; columns
// are 0-based. step() answers true while rows remain.
class Statement final
{
public:
    explicit Statement(std::unique_ptr<StatementEngine> engine);
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &value); // as a BLOB
    Statement &bind(int index, const std::optional<QString> &value);
    Statement &bind(int index, const std::optional<qint64> &value);
    Statement &bindNull(int index);

    // One step. A constraint violation is reported with code `storage.constraint`
    // so stores can turn it into a domain error (a domain clash, say).
    Result<bool> step();
    // Steps to completion, ignoring rows.
    Status run();
    // Runs an `INSERT ... RETURNING id` and answers the new row's id.
    Result<qint64> runForId();
    // Steps through the remaining rows, turning each into a T with `read`
    // (which returns T, or Result<T> when a row can be refused).
    template<typename T, typename Read>
    Result<QList<T>> collect(Read read);
    void reset();

    qint64 columnInt(int column) const;
    QString columnText(int column) const;
    QByteArray columnBlob(int column) const;
    bool columnIsNull(int column) const;
    std::optional<QString> columnOptionalText(int column) const;
    std::optional<qint64> columnOptionalInt(int column) const;

private:
    std::unique_ptr<StatementEngine> m_engine;
};

template<typename T, typename Read>
Result<QList<T>> Statement::collect(Read read)
{
    QList<T> rows;
    for (;;) {
        Result<bool> more = step();
        if (!more)
            return more.error();
        if (!*more)
            return rows;
        if constexpr (std::is_same_v<std::invoke_result_t<Read &, Statement &>, Result<T>>) {
            Result<T> row = read(*this);
            if (!row)
                return row.error();
            rows.append(std::move(*row));
        } else {
            rows.append(read(*this));
        }
    }
}

} // namespace ddd::core::storage
