// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/buildstatus.h"

#include <QStringList>

namespace ddd::core::model {

namespace {

const QStringList &statusNames()
{
    static const QStringList names{u"queued"_qs,    u"running"_qs,   u"succeeded"_qs,
                                   u"failed"_qs,    u"cancelled"_qs, u"interrupted"_qs};
    return names;
}

const QStringList &triggerNames()
{
    static const QStringList names{u"upload"_qs, u"rebuild"_qs, u"hook"_qs, u"git"_qs};
    return names;
}

} // namespace

QString buildStatusName(BuildStatus status)
{
    return statusNames().at(int(status));
}

std::optional<BuildStatus> buildStatusFromName(const QString &name)
{
    const qsizetype index = statusNames().indexOf(name);
    return index < 0 ? std::nullopt : std::optional<BuildStatus>(BuildStatus(index));
}

bool isActive(BuildStatus status)
{
    return status == BuildStatus::Queued || status == BuildStatus::Running;
}

QString buildTriggerName(BuildTrigger trigger)
{
    return triggerNames().at(int(trigger));
}

std::optional<BuildTrigger> buildTriggerFromName(const QString &name)
{
    const qsizetype index = triggerNames().indexOf(name);
    return index < 0 ? std::nullopt : std::optional<BuildTrigger>(BuildTrigger(index));
}

} // namespace ddd::core::model
