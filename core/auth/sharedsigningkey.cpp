// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/sharedsigningkey.h"

#include "core/auth/jwtkeyfile.h"
#include "core/storage/secretstore.h"

namespace ddd::core::auth {

namespace {

const QString SecretName = u"session_token_key"_qs;

Result<QByteArray> checked(const QByteArray &key)
{
    if (key.size() < JwtKeyFile::kKeyBytes || key.size() > JwtKeyFile::kMaxKeyBytes)
        return Error::make(u"auth.key_invalid"_qs, u"The session-token key in the database has %1 bytes, not %2 to %3"_qs
                                                       .arg(key.size())
                                                       .arg(JwtKeyFile::kKeyBytes)
                                                       .arg(JwtKeyFile::kMaxKeyBytes));
    return key;
}

} // namespace

Result<QByteArray> SharedSigningKey::forWriter(storage::SecretStore &secrets, const QString &dataDir)
{
    Result<std::optional<QByteArray>> stored = secrets.find(SecretName);
    if (!stored)
        return stored.error();
    if (*stored)
        return checked(**stored);
    Result<QByteArray> local = JwtKeyFile::loadOrCreate(dataDir);
    if (!local)
        return local.error();
    Result<QByteArray> kept = secrets.keepFirst(SecretName, *local);
    return kept ? checked(*kept) : kept;
}

Result<QByteArray> SharedSigningKey::forFollower(storage::SecretStore &secrets)
{
    Result<std::optional<QByteArray>> stored = secrets.find(SecretName);
    if (!stored)
        return stored.error();
    if (!*stored)
        return Error::make(u"auth.key_missing"_qs, u"The database holds no session-token key yet: start an agent "
                                                   "with the api or build role first"_qs);
    return checked(**stored);
}

} // namespace ddd::core::auth
