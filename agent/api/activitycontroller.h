// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::deploy {
class ActivityLog;
}

namespace ddd::agent::api {

// A project's activity log (core::deploy::ActivityLog), paged newest first
// and narrowed by `?kind=` and `?version=`.
class ActivityController final
{
public:
    explicit ActivityController(core::deploy::ActivityLog &log);

    http::Response list(Call &call) const; // GET /api/v1/projects/{id}/activity

private:
    core::deploy::ActivityLog &m_log;
};

} // namespace ddd::agent::api
