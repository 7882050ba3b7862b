// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::acme {
class CertificateManager;
}

namespace ddd::core::deploy {
class ProjectService;
}

namespace ddd::agent::api {

// A project's automatic certificate as the owner sees it: the names asked
// for, pending/valid/failed, expiry, lego's last error and the next attempt.
class CertificateController final
{
public:
    // `manager` is null when acme.enabled is off.
    CertificateController(core::deploy::ProjectService &projects, const core::acme::CertificateManager *manager);

    http::Response get(Call &call) const; // GET /api/v1/projects/{id}/certificate

private:
    core::deploy::ProjectService &m_projects;
    const core::acme::CertificateManager *m_manager;
};

} // namespace ddd::agent::api
