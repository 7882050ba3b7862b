// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>

namespace ddd::core::storage {

// One prepared statement of one backend (SqliteStatement, PgStatement).
// Statement is the stores' face of it; parameters count from 1, columns
// from 0, as in SQLite.
class StatementEngine
{
public:
    virtual ~StatementEngine() = default;

    virtual void bindInt(int index, qint64 value) = 0;
    virtual void bindText(int index, const QByteArray &utf8) = 0;
    virtual void bindBlob(int index, const QByteArray &bytes) = 0;
    virtual void bindNull(int index) = 0;

    // True with a row to read, false once done. Stepping again after false
    // runs the statement again with the same parameters.
    virtual Result<bool> step() = 0;
    // Back to before the first step, parameters cleared.
    virtual void reset() = 0;

    virtual qint64 columnInt(int column) const = 0;
    virtual QByteArray columnText(int column) const = 0; // UTF-8
    virtual QByteArray columnBlob(int column) const = 0;
    virtual bool columnIsNull(int column) const = 0;
};

} // namespace ddd::core::storage
