// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace ddd::core::storage {
class SecretStore;
}

namespace ddd::core::auth {

// With database.url every agent signs and checks session tokens (and share
// links, whose key derives from it) with one key, kept in agent_secrets, so
// no key file has to be copied between machines. The agent with the api
// role stores it on its first start: the key of its keys/jwt.key (sessions
// signed before the move to PostgreSQL stay valid), created as usual when
// there is none. An agent that only serves sites reads it, and refuses to
// start until the writer has stored it. Without database.url the key file
// alone counts (JwtKeyFile).
//
// Error codes: auth.key_missing (a site agent before the writer stored the
// key), auth.key_invalid (a stored key of the wrong size), JwtKeyFile's
// auth.key_*, storage.*.
class SharedSigningKey final
{
public:
    static Result<QByteArray> forWriter(storage::SecretStore &secrets, const QString &dataDir);
    static Result<QByteArray> forFollower(storage::SecretStore &secrets);
};

} // namespace ddd::core::auth
