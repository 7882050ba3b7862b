// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/acmesettings.h"
#include "core/acme/certificatestatus.h"
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
    // At the start of an agent on a shared database that kept certificates
    // in files before (a release before schema step 22): each project the
    // storage knows nothing of is taken over with its pair (one whose pair
    // cannot be read is left to be ordered again), and the status folder is
    // set aside (status.adopted), so a later start never brings back what
    // the issuer has dropped since.
    static Result<Count> adopt(const AcmeSettings &settings, CertificateStorage &into);

private:
    static Status take(const AcmeSettings &settings, const CertificateStatus &status, CertificateStorage &into,
                       Count &count);
};

} // namespace ddd::core::acme
