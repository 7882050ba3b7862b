// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/siteinspection.h"

#include "core/client/localsite.h"

#include <algorithm>

namespace ddd::app {

bool SiteInspection::blocked() const
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const Finding &finding) { return finding.level == StatusPalette::Level::Problem; });
}

bool SiteInspection::isArchivePath(const QString &path)
{
    return core::client::LocalSite::isArchivePath(path);
}

} // namespace ddd::app
