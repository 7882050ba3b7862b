// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ddd::core::model {

// Where a build is in its life. Queued and running are "active": a project
// has at most one active build.
enum class BuildStatus { Queued, Running, Succeeded, Failed, Cancelled, Interrupted };

// Why a build was started.
enum class BuildTrigger { Upload, Rebuild, Hook, Git };

QString buildStatusName(BuildStatus status);
std::optional<BuildStatus> buildStatusFromName(const QString &name);
bool isActive(BuildStatus status);
QString buildTriggerName(BuildTrigger trigger);
std::optional<BuildTrigger> buildTriggerFromName(const QString &name);

} // namespace ddd::core::model
