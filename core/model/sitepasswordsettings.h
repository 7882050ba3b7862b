// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/projectsettings.h"

#include <QJsonValue>

namespace ddd::core::model {

// The `sitePassword` part of a project's settings JSON: who may see the
// site, under which hosts. Kept apart from ProjectSettings because it alone
// hashes passwords and carries stored hashes over from the base.
class SitePasswordSettings final
{
public:
    // Validates the client's `sitePassword` object and merges it over `base`.
    // A user given without a password keeps the hash it has in `base`; given
    // passwords are hashed (policy.hashPassword) only once every check passed,
    // so a refused request costs no hashing.
    static Result<ProjectSettings::SitePassword> merge(const QJsonValue &value,
                                                       const ProjectSettings::SitePassword &base,
                                                       const ProjectSettings::Policy &policy);
};

} // namespace ddd::core::model
