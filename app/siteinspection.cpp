// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/siteinspection.h"

#include <algorithm>

namespace ddd::app {

bool SiteInspection::blocked() const
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const Finding &finding) { return finding.level == StatusPalette::Level::Problem; });
}

bool SiteInspection::isArchivePath(const QString &path)
{
    const QString name = path.toLower();
    return name.endsWith(u".zip") || name.endsWith(u".tar") || name.endsWith(u".tar.gz") || name.endsWith(u".tgz");
}

} // namespace ddd::app
