// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/agentstatus.h"

#include "core/wire/jsonfields.h"

#include <QJsonArray>

namespace ddd::core::client {

namespace {

AgentStatus::ClusterAgent agentFrom(wire::JsonFields &fields)
{
    AgentStatus::ClusterAgent agent;
    agent.id = fields.string(u"id"_qs);
    agent.name = fields.string(u"name"_qs);
    for (const QJsonValue &role : fields.array(u"roles"_qs))
        agent.roles << role.toString();
    agent.version = fields.string(u"version"_qs);
    agent.startedAtMs = fields.timestamp(u"startedAt"_qs);
    agent.heartbeatAtMs = fields.timestamp(u"heartbeatAt"_qs);
    agent.alive = fields.boolean(u"alive"_qs);
    return agent;
}

std::optional<Error> readCluster(wire::JsonFields &status, AgentStatus &into)
{
    if (!status.has(u"cluster"_qs))
        return std::nullopt;
    wire::JsonFields fields = status.nested(u"cluster"_qs);
    AgentStatus::Cluster cluster;
    cluster.ok = fields.boolean(u"ok"_qs);
    if (!cluster.ok)
        cluster.error = fields.string(u"error"_qs);
    for (const QJsonValue &value : cluster.ok ? fields.array(u"agents"_qs) : QJsonArray()) {
        wire::JsonFields agent = fields.element(value, u"agents"_qs);
        cluster.agents.append(agentFrom(agent));
        cluster.agents.last().lagMs = value[u"lagMs"_qs].toInteger();
        fields.adopt(agent);
    }
    status.adopt(fields);
    if (auto error = status.error())
        return error;
    into.cluster = std::move(cluster);
    return std::nullopt;
}

} // namespace

Result<AgentStatus> AgentStatus::fromJson(const QJsonObject &json)
{
    wire::JsonFields fields(json);
    AgentStatus status;
    status.version = fields.string(u"version"_qs);
    status.startedAtMs = fields.timestamp(u"startedAt"_qs);
    status.uptimeSeconds = json.value(u"uptimeSeconds"_qs).toInteger();
    status.databaseOk = json.value(u"database"_qs)[u"ok"_qs].toBool();
    status.diskFreeBytes = json.value(u"disk"_qs)[u"freeBytes"_qs].toInteger();
    status.diskTotalBytes = json.value(u"disk"_qs)[u"totalBytes"_qs].toInteger();
    if (auto error = fields.error())
        return *error;
    if (auto error = readCluster(fields, status))
        return *error;
    return status;
}

} // namespace ddd::core::client
