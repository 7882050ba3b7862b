// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/buildhook.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;
class Statement;

// Rows of `build_hooks`; secrets are looked up by their SHA-256 only.
class BuildHookStore final
{
public:
    explicit BuildHookStore(ConnectionProvider &connections);

    Result<model::BuildHook> insert(const model::BuildHook &hook, const QByteArray &secretHash);
    Result<QList<model::BuildHook>> listByProject(qint64 projectId);
    Result<std::optional<model::BuildHook>> find(qint64 id);
    Result<std::optional<model::BuildHook>> findBySecretHash(const QByteArray &secretHash);
    Status touch(qint64 id, qint64 nowMs);
    Status remove(qint64 id);

private:
    Result<QList<model::BuildHook>> collect(const QString &where, const std::function<void(Statement &)> &bind);

    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
