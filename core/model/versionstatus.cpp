// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/versionstatus.h"

#include <array>
#include <utility>

namespace ddd::core::model {

namespace {

const std::array<std::pair<VersionStatus, QStringView>, 6> &statusNames()
{
    static const std::array<std::pair<VersionStatus, QStringView>, 6> names = {{
        {VersionStatus::Uploading, u"uploading"},
        {VersionStatus::Processing, u"processing"},
        {VersionStatus::Ready, u"ready"},
        {VersionStatus::Failed, u"failed"},
        {VersionStatus::Live, u"live"},
        {VersionStatus::Retired, u"retired"},
    }};
    return names;
}

} // namespace

QString versionStatusName(VersionStatus status)
{
    for (const auto &[value, name] : statusNames())
        if (value == status)
            return name.toString();
    return {};
}

std::optional<VersionStatus> versionStatusFromName(const QString &name)
{
    for (const auto &[value, text] : statusNames())
        if (text == name)
            return value;
    return std::nullopt;
}

bool isActivatable(VersionStatus status)
{
    return status == VersionStatus::Ready || status == VersionStatus::Retired;
}

bool isPreviewable(VersionStatus status)
{
    return isActivatable(status) || status == VersionStatus::Live;
}

} // namespace ddd::core::model
