// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/apitoken.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>

namespace ddd::core::storage {

class ConnectionProvider;

// Rows of `api_tokens`. Only the SHA-256 of a token's secret is stored, so a
// copy of the database does not hand out working tokens. Capabilities are
// kept as a sorted comma-separated list. Missing tokens are `token.not_found`.
class ApiTokenStore final
{
public:
    explicit ApiTokenStore(ConnectionProvider &connections);

    // `token` without id; answers it with the new id. Fails with
    // project.not_found when token.projectId names no project.
    Result<model::ApiToken> insert(const model::ApiToken &token, const QByteArray &secretHash);
    Result<QList<model::ApiToken>> listForUser(qint64 userId);
    Result<model::ApiToken> findBySecretHash(const QByteArray &secretHash);
    // Only the owner may delete; another user's token is reported as missing
    // so ids of foreign tokens cannot be probed.
    Status remove(qint64 userId, qint64 tokenId);
    // Records a use, at most once per minIntervalMs, so authenticating every
    // request does not turn every read into a disk write. True when this
    // call wrote the use (so one of several racing requests sees true).
    Result<bool> touch(qint64 tokenId, qint64 nowMs, qint64 minIntervalMs);

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
