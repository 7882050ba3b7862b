// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/acmesettings.h"
#include "core/util/result.h"

namespace ddd::core::acme {

class CertificateStorage;

// `ddd-agent migrate`: a single agent's certificates (statuses under
// acme/status, pairs under certificates/) into the storage agents sharing a
// database read, so they are neither ordered again (the authority's rate
// limits) nor dropped by the site agents' copies. Idempotent: a second run
// writes the same rows again.
class CertificateImport final
{
public:
    struct Count
    {
        int statuses = 0;
        int pairs = 0;
    };

    // `acme.bad_certificate` when a status names a pair whose files are
    // missing or unreadable: better stop than lose it.
    static Result<Count> run(const AcmeSettings &settings, CertificateStorage &into);
};

} // namespace ddd::core::acme
