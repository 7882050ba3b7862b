// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/versionsource.h"

namespace ddd::core::model {

QString versionSourceName(VersionSource source)
{
    switch (source) {
    case VersionSource::Archive: return u"archive"_qs;
    case VersionSource::Incremental: return u"incremental"_qs;
    case VersionSource::Build: return u"build"_qs;
    }
    return u"archive"_qs;
}

std::optional<VersionSource> versionSourceFromName(const QString &name)
{
    if (name == u"archive")
        return VersionSource::Archive;
    if (name == u"incremental")
        return VersionSource::Incremental;
    if (name == u"build")
        return VersionSource::Build;
    return std::nullopt;
}

} // namespace ddd::core::model
