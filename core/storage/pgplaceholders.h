// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ddd::core::storage {

// The stores' SQL names parameters `?N` (SQLite); PostgreSQL wants `$N`.
// Rewrites them outside string literals, quoted identifiers and comments,
// and counts them, so one SQL text serves both backends.
class PgPlaceholders final
{
public:
    struct Translated
    {
        QByteArray sql;
        int parameterCount = 0; // the highest N
    };

    static Translated translate(const QString &sql);
};

} // namespace ddd::core::storage
