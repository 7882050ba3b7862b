// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/projectsettings.h"

#include <QString>

namespace ddd::core::build {

// One build to run: a materialised source tree and an empty output folder,
// both host paths under the data root's build work area.
struct BuildRequest final
{
    QString sourceDirectory; // read-only inside the sandbox
    QString outputDirectory; // empty; the only place the build may write
    model::ProjectSettings settings;
};

} // namespace ddd::core::build
