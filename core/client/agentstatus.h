// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::client {

// What GET /api/v1/status tells an operator (docs/api.md): the agent
// answering, and with a shared database every agent of the cluster.
struct AgentStatus final
{
    struct ClusterAgent
    {
        QString id;
        QString name; // its host name
        QStringList roles;
        QString version;
        qint64 startedAtMs = 0;
        qint64 heartbeatAtMs = 0;
        bool alive = false;
        qint64 lagMs = 0; // how long its sites have differed from the database
    };
    struct Cluster
    {
        bool ok = false;
        QString error; // the code, when !ok
        QList<ClusterAgent> agents;
    };

    QString version;
    qint64 startedAtMs = 0;
    qint64 uptimeSeconds = 0;
    bool databaseOk = false;
    qint64 diskFreeBytes = 0;
    qint64 diskTotalBytes = 0;
    std::optional<Cluster> cluster; // only with database.url

    static Result<AgentStatus> fromJson(const QJsonObject &json);
};

} // namespace ddd::core::client
