// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

namespace ddd::core::model {

// The one place that decides what an acceptable e-mail address is and when two
// addresses name the same account. Shared by the user store (uniqueness), the
// login throttle (counter keys) and the auth service (validation).
class EmailAddress final
{
public:
    static constexpr int kMaxLength = 254; // RFC 5321 path limit minus the brackets
    static constexpr int kMaxLocalLength = 64;

    // A pragmatic check, not RFC 5322: one '@', a non-empty local part without
    // spaces, quotes or separators, and a domain of at least two dot-separated
    // labels (letters, digits, inner hyphens; non-ASCII letters allowed for
    // IDNs). Fails with `user.invalid_email`.
    static Status validate(const QString &email);

    // Identity key: trimmed, NFKC-normalised, then lower-cased. NFKC folds
    // compatibility forms (full-width letters, ligatures) so look-alike spellings
    // of one address cannot register twice; the address as typed is kept for
    // display. Changing this rule requires a migration of users.email_key.
    static QString key(const QString &email);
};

} // namespace ddd::core::model
