// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace ddd::core::backup {

// One thing `ddd-agent check` found wrong, with a stable code:
// check.database_missing, check.database_corrupt, check.foreign_key,
// check.size_conflict, check.blob_missing, check.blob_size, check.blob_corrupt.
struct CheckProblem final
{
    QString code;
    QString message;
    QJsonObject details; // sha256, versions, sources, table, ...
};

struct CheckReport final
{
    QList<CheckProblem> problems;
    QMap<QString, qint64> counts; // what was checked
    qint64 elapsedMs = 0;

    bool ok() const { return problems.isEmpty(); }
    QJsonObject toJson() const;
    // One line per problem, then the summary.
    QString toText() const;
};

} // namespace ddd::core::backup
