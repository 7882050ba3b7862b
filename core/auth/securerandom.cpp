// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/securerandom.h"

#include <openssl/rand.h>

namespace ddd::core::auth {

Result<QByteArray> SecureRandom::bytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        return Error::make(u"crypto.random_failed"_qs, u"the random generator failed"_qs);
    return out;
}

} // namespace ddd::core::auth
